"""The notebooks are the collection's main tests (see ../shared/NOTEBOOKS.md for their rules).

For every notebooks/NN-*.ipynb:
- it is stored without outputs, with the kernelspec `java`;
- it executes with the project kernel without an error output (bin/test's site stage executed it
  and left the executed copy in target/executed/; a missing copy is executed here);
- a second execution prints the same text (reproducibility). Rule: a line that reports a measured
  time (`Wall time`, `CPU times`, or `… took/elapsed … <number>`) is left out of the comparison;
- a topic notebook (01–06) shows something: at least one chart (image output), one table (HTML),
  and at least one passed check (a line starting with ✓); it has a Summary and an Exercises section,
  and its untouched exercises say "not answered yet";
- its Markdown uses no LaTeX macro that MathJax 2 lacks.

Run one notebook's tests: `pytest tests/notebooks -k 01-initialization`.
"""

import re
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import notebooks as runner  # noqa: E402

NOTEBOOKS = runner.all_notebooks()
IDS = [p.stem for p in NOTEBOOKS]
TIMING = re.compile(r"(Wall time|CPU times|\btook\b.*\d|\belapsed\b.*\d)", re.IGNORECASE)
MATHJAX2_MISSING = ["\\llbracket", "\\rrbracket", "\\coloneqq", "\\eqqcolon", "\\bm{", "\\mathscr{"]


def executed(path):
    copy = runner.EXECUTED / path.name
    if not copy.is_file():
        runner.execute(path)
    return nbformat.read(copy, as_version=4)


def text_outputs(nb):
    """Per code cell, the text it printed or returned, timing lines left out."""
    texts = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        parts = []
        for out in cell.get("outputs", []):
            if out.output_type == "stream":
                parts.append(out.text)
            elif out.output_type in ("execute_result", "display_data"):
                parts.append(out.get("data", {}).get("text/plain", ""))
            elif out.output_type == "error":
                parts.append(f"{out.ename}: {out.evalue}")
        lines = "".join(parts).splitlines()
        texts.append("\n".join(l for l in lines if not TIMING.search(l)))
    return texts


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


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_second_execution_prints_the_same(path):
    first = text_outputs(executed(path))
    nb = nbformat.read(path, as_version=4)
    from nbclient import NotebookClient
    NotebookClient(nb, kernel_name="java", timeout=runner.CELL_TIMEOUT,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    second = text_outputs(nb)
    for number, (a, b) in enumerate(zip(first, second), start=1):
        assert a == b, f"{path.name}: code cell {number} printed different text on a second run:\n{a}\n---\n{b}"


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
