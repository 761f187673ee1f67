"""The repository's folders that the tools read and write, named in one place.

The modules read them as `places.EXECUTED` and so on when they run, so that a test can point them
at temporary folders (monkeypatch.setattr(places, "EXECUTED", tmp_path / "executed")).
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
EXECUTED = ROOT / "target" / "executed"
SITE = ROOT / "site"
SITE_NEXT = ROOT / "target" / "site.next"
QA = ROOT / "target" / "qa"  # the charts' layout report (tools/gallery.py), kept out of the site
TEMPLATES = ROOT / "tools" / "templates"
