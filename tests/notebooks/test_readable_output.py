"""What a reader sees in the executed notebooks (target/executed/*.ipynb): the charts pass the
layout check the display extension runs on them (no text clipped, overlapping or closer than
4 px, at most 10 ticks per axis, no TeX in chart text), and a series keeps one colour within a
notebook.

Run after `tools/notebooks.py execute` (or site): `pytest tests/notebooks/test_readable_output.py`.
"""

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_notebooks import IDS, NOTEBOOKS, ROOT, executed  # noqa: E402

sys.path.insert(0, str(ROOT / "tools"))
import chartmeta  # noqa: E402
import explore_frames  # noqa: E402

def charts(nb):
    """(cell number, chartmeta.ChartMeta) of each image output."""
    for number, cell in enumerate(nb.cells, start=1):
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "image/png" in data or "image/svg+xml" in data:
                yield number, chartmeta.read(data)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_every_chart_passes_the_layout_check(path):
    bad = []
    for number, meta in charts(executed(path)):
        if meta.ok is not True:
            bad.append(f"cell {number}: {meta.verdict}")
    assert not bad, f"{path.stem}:\n" + "\n".join(bad)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_the_pdfs_small_multiples_pass_the_layout_check_at_the_size_they_are_drawn(path):
    """An Explore cell's frames drawn for the PDF (ExploreBundle's `print`: smaller, without their
    title) are checked as the charts are, at that size."""
    aside = ROOT / "target" / "executed" / f"{path.stem}{explore_frames.ASIDE}"
    if not aside.is_file():
        pytest.skip(f"{path.stem} has no Explore cell, or its frames were not drawn")
    bad = []
    for item in json.loads(aside.read_text(encoding="utf-8")):
        bundle = item["bundle"] if isinstance(item["bundle"], dict) else json.loads(item["bundle"])
        for m in bundle["print"]:
            if m["layout"]["ok"] is not True:
                bad.append(f"cell {item['cell'] + 1}, {m['label']}: " + "; ".join(m["layout"]["problems"]))
    assert not bad, f"{path.stem}:\n" + "\n".join(bad)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_a_series_keeps_one_colour_within_a_notebook(path):
    seen = {}
    clashes = []
    for number, meta in charts(executed(path)):
        for name, colour in meta.colours:
            if colour is None:
                continue
            if seen.setdefault(name, (colour, number))[0] != colour:
                clashes.append(f"{name!r}: {seen[name][0]} in cell {seen[name][1]}, {colour} in cell {number}")
    assert not clashes, f"{path.stem}:\n" + "\n".join(clashes)
