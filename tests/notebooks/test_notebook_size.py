"""The executed notebooks stay light enough to open, diff and download: each executed copy
(target/executed/NN-*.ipynb, written by bin/site or bin/notebook) is at most BUDGET bytes, each
chart is stored once (SVG, no PNG beside it), and the SVG keeps its text as text (<text> elements,
not glyph outlines). Notebook 01 weighed 3.15 MB when each chart was stored as SVG and PNG and
XChart's labels were paths.

Run: `pytest tests/notebooks -k size` (after bin/site, or bin/notebook on the notebooks to check).
"""

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import notebooks as runner  # noqa: E402

NOTEBOOKS = runner.all_notebooks()
IDS = [p.stem for p in NOTEBOOKS]
BUDGET = 1_000_000  # bytes per executed notebook (issue #33)


def executed_copy(path):
    copy = runner.EXECUTED / path.name
    if not copy.is_file():
        runner.execute(path)
    return copy


def charts(nb):
    for number, cell in enumerate(nb["cells"], start=1):
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "image/svg+xml" in data or "image/png" in data:
                yield number, data


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_executed_notebook_is_within_its_size_budget(path):
    copy = executed_copy(path)
    size = copy.stat().st_size
    nb = json.loads(copy.read_text(encoding="utf-8"))
    biggest = sorted(((len(json.dumps(data)), number) for number, data in charts(nb)), reverse=True)[:3]
    assert size <= BUDGET, (f"{copy.name} is {size:,} bytes, over the budget of {BUDGET:,}; "
                            f"largest charts (bytes, cell): {biggest}")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_each_chart_is_stored_once_as_svg_with_its_text_as_text(path):
    nb = json.loads(executed_copy(path).read_text(encoding="utf-8"))
    for number, data in charts(nb):
        assert "image/png" not in data, f"{path.name} cell {number}: the chart is stored as PNG too"
        svg = data["image/svg+xml"]
        svg = "".join(svg) if isinstance(svg, list) else svg
        assert "<text" in svg, f"{path.name} cell {number}: the SVG has no <text>: its labels are outlines"
