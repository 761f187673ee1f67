"""The notebooks are the collection's main tests (see ../shared/NOTEBOOKS.md for their rules).

For every notebooks/NN-*.ipynb:
- it is stored without outputs, with the kernelspec `java`;
- it executes with the project kernel without an error output (bin/test's site stage executed it
  and left the executed copy in target/executed/; a missing copy is executed here);
- a second execution in a fresh kernel prints the same text, and so does Run All again in that
  kernel (reproducibility; the runs are tests/run_twice.py's, shared with tests/kernel/test_rerun.py).
  Rule: a line that reports a measured time (`Wall time`, `CPU times`, or `… took/elapsed …
  <number>`) is left out of the comparison;
- a topic notebook (01–06) shows something: at least one chart (image output), one table (HTML),
  and at least one passed check (a line starting with ✓); it has a Summary and an Exercises section,
  and its untouched exercises say "not answered yet";
- its Markdown uses no LaTeX macro that MathJax 2 lacks.

Run one notebook's tests: `pytest tests/notebooks -k 01-initialization`.
"""

import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "tests"))
import notebooks as runner  # noqa: E402
import run_twice  # noqa: E402
from run_twice import text_outputs  # noqa: E402

NOTEBOOKS = runner.all_notebooks()
IDS = [p.stem for p in NOTEBOOKS]
MATHJAX2_MISSING = ["\\llbracket", "\\rrbracket", "\\coloneqq", "\\eqqcolon", "\\bm{", "\\mathscr{"]


def executed(path):
    copy = runner.EXECUTED / path.name
    if not copy.is_file():
        runner.execute(path)
    return nbformat.read(copy, as_version=4)


def outputs_of(nb, kind):
    return [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if kind(o)]


def printed(nb):
    return "".join(o.get("text", "") for o in outputs_of(nb, lambda o: o.output_type == "stream"))


def is_topic(path):
    return not path.stem.startswith("00-")


def test_there_are_notebooks():
    assert NOTEBOOKS, "no notebooks/NN-*.ipynb found"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_stored_without_outputs_and_with_the_java_kernel(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata.kernelspec.name == "java", f"{path.name}: kernelspec is {nb.metadata.kernelspec}"
    assert nb.metadata.kernelspec.language == "java"
    for number, cell in enumerate(nb.cells, start=1):
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name} cell {number} is stored with outputs: clear them"
            assert cell.execution_count is None, f"{path.name} cell {number} is stored with an execution count"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_executes_without_error(path):
    nb = executed(path)
    error = runner.first_error(nb)
    assert error is None, f"{path.name} cell {error[0]}: {error[1].ename}: {error[1].evalue}" if error else ""


@pytest.fixture(scope="module")
def twice(request):
    """Every selected notebook run twice in a fresh kernel (tests/run_twice.py, once per session)."""
    return run_twice.runs(run_twice.selected_paths(request))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_second_execution_prints_the_same(path, twice):
    first = text_outputs(executed(path))
    runs = twice[path]
    assert "crashed" not in runs, runs.get("crashed")
    for run in ("first", "second"):
        for number, (a, b) in enumerate(zip(first, runs[run]["text"]), start=1):
            assert a == b, (f"{path.name}: code cell {number} printed different text in the {run} Run All "
                            f"of a fresh kernel:\n{a}\n---\n{b}")


@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if is_topic(p)], ids=[p.stem for p in NOTEBOOKS if is_topic(p)])
def test_topic_notebook_shows_and_checks_its_claims(path):
    nb = executed(path)
    images = outputs_of(nb, lambda o: o.output_type in ("display_data", "execute_result")
                        and ("image/png" in o.get("data", {}) or "image/svg+xml" in o.get("data", {})))
    tables = outputs_of(nb, lambda o: o.output_type in ("display_data", "execute_result")
                        and "<table" in o.get("data", {}).get("text/html", ""))
    assert images, f"{path.name} shows no chart"
    assert tables, f"{path.name} shows no table"
    text = printed(nb)
    assert "✓" in text, f"{path.name} prints no passed check (✓ line)"
    assert "not answered yet" in text, f"{path.name}: untouched exercises should print 'not answered yet'"
    headings = [l.strip("# ").lower() for c in nb.cells if c.cell_type == "markdown"
                for l in c.source.splitlines() if l.startswith("#")]
    assert any(h.startswith("summary") for h in headings), f"{path.name} has no Summary section"
    assert any(h.startswith("exercises") for h in headings), f"{path.name} has no Exercises section"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_math_uses_only_what_mathjax2_has(path):
    nb = nbformat.read(path, as_version=4)
    for number, cell in enumerate(nb.cells, start=1):
        if cell.cell_type == "markdown":
            for macro in MATHJAX2_MISSING:
                assert macro not in cell.source, f"{path.name} cell {number} uses {macro}, which MathJax 2 lacks"
