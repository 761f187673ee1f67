"""Every code line of every stored notebook fits in 100 characters (issue #19, item 3).

The site shows code in a column about 80 characters wide and wraps what is longer; lines
beyond 100 characters wrap twice and read badly in JupyterLab as well. Markdown cells are
prose and are not measured: the renderer reflows them.

Run: `pytest tests/notebooks/test_code_lines.py`.
"""

import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import notebooks as runner  # noqa: E402

LIMIT = 100
NOTEBOOKS = runner.all_notebooks()


def long_lines(nb):
    """(cell number counted from 1, line number counted from 1, length) of each code line over LIMIT."""
    found = []
    for number, cell in enumerate(nb.cells, start=1):
        if cell.cell_type != "code":
            continue
        for line_number, line in enumerate(cell.source.splitlines(), start=1):
            if len(line) > LIMIT:
                found.append((number, line_number, len(line)))
    return found


def test_long_lines_are_found():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x;\n" + "y" * (LIMIT + 1)),
                                         nbformat.v4.new_markdown_cell("z" * 300),
                                         nbformat.v4.new_code_cell("w" * LIMIT)])
    assert long_lines(nb) == [(1, 2, LIMIT + 1)]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_code_lines_fit_in_100_characters(path):
    found = long_lines(nbformat.read(path, as_version=4))
    where = ", ".join(f"cell {c} line {l} ({n} chars)" for c, l, n in found)
    assert not found, f"{path.name}: code lines over {LIMIT} characters: {where}"
