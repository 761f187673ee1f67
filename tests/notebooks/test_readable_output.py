"""What a reader sees in the executed notebooks (target/executed/*.ipynb): the charts pass the
layout check the display extension runs on them (no text clipped, overlapping or closer than
4 px, at most 10 ticks per axis, no TeX in chart text), and a series keeps one colour within a
notebook.

Run after `tools/notebooks.py execute` (or site): `pytest tests/notebooks/test_readable_output.py`.
"""

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_notebooks import IDS, NOTEBOOKS, executed  # noqa: E402

def charts(nb):
    """(cell number, text/plain) of each image output."""
    for number, cell in enumerate(nb.cells, start=1):
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "image/png" in data or "image/svg+xml" in data:
                yield number, data.get("text/plain", "")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_every_chart_passes_the_layout_check(path):
    bad = []
    for number, text in charts(executed(path)):
        verdict = next((l for l in text.splitlines() if l.startswith("layout:")), "layout: not checked")
        if verdict != "layout: ok":
            bad.append(f"cell {number}: {verdict}")
    assert not bad, f"{path.stem}:\n" + "\n".join(bad)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_a_series_keeps_one_colour_within_a_notebook(path):
    seen = {}
    clashes = []
    for number, text in charts(executed(path)):
        line = next((l for l in text.splitlines() if l.startswith("colours:")), "colours:")
        for entry in line[len("colours:"):].split(" | "):
            m = re.fullmatch(r"\s*(.+?) (#[0-9a-f]{6})\s*", entry)
            if not m:
                continue
            name, colour = m.groups()
            if seen.setdefault(name, (colour, number))[0] != colour:
                clashes.append(f"{name!r}: {seen[name][0]} in cell {seen[name][1]}, {colour} in cell {number}")
    assert not clashes, f"{path.stem}:\n" + "\n".join(clashes)
