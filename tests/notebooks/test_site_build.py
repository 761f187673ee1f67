"""tools/notebooks.py site: each page is written as soon as its notebook has run, while the other
notebooks still run, and site/ changes only when the whole site is complete.

Two or three tiny notebooks (one cell each) run with the project kernel into temporary folders, so
that the real notebooks/, target/executed/ and site/ are not touched.
"""

import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import notebooks as runner  # noqa: E402
import execution  # noqa: E402
from temporary_places import temporary_places  # noqa: E402


def tiny_notebook(folder, name, title, code):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "java", "display_name": "Java", "language": "java"}
    nb.cells = [nbformat.v4.new_markdown_cell(f"# {title}\n\nA notebook of one cell."),
                nbformat.v4.new_code_cell(code)]
    nbformat.write(nb, folder / f"{name}.ipynb")


@pytest.fixture
def folders(tmp_path, monkeypatch):
    """notebooks/, target/executed/, site/ and the staging folder of the site, all under tmp_path;
    site/ starts with a page of an earlier build."""
    paths = temporary_places(tmp_path, monkeypatch, made=("notebooks", "site"))
    (paths["site"] / "old.html").write_text("an earlier build")
    return paths


def test_each_page_is_written_as_its_notebook_finishes(folders, monkeypatch):
    tiny_notebook(folders["notebooks"], "00-first", "First", "int answer = 6 * 7;\nanswer")
    tiny_notebook(folders["notebooks"], "01-second", "Second", "\"second\"")
    tiny_notebook(folders["notebooks"], "02-third", "Third", "Thread.sleep(2000);\n\"third\"")
    executed_when_written = {}
    page = runner.SiteWriter.page

    def spy(self, name):
        executed_when_written[name] = sorted(p.stem for p in folders["executed"].glob("*.ipynb"))
        page(self, name)
    monkeypatch.setattr(runner.SiteWriter, "page", spy)

    assert runner.main(["site", "--no-pdf", "--jobs", "2"]) == 0

    # Two workers. A page is written once its own notebook has run (its executed copy is there),
    # the first two while the third notebook (a kernel's start and 2 s of sleep) still runs.
    assert all(name in executed_when_written[name] for name in executed_when_written), executed_when_written
    assert sorted(executed_when_written) == ["00-first", "01-second", "02-third"], executed_when_written
    for name in ("00-first", "01-second"):
        assert "02-third" not in executed_when_written[name], f"{name}'s page waited for the last notebook: {executed_when_written}"
    assert executed_when_written["02-third"] == ["00-first", "01-second", "02-third"]
    site = folders["site"]
    assert sorted(p.name for p in site.glob("*.html")) == ["00-first.html", "01-second.html", "02-third.html",
                                                            "claims.html", "gallery.html", "index.html", "print.html",
                                                            "references.html", "run.html"]
    # the "Run it yourself" page, linked from every page, offers the bundle (tests/notebooks/test_bundle.py runs it)
    assert 'href="run.html"' in (site / "00-first.html").read_text()
    assert 'href="dltheory-notebooks.zip"' in (site / "run.html").read_text()
    assert (site / "dltheory-notebooks.zip").is_file()
    assert not (site / "old.html").exists(), "the earlier build's page is still in site/"
    first = (site / "00-first.html").read_text()
    assert "42" in first, "the executed output is not on the page"
    assert 'href="01-second.html"' in first, "the first page does not link to the next notebook"
    assert "dltheory.pdf" not in first + (site / "index.html").read_text(), "--no-pdf, yet a link to the PDF"
    assert not folders["site.next"].exists()


def test_a_failing_notebook_leaves_site_as_it_was(folders, capsys):
    tiny_notebook(folders["notebooks"], "00-fine", "Fine", "1 + 1")
    tiny_notebook(folders["notebooks"], "01-broken", "Broken", "throw new IllegalStateException(\"boom\");")

    assert runner.main(["site", "--no-pdf", "--jobs", "1"]) == 1

    err = capsys.readouterr().err
    assert "01-broken" in err and "IllegalStateException" in err and "site/ is left as it was" in err, err
    assert [p.name for p in folders["site"].iterdir()] == ["old.html"]
    assert not folders["site.next"].exists()


def test_consecutive_stream_outputs_are_joined():
    """The kernel sends a cell's printing in chunks as it comes; the executed copy holds them as
    JupyterLab shows them, one output per run of the same stream, so that two executions give
    the same pages."""
    new = nbformat.v4
    cell = new.new_code_cell("…")
    cell.outputs = [new.new_output("stream", name="stdout", text="a\n"),
                    new.new_output("stream", name="stdout", text="b\n"),
                    new.new_output("display_data", data={"text/plain": "chart"}),
                    new.new_output("stream", name="stdout", text="c\n"),
                    new.new_output("stream", name="stderr", text="e"),
                    new.new_output("stream", name="stderr", text="f")]
    nb = new.new_notebook(cells=[new.new_markdown_cell("# T"), cell])

    runner.merge_streams(nb)

    assert [(o.output_type, o.get("name"), o.get("text")) for o in nb.cells[1].outputs] == [
        ("stream", "stdout", "a\nb\n"), ("display_data", None, None), ("stream", "stdout", "c\n"),
        ("stream", "stderr", "ef")]


def test_a_notebook_that_is_not_json_is_named_and_nothing_is_built(folders, capsys):
    tiny_notebook(folders["notebooks"], "00-fine", "Fine", "1 + 1")
    (folders["notebooks"] / "01-broken.ipynb").write_text('{"cells": [ {"cell_type": "mark')

    assert runner.main(["site", "--no-pdf", "--jobs", "1"]) == 1

    err = capsys.readouterr().err
    assert "01-broken.ipynb is not a readable notebook" in err, err
    assert "Traceback" not in err
    assert not folders["executed"].exists(), "a kernel ran although a notebook could not be read"
    assert [p.name for p in folders["site"].iterdir()] == ["old.html"]
    assert not folders["site.next"].exists()


def test_a_cell_past_the_time_limit_is_reported_as_timed_out(folders, monkeypatch, capsys):
    monkeypatch.setattr(execution, "CELL_TIMEOUT", 3)
    tiny_notebook(folders["notebooks"], "00-slow", "Slow", "Thread.sleep(60_000);")

    assert runner.main(["execute", "--jobs", "1", str(folders["notebooks"] / "00-slow.ipynb")]) == 1

    err = capsys.readouterr().err
    assert "00-slow: cell 2 timed out after 3 s" in err, err


def test_published_pages_carry_no_script_from_a_notebook(folders):
    """Markdown is sanitized (tools/sanitize.py) and every template value escaped: a notebook's
    Markdown cannot put a script, an event handler or a javascript:/data: link on the pages, and
    its title cannot break out of <title>; headings, links, images, tables and formulas stay."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "java", "display_name": "Java", "language": "java"}
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Evil </title><script>alert('title')</script>\n\nA test page."),
        nbformat.v4.new_markdown_cell(
            "## Section\n\n<script>alert('body')</script><img src=\"figures/x.png\" alt=\"x\" onerror=\"alert(1)\">\n\n"
            "[js](javascript:alert(2)) [data](data:text/html;base64,PHNjcmlwdD4=) [next](#section)\n\n"
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n$a < b$ and $$\\sum_i x_i$$"),
        nbformat.v4.new_code_cell("1 + 1")]
    nbformat.write(nb, folders["notebooks"] / "00-evil.ipynb")

    assert runner.main(["site", "--no-pdf", "--jobs", "1"]) == 0

    site = folders["site"]
    for page in ("00-evil.html", "index.html", "print.html"):
        html = (site / page).read_text()
        assert "<script>alert" not in html and "onerror" not in html, page
        assert "javascript:" not in html and "data:text/html" not in html, page
    page = (site / "00-evil.html").read_text()
    title = page.split("<title>", 1)[1].split("</title>", 1)[0]
    assert "&lt;/title&gt;&lt;script&gt;" in title, title
    assert '<img alt="x" src="figures/x.png"' in page or '<img src="figures/x.png" alt="x"' in page, page
    assert "<table>" in page and 'href="#section"' in page
    assert "$a &lt; b$" in page and "\\sum_i x_i" in page


def test_html_a_cell_outputs_is_sanitized_on_the_pages(folders):
    """An HTML output (display(..., "text/html")) is sanitized as Markdown is: its script, event
    handler and javascript: link go, its ordinary markup stays."""
    # the dangerous words are split in the cell's source, which the page shows as code
    evil = ('"<b>kept bold</b><scr" + "ipt>alert(\\"out\\")</script>"'
            ' + "<img src=\\"figures/y.png\\" alt=\\"y\\" on" + "error=\\"alert(4)\\">"'
            ' + "<a href=\\"java" + "script:alert(5)\\">j</a>"')
    tiny_notebook(folders["notebooks"], "00-output", "Output", f'display({evil}, "text/html");')

    assert runner.main(["site", "--no-pdf", "--jobs", "1"]) == 0

    executed = (folders["executed"] / "00-output.ipynb").read_text()
    assert "<script>alert" in executed, "the cell did not output the script (the test would prove nothing)"
    for page in ("00-output.html", "print.html"):
        html = (folders["site"] / page).read_text()
        assert "<b>kept bold</b>" in html, page
        assert "<script>alert" not in html and "onerror" not in html and "javascript:" not in html, page
