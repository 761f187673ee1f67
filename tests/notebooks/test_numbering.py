"""One numbering system, with links (issue #34; conventions in docs/numbering.md and
tools/numbering.py).

- The notebooks' JSON: sections, equations (\\tag{c.n}), figures and tables (cell metadata),
  exercises (Exercise c.n) and citations all resolve, every figure and table is cited, no caption
  is a placeholder; and each executed notebook's charts and tables match its metadata.
- The build: a placeholder caption, a table captioned with a Java class name, or a reference to a
  figure, table, equation, section, exercise or work that does not exist fails `notebooks.py
  render` (the same check runs before any kernel starts in `notebooks.py site`).
- A rendered page: headings numbered c.s and c.s.k with anchors made from their text (the same
  after a section is inserted above), equations, figures, tables and exercises numbered by
  chapter and linked from the prose, citations linked to references.html; the list of figures
  (gallery.html) links each figure to where it appears and shows no QA verdict.
"""

import re
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import notebooks as runner  # noqa: E402
from temporary_places import temporary_places  # noqa: E402
import numbering  # noqa: E402

NOTEBOOKS = runner.all_notebooks()
IDS = [p.stem for p in NOTEBOOKS]
SVG = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 720 440" width="720" height="440">'
       '<text x="10" y="20">Loss against steps</text></svg>')


def sources():
    return {p.stem: nbformat.read(p, as_version=4) for p in NOTEBOOKS}


def test_every_reference_of_the_notebooks_resolves_and_every_figure_and_table_is_cited():
    book = numbering.Book(sources())
    problems = book.problems(sources())
    assert problems == [], "\n".join(problems)


def test_the_notebooks_number_what_the_issue_names():
    """Chapter 3's equations carry \\tag{3.n} (it typed "(17)" by hand), chapter 6 tags the
    equations it refers to, and every topic notebook has numbered figures, tables and exercises."""
    book = numbering.Book(sources())
    momentum = book.chapters["03-momentum"]
    assert momentum.equations[:2] == ["3.1", "3.2"], momentum.equations
    assert book.chapters["06-bidirectional-rnn"].equations, "chapter 6 tags no equation"
    for ch in book.chapters.values():
        if ch.number == 0:
            continue
        assert ch.figures and ch.tables and ch.exercises, ch.name
        assert all(s["number"].startswith(f"{ch.number}.") for s in ch.sections), ch.sections


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_each_chart_and_table_of_the_executed_notebook_has_its_entry(path):
    copy = runner.EXECUTED / path.name
    if not copy.is_file():
        runner.execute(path)
    nb = nbformat.read(copy, as_version=4)
    book = numbering.Book(sources())
    problems = numbering.check_outputs(nb, path.stem, book, runner.chart_titles)
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_the_exercise_checks_print_the_numbers_the_notebook_gives_its_exercises(path):
    """An untouched exercise check prints "Exercise 3.2: not answered yet": the library names each
    exercise as its notebook numbers it, so the check line and the heading agree."""
    copy = runner.EXECUTED / path.name
    if not copy.is_file():
        runner.execute(path)
    nb = nbformat.read(copy, as_version=4)
    printed = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
                      if o.get("output_type") == "stream")
    named = re.findall(r"Exercise (\d+(?:\.\d+)?)\b[^\n]*not answered yet", printed)
    chapter = numbering.Book(sources()).chapters[path.stem]
    assert named and set(named) <= set(chapter.exercises), (named, chapter.exercises)
    assert set(chapter.exercises) <= set(named), f"exercises without a check line: {set(chapter.exercises) - set(named)}"


# --- the build, on small notebooks with outputs (no kernel) ---------------------------------------

def chart_output(title):
    """A chart as the library's display extension sends it: SVG, its metadata (tools/chartmeta.py)
    and the text form."""
    return nbformat.v4.new_output("display_data", data={
        "image/svg+xml": SVG, "text/plain": f'Chart "{title}" (1 series: loss)\nlayout: ok',
        "application/vnd.dltheory.chart+json": {"title": title, "series": ["loss"],
                                                 "layout": {"ok": True, "problems": []}, "colours": []}})


def table_output(caption):
    return nbformat.v4.new_output("execute_result", execution_count=1, data={
        "text/html": f'<table class="dltheory"><caption>{caption}</caption><thead><tr><th>n</th></tr></thead>'
                     '<tbody><tr><td>1</td></tr></tbody></table>',
        "text/plain": caption})


def book_notebook(prose=None, figure=None, table=None, table_caption="Loss at each step"):
    """A chapter 3 with two sections, a tagged equation, a figure, a table, an exercise and a
    citation, all referred to from the prose."""
    new = nbformat.v4
    nb = new.new_notebook()
    nb.metadata["kernelspec"] = {"name": "java", "display_name": "Java", "language": "java"}
    chart = new.new_code_cell("chart", metadata={"dltheory": {"figure": figure if figure is not None else
                                                               {"label": "fig-loss", "caption": "The loss falls ten times faster with momentum."}}})
    chart.outputs = [chart_output("Loss against steps")]
    tab = new.new_code_cell("table", metadata={"dltheory": {"table": table if table is not None else {"label": "tab-loss"}}})
    tab.outputs = [table_output(table_caption)]
    nb.cells = [
        new.new_markdown_cell("# 3 · Momentum\n\nA chapter."),
        new.new_markdown_cell("## The question\n\n$$v_t = \\beta v_{t-1} + g_t \\tag{3.1}$$\n\n### A detail\n\nText."),
        new.new_markdown_cell(prose if prose is not None else
                              "## The answer\n\nBy (3.1), as section 3.1 says, [Figure 3.1](#fig-loss) shows the loss and "
                              "[Table 3.1](#tab-loss) lists it ([Goh, 2017](#cite-goh2017); Exercise 3.1). The text's (17) "
                              "is another matter."),
        chart, tab,
        new.new_markdown_cell("## Exercises\n\n**Exercise 3.1.** Do it."),
    ]
    return nb


@pytest.fixture
def folders(tmp_path, monkeypatch):
    return temporary_places(tmp_path, monkeypatch)


def render(folders, nb, capsys):
    """Writes `nb` as notebook 03-momentum (source without outputs, executed copy with them) and
    renders the site; returns (exit status, stderr)."""
    executed = nbformat.from_dict(nb)
    nbformat.write(executed, folders["executed"] / "03-momentum.ipynb")
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    nbformat.write(nb, folders["notebooks"] / "03-momentum.ipynb")
    status = runner.main(["render", "--no-pdf"])
    return status, capsys.readouterr().err


def test_a_page_is_numbered_by_chapter_and_its_references_are_links(folders, capsys):
    status, err = render(folders, book_notebook(), capsys)
    assert status == 0, err
    page = (folders["site"] / "03-momentum.html").read_text()
    assert '<h2 id="the-question"><span class="section-number">3.1\u2002</span>The question' in page
    assert '<h3 id="a-detail"><span class="section-number">3.1.1\u2002</span>A detail' in page
    assert '<h2 id="exercises"><span class="section-number">3.3\u2002</span>Exercises' in page
    assert '<a href="#the-question">3.1 The question</a>' in page, "the sidebar does not number the sections"
    assert '<span class="eq-anchor" id="eq-3.1"></span>' in page
    assert '<a class="xref eq" href="#eq-3.1">(3.1)</a>' in page
    assert "The text's (17)" in page, "the reference text's equation was touched"
    assert '<a class="xref sec" href="#the-question">section 3.1</a>' in page
    assert '<a class="xref" href="#fig-loss">Figure 3.1</a>' in page
    assert '<figure class="chart" id="fig-loss">' in page
    assert '<span class="figure-number">Figure 3.1.</span> The loss falls ten times faster with momentum.' in page
    assert '<a class="xref" href="#tab-loss">Table 3.1</a>' in page
    assert re.search(r'<table [^>]*id="tab-loss"[^>]*><caption><span class="table-number">Table 3.1.</span> Loss at each step',
                     page)
    assert '<a class="xref ex" href="#ex-3.1">Exercise 3.1</a>' in page and 'id="ex-3.1"' in page
    assert '<a class="cite" href="references.html#cite-goh2017">Goh, 2017</a>' in page
    references = (folders["site"] / "references.html").read_text()
    assert 'id="cite-goh2017"' in references and "Why momentum really works" in references
    assert 'Cited in <a href="03-momentum.html">3 · Momentum</a>' in references
    assert 'href="references.html"' in page and 'href="gallery.html"' in page, "the sidebar lacks the new pages"
    printed = (folders["site"] / "print.html").read_text()
    assert 'href="#cite-goh2017"' in printed and 'id="cite-goh2017"' in printed, \
        "the print page (the PDF) does not end with the bibliography its citations link to"
    assert 'href="#03-momentum--fig-loss"' in printed and 'id="03-momentum--fig-loss"' in printed
    gallery = (folders["site"] / "gallery.html").read_text()
    assert '<a href="03-momentum.html#fig-loss"><span class="figure-number">Figure 3.1.</span></a>' in gallery
    assert "The loss falls ten times faster with momentum." in gallery
    assert "layout:" not in gallery, "the list of figures shows the QA verdict"
    assert "layout: ok" in (folders["notebooks"].parent / "qa" / "gallery.html").read_text()


def test_anchors_do_not_change_when_a_section_is_inserted_above(folders, capsys):
    nb = book_notebook()
    nb.cells.insert(1, nbformat.v4.new_markdown_cell("## Setup\n\nFirst."))
    nb.cells[3].source = nb.cells[3].source.replace("section 3.1", "section 3.2")
    status, err = render(folders, nb, capsys)
    assert status == 0, err
    page = (folders["site"] / "03-momentum.html").read_text()
    assert '<h2 id="the-question"><span class="section-number">3.2\u2002</span>The question' in page
    assert '<a class="xref sec" href="#the-question">section 3.2</a>' in page


@pytest.mark.parametrize("change, expected", [
    ({"figure": {"label": "fig-loss", "caption": "Chart 5 of this notebook"}}, 'placeholder caption "Chart 5 of this notebook"'),
    ({"figure": {"label": "fig-loss", "caption": ""}}, "placeholder caption"),
    ({"figure": {"label": "fig-loss", "caption": "Loss against steps"}}, "repeats the chart's title"),
    ({"figure": [], "prose": "## The answer\n\n[Table 3.1](#tab-loss)."},
     "cell 4 shows 1 figure(s) but its metadata dltheory.figure has 0"),
    ({"table_caption": "Stats"}, 'caption "Stats" is a Java class name'),
    ({"table_caption": "Estimate"}, 'caption "Estimate" is a Java class name'),
    ({"table": {"label": "tab-loss", "caption": "Chart 2 of this notebook"}}, "placeholder caption"),
    ({"figure": {"label": "fig-loss", "caption": "The variance drifts as s^t"}}, "holds TeX"),
    ({"table": {"label": "tab-loss", "caption": "Coefficients w_drop at p = 0.5"}}, "holds TeX"),
    ({"prose": "## The answer\n\n[Figure 3.1](#fig-loss), [Table 3.1](#tab-loss), [Figure 3.2](#fig-lost)."},
     "[Figure 3.2](#fig-lost) refers to no figure"),
    ({"prose": "## The answer\n\n[Figure 3.2](#fig-loss), [Table 3.1](#tab-loss)."}, "types 3.2, but fig-loss is 3.1"),
    ({"prose": "## The answer\n\n[Table 3.1](#tab-loss) only."}, "figure 3.1 (fig-loss) is never cited"),
    ({"prose": "## The answer\n\nFigure 3.1 and [Figure 3.1](#fig-loss), [Table 3.1](#tab-loss)."}, '"Figure 3.1" is not a link'),
    ({"prose": "## The answer\n\nBy (3.2), [Figure 3.1](#fig-loss), [Table 3.1](#tab-loss)."}, "equation (3.2) does not exist"),
    ({"prose": "## The answer\n\nBy (17), [Figure 3.1](#fig-loss), [Table 3.1](#tab-loss)."}, "an equation reference without its chapter"),
    ({"prose": "## The answer\n\nAs section 3.7 says, [Figure 3.1](#fig-loss), [Table 3.1](#tab-loss)."}, "section 3.7 does not exist"),
    ({"prose": "## The answer\n\nAs section 2 says, [Figure 3.1](#fig-loss), [Table 3.1](#tab-loss)."}, "write section 3.2 (c.s)"),
    ({"prose": "## The answer\n\nSee Exercise 3.4, [Figure 3.1](#fig-loss), [Table 3.1](#tab-loss)."}, "Exercise 3.4 does not exist"),
    ({"prose": "## The answer\n\n[Nobody, 1999](#cite-nobody1999), [Figure 3.1](#fig-loss), [Table 3.1](#tab-loss)."},
     "citation cite-nobody1999 is not in docs/references.json"),
    ({"prose": "## 2 · The answer\n\n[Figure 3.1](#fig-loss), [Table 3.1](#tab-loss)."}, "types its number"),
])
def test_the_build_fails_on_a_placeholder_caption_or_a_dangling_reference(folders, capsys, change, expected):
    status, err = render(folders, book_notebook(**change), capsys)
    assert status == 1, err
    assert expected in err, err
    assert not (folders["site"] / "03-momentum.html").exists()
