"""Re-running cells in one kernel behaves as a fresh definition (issue 16, item 1).

Students re-run all the time: after editing a parameter, after an error, after reading on. These
tests run every project notebook twice in one kernel (Run All, then Run All again), and script a
session that edits a parameter cell and re-runs the cells below it.
"""
import sys
from pathlib import Path

import pytest

from conftest import Kernel

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
import run_twice  # noqa: E402

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))


@pytest.fixture(scope="module")
def twice(request):
    """Every selected notebook run twice in one kernel (tests/run_twice.py: two at a time, once per session)."""
    return run_twice.runs(run_twice.selected_paths(request))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_run_all_twice_in_one_kernel(path, twice):
    runs = twice[path]
    assert "crashed" not in runs, runs.get("crashed")
    for run in ("first", "second"):
        assert runs[run]["errors"] == [], f"{run} Run All of {path.name}"


def test_edited_parameter_cell_and_the_cells_below_see_the_new_value():
    k = Kernel()
    try:
        below = [
            "double rate(int n) { return 1.0 / n; }",
            "record Step(int n, double r) { }",
            "List<Step> steps = new ArrayList<>();\nfor (int i = 1; i <= n; i++) steps.add(new Step(i, rate(i)));",
            "double total = steps.stream().mapToDouble(Step::r).sum();",
            "String.format(\"%d steps, total %.4f\", steps.size(), total)",
        ]
        seen = []
        for n in (4, 4, 2, 3):  # the same parameter again, then edits
            reply, _ = k.execute(f"int n = {n};")
            assert reply["status"] == "ok", reply
            for cell in below[:-1]:
                reply, _ = k.execute(cell)
                assert reply["status"] == "ok", (cell, reply)
            seen.append(k.value(below[-1]))
        assert seen == ['4 steps, total 2.0833', '4 steps, total 2.0833',
                        '2 steps, total 1.5000', '3 steps, total 1.8333']
        reply, _ = k.execute("int q = 1;")
        assert reply["status"] == "ok", reply
    finally:
        k.stop()


def test_identical_declaration_twice_then_a_new_one(kernel):
    for code in ("int w = 1;", "int w = 1;", "int q = 1;"):
        reply, _ = kernel.execute(code)
        assert reply["status"] == "ok", (code, reply)
    assert kernel.value("w + q") == "2"
