"""No output of the executed notebooks (target/executed/*.ipynb) is a raw Java `toString`: not a
record (`Estimate[value=0.1235…, standardError=…]`), a map (`{U(f)=3, =6}`), an object
(`dltheory.init.Sweep@1b2c3d4`) or a double with all its digits (`0.12351214125852533`).
Results display through the library's display extension (a small table, a ✓ line) or are
formatted to the digits that matter. Charts' text/plain forms are left out (the layout check
covers them).

Run after `tools/notebooks.py execute` (or site): `pytest tests/notebooks/test_printed_output.py`.
"""

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_notebooks import IDS, NOTEBOOKS, executed  # noqa: E402

RECORD = re.compile(r"\b[A-Z]\w*\[\w+=")
MAP = re.compile(r"\{[^{}\n]*\w?=[^{}\n]*\}")
OBJECT = re.compile(r"\b[a-z]\w*(\.\w+)+@[0-9a-f]{4,}\b")
LONG_NUMBER = re.compile(r"(?<![\w.])-?\d+\.\d{10,}(E-?\d+)?")
TEX = re.compile(r"[_^]\{|\\[a-zA-Z]+")


def texts(nb):
    """(cell number, text) of every printed output and every text/plain result that is not a chart."""
    for number, cell in enumerate(nb.cells, start=1):
        if cell.cell_type != "code":
            continue
        for out in cell.get("outputs", []):
            if out.output_type == "stream":
                yield number, out.text
            elif out.output_type in ("execute_result", "display_data"):
                data = out.get("data", {})
                if not any(k.startswith("image/") for k in data):
                    yield number, data.get("text/plain", "")


def defects(text):
    found = []
    for pattern, what in ((RECORD, "record toString"), (MAP, "map toString"), (OBJECT, "Object.toString"),
                          (LONG_NUMBER, "a double with all its digits")):
        for m in pattern.finditer(text):
            found.append(f"{what}: …{text[max(0, m.start() - 30):m.end() + 30]}…")
    for line in text.splitlines():
        if line.startswith(("✓", "✗")) and TEX.search(line):
            found.append(f"TeX in a check line: {line}")
    return found


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_no_output_is_a_raw_tostring(path):
    bad = [f"cell {number}: {d}" for number, text in texts(executed(path)) for d in defects(text)]
    assert not bad, f"{path.stem}:\n" + "\n".join(bad)


def test_the_patterns_catch_the_defects_they_are_for():
    assert defects("Estimate[value=0.1235, standardError=4.3461444785649304E-4]")
    assert defects("{U(f)=3, V=4, =6}")
    assert defects("dltheory.init.Sweep@1b2c3d4")
    assert defects("mean=-0.001664163378406095")
    assert defects("✓ ‖u_{t+1}‖ = 1 ≤ 2")
    assert not defects("Var[a⁽ᵗ⁾] = 0.5, {1, 2}, 0.1235\n✓ ‖uₜ₊₁‖ = 1 ≤ 2")


def ends_with_semicolon(source):
    """True if the code, without trailing blank lines and // comments, ends with ';'."""
    lines = [re.sub(r"\s*//.*$", "", line) for line in source.rstrip().splitlines()]
    return "\n".join(lines).rstrip().endswith(";")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_no_stray_value_after_a_closing_semicolon(path):
    """The kernel, like IJava and JJava, shows the value of a cell's last expression even after ';'.
    A cell ending with ';' is a statement or a declaration: a result under it would be a stray value
    (a check's boolean, the PrintStream of System.out.printf, a display id)."""
    bad = []
    for number, cell in enumerate(executed(path).cells, start=1):
        if cell.cell_type == "code" and ends_with_semicolon(cell.source):
            for out in cell.get("outputs", []):
                if out.output_type == "execute_result":
                    bad.append(f"cell {number}: {out.get('data', {}).get('text/plain', '')[:80]!r}")
    assert not bad, f"{path.stem}:\n" + "\n".join(bad)


def test_semicolon_detection():
    assert ends_with_semicolon("int n = 3;   // three\n\n")
    assert ends_with_semicolon("Check.close(a,\n    b);")
    assert not ends_with_semicolon("chart")
    assert not ends_with_semicolon("for (int i = 0; i < 3; i++) { f(i); }")
