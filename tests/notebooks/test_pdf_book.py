"""The PDF is a book (issue #34): the print page (tools/templates/print.html.j2) of two small
chapters, printed by tools/site/build.js with the real MathJax, as bin/site prints the collection.

- Nothing is cut off: a display formula and a table wider than the text are scaled to its width
  (every word of the PDF lies inside the margins), and a formula too wide to scale fails the build.
- Underbraces print with MathJax's own fonts on a machine that has no MathJax fonts installed
  (Chromium sees only /usr/share/fonts/truetype here): the brace's pieces, private-use characters
  that no system font has, were drawn with a fallback font (boxes) when the chapter had not been
  laid out before printing.
- The PDF has an outline (every chapter, each with its sections, at the page of its heading), a
  contents list with those page numbers, page labels i, ii, … then 1, 2, …, the chapter's title at
  the top of each of its pages, the page number at its foot, and no near-blank front page.
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "tools" / "site" / "build.js"
TEMPLATES = ROOT / "tools" / "templates"
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "target" / "site" / "pylib"))  # pypdf, installed by environment/site.sh

MATHJAX_VERSION = "2.7.9"
MATHJAX = ROOT / "target" / "mathjax-webjar" / "META-INF" / "resources" / "webjars" / "mathjax" / MATHJAX_VERSION

needs_tools = pytest.mark.skipif(
    not (ROOT / "tools" / "site" / "node_modules" / "playwright-core").is_dir() or not shutil.which("pdftotext")
    or not (MATHJAX / "MathJax.js").is_file() or not (ROOT / "target" / "site" / "pylib" / "pypdf").is_dir(),
    reason="needs environment/site.sh (playwright-core, poppler-utils, pypdf) and the build's MathJax")

PT_PER_MM = 72 / 25.4
MARGIN_MM = 18  # left and right (tools/site/print.js PAGE)

# A display formula about 1.3 times the text's width, a table about 1.2 times, and one formula
# about 2.2 times (it would have to shrink below print.js's 70 %).
WIDE_FORMULA = r"$$\mathrm{WIDEMATH} = " + " + ".join(f"a_{{{i}}} b_{{{i}}}" for i in range(1, 14)) + "$$"
TOO_WIDE_FORMULA = r"$$\mathrm{HUGEMATH} = " + " + ".join(f"a_{{{i}}} b_{{{i}}}" for i in range(1, 24)) + "$$"
WIDE_TABLE = ("<div class='jp-RenderedHTML'><table class='dltheory'><caption>WIDETABLE</caption><tr>"
              + "".join(f"<th style='white-space: nowrap'>column number {i}</th>" for i in range(1, 7)) + "</tr><tr>"
              + "".join(f"<td>{i}.000001</td>" for i in range(1, 7)) + "</tr></table></div>")
UNDERBRACE = (r"$$\nabla L = \underbrace{V^\top e_t}_{\text{direct}} + "
              r"\underbrace{U^\top \operatorname{diag}(h_{t+1}) \nabla_{h_{t+1}} L}_{\text{recurrent path}}$$")
FILLER = "<p>" + "Filler text that makes the chapter run over several pages. " * 40 + "</p>"


def chapter(name, number, title, sections, extra=""):
    """An entry of the print page as tools/notebooks.py makes it (ids prefixed with the name)."""
    body = [f'<h1 id="{name}--title">{number} · {title}</h1><p>Introduction of chapter {number}.</p>', extra]
    for sid, stitle in sections:
        body.append(f'<h2 id="{name}--{sid}">{stitle}</h2>' + FILLER * 3)
    return {"name": name, "title": f"{number} · {title}", "sections": [{"id": sid, "title": t} for sid, t in sections],
            "print_html": "".join(body)}


def render_print_page(site, entries, sections_in_contents=None):
    """Writes `site`/print.html from the real template, with the site's style sheet and MathJax."""
    import jinja2
    from markupsafe import Markup

    (site / "assets").mkdir(parents=True)
    shutil.copy(TEMPLATES / "site.css", site / "assets" / "site.css")
    (site / "assets" / "pygments.css").write_text("")
    (site / "mathjax").symlink_to(MATHJAX, target_is_directory=True)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True)
    for e in entries:
        e["print_html"] = Markup(e["print_html"])
    html = env.get_template("print.html.j2").render(
        site_title="A test book", mathjax_url="mathjax/MathJax.js?config=TeX-AMS_CHTML-full",
        mathjax_version=MATHJAX_VERSION, entries=entries, has_pdf=True)
    (site / "print.html").write_text(html, encoding="utf-8")
    return site / "print.html"


def build(page, out, env=None):
    """Prints `page` to `out`; the chapters' zooms (tools/site/print.js TIGHTENED) are kept beside
    `out`, not in the build's target/site."""
    import os
    env = {"DLTHEORY_PDF_TIGHTENED": str(Path(out).with_suffix(".tightened.json")), **(env or os.environ)}
    return subprocess.run(["node", str(BUILD), "pdf", str(page), str(out)], capture_output=True, text=True,
                          timeout=600, env=env)


def only_truetype_fonts(tmp):
    """An environment in which Chromium sees /usr/share/fonts/truetype only: no MathJax fonts
    installed (Debian's fonts-mathjax is in /usr/share/fonts/opentype), as on a fresh machine."""
    conf = tmp / "fonts.conf"
    conf.write_text('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
                    f"<dir>/usr/share/fonts/truetype</dir><cachedir>{tmp / 'fc-cache'}</cachedir></fontconfig>")
    import os
    return {**os.environ, "FONTCONFIG_FILE": str(conf)}


def page_text(pdf, page, **crop):
    args = ["pdftotext", "-layout", "-f", str(page), "-l", str(page)]
    for k, v in crop.items():
        args += [f"-{k}", str(v)]
    return subprocess.run(args + [str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("book")
    entries = [
        chapter("01-first", 1, r"The first chapter, on $\|u\|$",
                [("Setup", "Setup"), ("Wide", "Wide things"), ("Summary", "Summary")],
                extra=f"<p>{WIDE_FORMULA}</p>{WIDE_TABLE}"),
        chapter("02-second", 2, "The second chapter", [("Braces", "Braces"), ("Exercises", "Exercises")],
                extra=f"<p>{UNDERBRACE}</p>"),
    ]
    page = render_print_page(tmp / "site", entries)
    out = tmp / "site" / "book.pdf"
    result = build(page, out, env=only_truetype_fonts(tmp))
    assert result.returncode == 0, result.stderr
    return {"pdf": out, "entries": entries, "log": result.stdout}


@needs_tools
def test_wide_formulas_and_tables_are_scaled_into_the_text(book):
    """Every word (formulas' glyphs and table cells too) lies between the left and right margins."""
    pdf = book["pdf"]
    bbox = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    width = float(re.search(r'<page width="([\d.]+)"', bbox)[1])
    left, right = MARGIN_MM * PT_PER_MM - 1, width - MARGIN_MM * PT_PER_MM + 1
    words = re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', bbox)
    outside = [(w, float(a), float(b)) for a, b, w in words if float(a) < left or float(b) > right]
    assert not outside, f"words outside the text ({left:.0f}-{right:.0f} pt): {outside[:10]}"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "WIDEMATH" in text and "column number 6" in text and "6.000001" in text, "the wide things are not printed"
    assert "scaled to the text's width" in book["log"] and "table" in book["log"], book["log"]


@needs_tools
def test_a_formula_too_wide_to_scale_fails_the_build(tmp_path):
    page = render_print_page(tmp_path / "site", [chapter("01-first", 1, "Huge", [("S", "S")],
                                                         extra=f"<p>{TOO_WIDE_FORMULA}</p>")])
    result = build(page, tmp_path / "site" / "out.pdf")
    assert result.returncode != 0, "a formula more than twice the text's width was printed"
    assert "wider than the text" in result.stderr and "01-first--title" not in result.stderr, result.stderr
    assert "#01-first" in result.stderr and "HUGEMATH" in result.stderr, result.stderr


@needs_tools
def test_underbraces_are_drawn_with_mathjax_fonts_without_installed_ones(book):
    """The brace's pieces (U+E150-E154 in MathJax_Size4) are drawn with an embedded MathJax font
    (Chromium embeds web fonts as Type 3), not with a system font, which has no such glyphs."""
    from pypdf import PdfReader

    reader = PdfReader(book["pdf"])
    found = []
    for page in reader.pages:
        def visit(text, cm, tm, font, size):
            for ch in text:
                if 0xE150 <= ord(ch) <= 0xE154:
                    found.append((ch, font.get("/Subtype") if font else None, font.get("/BaseFont") if font else None))
        page.extract_text(visitor_text=visit)
    assert len(found) >= 8, f"the two underbraces' pieces are not in the PDF: {found}"
    wrong = [f for f in found if f[1] != "/Type3"]
    assert not wrong, f"brace pieces drawn with a system font (boxes): {wrong[:5]}"


@needs_tools
def test_the_pdf_has_an_outline_contents_page_numbers_and_running_heads(book):
    import pdfbook
    from pypdf import PdfReader

    pdf, entries = book["pdf"], book["entries"]
    reader = PdfReader(pdf)
    labels = reader.page_labels
    marks = pdfbook.outline(pdf)
    expected = [(0, "Contents")]
    for e in entries:
        expected.append((0, e["title"].replace(r"$\|u\|$", "‖u‖")))
        expected += [(1, s["title"]) for s in e["sections"]]
    assert [(d, t) for d, t, _ in marks] == expected
    assert labels[:3] == ["i", "ii", "1"], labels[:5]
    contents = page_text(pdf, 2)
    for depth, title, label in marks[1:]:
        index = labels.index(label) + 1
        # the heading is on the page the bookmark opens, and the contents list gives that number
        heading = title.split(" · ")[-1].replace("‖u‖", "")
        assert heading.strip() in page_text(pdf, index), (title, label)
        assert re.search(re.escape(heading.strip()) + r".*?\.*\s+" + label + r"\s*$", contents, re.M), (title, label, contents)
    assert "\\|" not in contents and "$" not in contents
    # the chapter's title at the top of each of its pages, the page's number at its foot
    height = float(reader.pages[0].mediabox.height)
    margin = int(20 * PT_PER_MM)
    second = int(next(label for _, title, label in marks if title == entries[1]["title"]))
    for index in range(3, len(reader.pages) + 1):
        label = labels[index - 1]
        head = page_text(pdf, index, x=0, y=0, W=700, H=margin)
        foot = page_text(pdf, index, x=0, y=int(height) - margin, W=700, H=margin)
        title = entries[0 if int(label) < second else 1]["title"].split(" · ")[1]
        assert title[:18] in head, (index, head)
        assert foot.strip() == label, (index, foot)


@needs_tools
def test_a_contents_list_just_over_a_page_leaves_no_near_blank_page(tmp_path):
    """Contents that would spill a few lines onto a page of their own are fitted on one page
    fewer: every front page (title, contents) is at least a fifth full."""
    sections = [(f"s{i}", f"Section number {i} of the only chapter") for i in range(1, 55)]
    entry = chapter("01-only", 1, "The only chapter", sections)
    entry["print_html"] = entry["print_html"].replace(FILLER * 3, "<p>Short.</p>")
    page = render_print_page(tmp_path / "site", [entry])
    out = tmp_path / "site" / "out.pdf"
    result = build(page, out)
    assert result.returncode == 0, result.stderr
    from pypdf import PdfReader

    labels = PdfReader(out).page_labels
    front = [i for i, label in enumerate(labels, start=1) if not label.isdigit()]
    contents = "".join(page_text(out, i) for i in front)
    assert "Section number 1 of" in contents and "Section number 54 of" in contents, contents
    bbox = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", str(len(front)), str(out), "-"],
                          capture_output=True, text=True, check=True).stdout
    pages = re.findall(r"<page .*?</page>", bbox, re.S)
    height = float(re.search(r'height="([\d.]+)"', pages[0])[1])
    top, bottom = 20 * PT_PER_MM, height - 20 * PT_PER_MM
    for number, page in enumerate(pages, start=1):
        lowest = max(float(y) for y in re.findall(r'yMax="([\d.]+)"', page) if float(y) < bottom)
        assert (lowest - top) / (bottom - top) > 0.2, f"page {labels[number - 1]} is near-blank"


@needs_tools
def test_a_chapter_ending_in_a_few_lines_is_tightened_to_end_a_page_sooner(tmp_path):
    """A chapter whose last page would hold a few lines is zoomed so that it ends a page sooner
    (tools/site/print.js), and the zoom is kept: printing the same page again applies it before
    the first print. The chapter is 90 blocks of a tenth of a page and a heading: nine pages and a
    few lines (the build's first draft is the control: it finds the chapter's last page near-blank)."""
    blocks = "".join(f'<p style="height: 97px; margin: 0">Block {k}</p>' for k in range(1, 91))
    entries = [chapter("01-first", 1, "The first chapter", [("Setup", "Setup")]),
               {"name": "02-stub", "title": "2 · A chapter with a stub", "sections": [],
                "print_html": f'<h1 id="02-stub--title">2 · A chapter with a stub</h1>{blocks}'}]
    page = render_print_page(tmp_path / "site", entries)
    out = tmp_path / "site" / "out.pdf"
    first = build(page, out)
    assert first.returncode == 0, first.stderr
    tightened = re.search(r"near-blank last page, tightened: ([^)]*)\)", first.stdout)
    assert tightened and re.search(r"\b02-stub to [\d.]+ %", tightened[1]), first.stdout

    import pdfbook
    from pypdf import PdfReader

    def last_page_fill(pdf):
        reader = PdfReader(pdf)
        start = next(int(label) for _, title, label in pdfbook.outline(pdf) if title.startswith("2 ·"))
        labels = reader.page_labels
        last = len(labels)
        assert int(labels[-1]) > start, "the chapter is one page"
        bbox = subprocess.run(["pdftotext", "-bbox", "-f", str(last), "-l", str(last), str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
        height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', bbox)[1])
        top, bottom = 20 * PT_PER_MM, height - 20 * PT_PER_MM
        words = re.findall(r'yMax="([\d.]+)">Block', bbox)
        lowest = max(float(y) for y in words)
        return int(labels[-1]) - start + 1, (lowest - top) / (bottom - top)

    pages, fill = last_page_fill(out)
    assert pages == 9 and fill > 0.25, (pages, fill)
    again = build(page, out)
    assert again.returncode == 0, again.stderr
    assert "draft" not in again.stdout and "chapters printed (1 tightened)" in again.stdout, again.stdout
    assert last_page_fill(out) == (pages, fill)


def markdown_cell(html):
    """A Markdown cell as the print page holds it (nbconvert's wrappers)."""
    return ('<div class="jp-Cell jp-MarkdownCell jp-Notebook-cell"><div class="jp-Cell-inputWrapper"><div class="jp-InputArea '
            f'jp-Cell-inputArea"><div class="jp-RenderedHTMLCommon jp-RenderedMarkdown jp-MarkdownOutput">{html}</div></div></div></div>')


@needs_tools
def test_a_heading_is_never_split_across_two_pages(tmp_path):
    """A section heading of two lines stays whole on one page (chapter 5 printed "5.6 A
    convention, not an error: the layout of the" at the foot of a page and "Jacobian" at the top
    of the next, when the paragraph after the heading began with a tall formula). Twenty-four
    chapters put that heading, in its own Markdown cell as notebooks have it, after 1 to 24
    one-line cells, so that it falls at every height of a page, the foot included (without
    `break-inside: avoid` on headings, one of them was split)."""
    import pdfbook
    from pypdf import PdfReader

    heading = "A convention, not an error: the layout of the Jacobian"
    words = r"The gradient is about $2.3\cdot10^4$, so the plain step moves $w$ by $23$, to about $-22$; "
    after = r"The text writes $\partial h_t/\partial h_{t-1} = \operatorname{diag}(\sigma'(h_{t-1}))W^\top$, then more words."
    entries = []
    for n in range(1, 25):
        cells = [markdown_cell(f"<p>{words * 12}</p>")]
        cells += [markdown_cell(f"<p>Line {k} of chapter {n}.</p>") for k in range(1, n + 1)]
        cells += [markdown_cell(f"<p>{words * 4}</p>"),
                  markdown_cell(f'<h2 id="c{n}--long"><span class="section-number">{n}.1 </span>{heading}</h2><p>{after}</p>')]
        entries.append({"name": f"c{n}", "title": f"{n} · Chapter {n}", "sections": [{"id": "long", "title": heading}],
                        "print_html": f'<h1 id="c{n}--title">{n} · Chapter {n}</h1>' + "".join(cells)})
    page = render_print_page(tmp_path / "site", entries)
    out = tmp_path / "site" / "book.pdf"
    result = build(page, out)
    assert result.returncode == 0, result.stderr
    labels = PdfReader(out).page_labels
    split = []
    for depth, title, label in pdfbook.outline(out):
        if depth == 1 and heading not in " ".join(page_text(out, labels.index(label) + 1).split()):
            split.append(label)
    assert not split, f"the heading is not whole on the page its bookmark opens, on pages {split}"


@needs_tools
def test_links_between_chapters_printed_in_different_parts_open_their_target(tmp_path):
    """The chapters are printed in two parts at the same time (tools/site/print.js), each a page
    of its own: a link from one part to the other (a figure cited in a later chapter, a citation
    of the bibliography, "Cited in" back to a chapter) is still a link inside the PDF, to the page
    of its target, and the second part's pages are numbered on from the first's."""
    import pdfbook
    from pypdf import PdfReader

    first = chapter("01-first", 1, "The first chapter", [("Setup", "Setup"), ("Later", "Later")],
                    extra='<p>See <a href="#02-second--Braces">section 2.1</a> and <a href="#refs-x">[X]</a>.</p>')
    second = chapter("02-second", 2, "The second chapter", [("Braces", "Braces")],
                     extra='<p>Back to <a href="#01-first--Later">section 1.2</a>.</p>')
    page = render_print_page(tmp_path / "site", [first, second])
    # a last chapter that only the first links to, as the bibliography
    html = page.read_text(encoding="utf-8").replace(
        "</body>", '<article class="chapter" id="references"><h1 id="refs-title">References</h1>'
                   '<p id="refs-x">X. A work. <a href="#01-first">Cited in 1</a></p></article></body>')
    page.write_text(html, encoding="utf-8")
    out = tmp_path / "site" / "book.pdf"
    result = build(page, out)
    assert result.returncode == 0, result.stderr
    assert "part 1 of 2 (01-first)" in result.stdout and "part 2 of 2 (02-second, references)" in result.stdout, \
        result.stdout

    reader = PdfReader(out)
    targets = pdfbook.dest_pages(reader)
    found = {}
    for index, pdf_page in enumerate(reader.pages):
        for ref in pdf_page.get("/Annots", []) or []:
            annot = ref.get_object()
            assert "/A" not in annot or "dltheory.invalid" not in str(annot["/A"].get("/URI", "")), \
                f"a link to another part was left as a web link on page {index + 1}"
            if "/Dest" in annot:
                name = str(annot["/Dest"]).removeprefix("/")
                found.setdefault(name, []).append(index)
    for target in ("02-second--Braces", "refs-x", "01-first--Later", "01-first"):
        assert target in found, (target, sorted(found))
        assert target in targets, f"{target} has no destination"
    # each link opens the page its target is on
    words = {"02-second--Braces": "Braces", "01-first--Later": "Later", "refs-x": "A work"}
    for target, word in words.items():
        assert word in page_text(out, targets[target][0] + 1), (target, targets[target])
    labels = reader.page_labels
    body = [int(label) for label in labels if label.isdigit()]
    assert body == list(range(1, len(body) + 1)), labels
    for index in range(len(labels) - len(body) + 1, len(labels) + 1):
        foot = page_text(out, index, x=0, y=int(float(reader.pages[0].mediabox.height)) - int(20 * PT_PER_MM),
                         W=700, H=int(20 * PT_PER_MM))
        assert foot.strip() == labels[index - 1], (index, foot)
