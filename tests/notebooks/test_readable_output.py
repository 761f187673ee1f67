"""What a reader sees in the executed notebooks (target/executed/*.ipynb): the charts pass the
layout check the display extension runs on them (no text clipped, overlapping or closer than
4 px, at most 10 ticks per axis, no TeX in chart text), and a series keeps one colour within a
notebook.

Run after `tools/notebooks.py execute` (or site): `pytest tests/notebooks/test_readable_output.py`.
"""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_notebooks import IDS, NOTEBOOKS, ROOT, executed  # noqa: E402

sys.path.insert(0, str(ROOT / "tools"))
import chartmeta  # noqa: E402

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
