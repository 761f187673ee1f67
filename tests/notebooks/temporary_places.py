"""The site tools' folders (tools/places.py) moved under a test's temporary folder."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import places  # noqa: E402


def temporary_places(tmp_path, monkeypatch, made=("notebooks", "executed", "site")):
    """Points notebooks/, target/executed/, site/, the site's staging folder and the charts' layout
    report (qa/) at folders of those names under `tmp_path`, makes the ones in `made`, and returns
    {name: path} for the first four."""
    paths = {k: tmp_path / k for k in ("notebooks", "executed", "site", "site.next")}
    for k in made:
        paths[k].mkdir()
    monkeypatch.setattr(places, "NOTEBOOKS", paths["notebooks"])
    monkeypatch.setattr(places, "EXECUTED", paths["executed"])
    monkeypatch.setattr(places, "SITE", paths["site"])
    monkeypatch.setattr(places, "SITE_NEXT", paths["site.next"])
    monkeypatch.setattr(places, "QA", tmp_path / "qa")
    return paths
