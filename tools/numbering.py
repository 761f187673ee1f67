"""One numbering system for the book, with links (issue #34): sections, equations, figures, tables
and exercises are numbered by chapter (the chapter is the notebook's two-digit prefix), and the
prose refers to each by a link that the build resolves; a reference that resolves to nothing, a
placeholder caption or a table captioned with a Java class name fails the build.

The conventions (written down for authors in docs/numbering.md):

- Sections: `##` headings are numbered c.s and `###` headings c.s.k by the build; the Markdown
  carries no number. A heading's anchor is a slug of its text (`sec-` is not added), so it stays
  the same when sections are inserted or moved. The prose refers to a section as "section 3.2"
  (linked by the build); a bare "section 3" is an error.
- Equations (d2l's convention, chapter.number): `\\tag{3.17}` in the display formula, numbered
  3.1, 3.2, ... in order within the notebook; the prose writes "(3.17)", which the build links
  (to another page when the chapter differs). A "(17)" that is not the reference text's
  equation ("the text's (17)", "(17) of the text") is an error: our equations carry a chapter.
- Figures and tables: the code cell that draws them carries
  `"dltheory": {"figure": {"label": "fig-…", "caption": "…"}}` (or `"table"`, label `tab-…`; a
  list when the cell shows several); they are numbered 3.1, 3.2, ... in order of those entries.
  The prose cites each with a Markdown link `[Figure 3.2](#fig-…)`; the build writes the number
  into the link and checks the one typed. Every figure and table is cited at least once. A
  figure's caption says what to see (not the title drawn in the chart); a table's caption in
  the metadata replaces the library's, which is kept otherwise.
- Exercises: `**Exercise 3.2.**` (or `**Exercise 3.2 (a derivation).**`), numbered 3.1, 3.2, ... ;
  the build gives each the anchor `ex-3.2`, and "Exercise 3.2" in the prose is linked.
- Citations: `[Glorot & Bengio, 2010](#cite-glorot2010)`, the key an entry of
  docs/references.json; the build points the link at references.html, the bibliography.

`check_book(sources)` checks the notebooks' JSON alone (before any kernel starts);
`Book.apply(soup, nb, name)` numbers and links one rendered page and checks its outputs.
"""

import json
import re
from pathlib import Path

from outputs import is_chart, joined

ROOT = Path(__file__).resolve().parent.parent
REFERENCES = ROOT / "docs" / "references.json"

MATH = re.compile(r"\$\$.+?\$\$|\\\[.+?\\\]|\\\(.+?\\\)|\$[^$\n]+?\$|\\begin\{(\w+\*?)\}.+?\\end\{\1\}", re.S)
CODE = re.compile(r"```.*?```|`[^`\n]*`", re.S)
TAG = re.compile(r"\\tag\{([^}]*)\}")
EQ_REF = re.compile(r"\((\d{1,2})\.(\d{1,3})\)")
BARE_EQ_REF = re.compile(r"\((\d{1,2})\)")
NOT_OURS = re.compile(r"(text['’]s|of the text|reference text|reference solution['’]s|homework['’]s)"
                      r"[^.;]{0,40}$", re.I)
NOT_OURS_AFTER = re.compile(r"^(\s*[–-]\s*\(\d+\))?\s+of the (reference )?text")
SECTION_REF = re.compile(r"\b([Ss]ections?)\s+(\d{1,2})\.(\d{1,2})\b")
BARE_SECTION_REF = re.compile(r"\b[Ss]ections?\s+(\d{1,2})\b(?![.,]?\d)")
EXERCISE_HEAD = re.compile(r"\*\*Exercise (\d+)(?:\.(\d+))?\b")
EXERCISE_REF = re.compile(r"\bExercises?\s+(\d{1,2})\.(\d{1,2})\b")
BARE_EXERCISE_REF = re.compile(r"\bExercises?\s+(\d{1,2})\b(?![.,]?\d)")
ANY_REF = re.compile(r"\(\d{1,2}\.\d|[Ss]ection|Exercise")
LINK = re.compile(r"\[([^\]]*)\]\(#((fig|tab|cite)-[^)\s]*)\)")
BARE_FIGURE_REF = re.compile(r"\b(Figure|Fig\.|Table)\s+\d+(\.\d+)?\b")
HTML_TAG = re.compile(r"<[A-Za-z/][^>]*>")
URL = re.compile(r"\]\([^)\s]*\)?")
HEADING = re.compile(r"^(#{1,3})\s+(.*?)\s*#*\s*$", re.M)
TYPED_NUMBER = re.compile(r"^(\d+(\.\d+)*\s*[·.:—-]|Q\d+(\.\d+)*\s*·)")
LABEL = {"figure": re.compile(r"^fig-[a-z0-9][a-z0-9-]*$"), "table": re.compile(r"^tab-[a-z0-9][a-z0-9-]*$")}
PLACEHOLDER = re.compile(r"^\s*$|^(Chart|Figure|Table|Fig\.)\s*\d+\b|of this notebook|\bTODO\b", re.I)
CLASS_NAME = re.compile(r"^[A-Z][a-z0-9]*([A-Z][a-z0-9]*)*(\.[A-Z]\w*)*$")


def replace_text(node, parts):
    """Puts `parts` (strings and tags, empty strings skipped) in place of the text node `node`."""
    for part in parts:
        if part != "":
            node.insert_before(part)
    node.extract()


class NumberingError(ValueError):
    """The book's numbering or one of its references is wrong: every problem found, one a line."""

    def __init__(self, problems):
        super().__init__("\n".join(problems))
        self.problems = list(problems)


def chapter_of(name):
    return int(name[:2]) if name[:2].isdigit() else 0


def slug(text):
    """The anchor of a heading: its text without math marks, lower case, words joined by '-'."""
    text = re.sub(r"\\[A-Za-z]+", " ", text.replace("$", ""))
    text = re.sub(r"[^0-9a-z]+", "-", text.lower()).strip("-")
    return text or "section"


def prose(markdown):
    """Markdown with its formulas, code and HTML tags blanked out (same length, so offsets still
    hold)."""
    blank = lambda m: " " * len(m.group(0))  # noqa: E731
    return HTML_TAG.sub(blank, MATH.sub(blank, CODE.sub(blank, markdown)))


def entries(cell, kind):
    """The cell's figure or table entries (cell metadata dltheory.figure / dltheory.table: a dict
    or a list of dicts)."""
    found = cell.get("metadata", {}).get("dltheory", {}).get(kind)
    if found is None:
        return []
    return found if isinstance(found, list) else [found]


def load_references(path=REFERENCES):
    return json.loads(Path(path).read_text(encoding="utf-8"))


class Chapter:
    """What one notebook numbers: sections, equations, figures, tables, exercises."""

    def __init__(self, name, nb):
        self.name, self.number, self.href = name, chapter_of(name), f"{name}.html"
        self.sections = []       # [{number, title, id, level}]
        self.equations = []      # ["3.1", …] in order
        self.figures = {}        # label -> {number, caption, cell}
        self.tables = {}
        self.exercises = []      # ["3.1", …]
        self.problems = []
        c = self.number
        ids, s, k = set(), 0, 0
        figure_count = table_count = 0
        for index, cell in enumerate(nb.cells):
            source = joined(cell.get("source"))
            if cell.get("cell_type") == "markdown":
                for m in HEADING.finditer(prose(source)):
                    level, title = len(m.group(1)), source[m.start(2):m.end(2)]
                    if level == 1:
                        continue
                    if TYPED_NUMBER.match(title):
                        self.problems.append(f'{name}: heading "{title}" types its number; the build numbers '
                                             "sections (write the title alone)")
                    if level == 2:
                        s, k = s + 1, 0
                        number = f"{c}.{s}"
                    else:
                        k += 1
                        number = f"{c}.{max(s, 0)}.{k}"
                    anchor, n = slug(title), 2
                    while anchor in ids:
                        anchor, n = f"{slug(title)}-{n}", n + 1
                    ids.add(anchor)
                    self.sections.append({"number": number, "title": title, "id": anchor, "level": level})
                for m in MATH.finditer(source):
                    for tag in TAG.findall(m.group(0)):
                        self.equations.append(tag)
                for m in EXERCISE_HEAD.finditer(source):
                    self.exercises.append(f"{m.group(1)}.{m.group(2)}" if m.group(2) else m.group(1))
            else:
                for kind, table in (("figure", self.figures), ("table", self.tables)):
                    for entry in entries(cell, kind):
                        if kind == "figure":
                            figure_count += 1
                            number = f"{c}.{figure_count}"
                        else:
                            table_count += 1
                            number = f"{c}.{table_count}"
                        label = entry.get("label", "") if isinstance(entry, dict) else ""
                        caption = (entry.get("caption") or "") if isinstance(entry, dict) else ""
                        if not LABEL[kind].match(label):
                            self.problems.append(f"{name}: cell {index + 1}: {kind} label {label!r} is not "
                                                 f"{'fig' if kind == 'figure' else 'tab'}-lowercase-words")
                        if label in self.figures or label in self.tables:
                            self.problems.append(f"{name}: label {label} is used twice")
                        if kind == "figure" or caption:
                            caption_problem = bad_caption(caption)
                            if caption_problem:
                                self.problems.append(f"{name}: {kind} {number} ({label}): {caption_problem}")
                        table[label] = {"number": number, "caption": caption, "cell": index}
        expected = [f"{c}.{n}" for n in range(1, len(self.equations) + 1)]
        if self.equations != expected:
            self.problems.append(f"{name}: equation tags {', '.join(self.equations)}; expected {', '.join(expected)} "
                                 f"(\\tag{{{c}.n}}, in order)")
        expected = [f"{c}.{n}" for n in range(1, len(self.exercises) + 1)]
        if self.exercises != expected:
            self.problems.append(f"{name}: exercises numbered {', '.join(self.exercises)}; expected "
                                 f"{', '.join(expected)} (**Exercise {c}.n.**)")

    def section(self, number):
        return next((s for s in self.sections if s["number"] == number), None)


# A caption is plain text (metadata) or Tables' HTML with real scripts: TeX in it prints literally.
TEX_DEBRIS = re.compile(r"[\^_$\\]")


def bad_caption(caption):
    """Why a caption is not one, or None."""
    text = re.sub(r"<[^>]+>", "", caption or "").strip()
    if PLACEHOLDER.search(text):
        return f'placeholder caption "{text}"'
    if CLASS_NAME.match(text):
        return f'caption "{text}" is a Java class name, not a caption'
    if TEX_DEBRIS.search(text):
        return f'caption "{text}" holds TeX (^, _, $ or \\), which a caption prints as it is: write sᵗ, w(drop)'
    return None


def normalized(text):
    return re.sub(r"[^\w]+", " ", text or "").strip().lower()


class Book:
    """Every chapter's numbers, so that a page can link to another (built from the source
    notebooks, which carry all the numbers: no execution needed)."""

    def __init__(self, sources, references=None):
        """`sources`: {name: notebook node}, in chapter order."""
        self.chapters = {name: Chapter(name, nb) for name, nb in sources.items()}
        self.by_number = {ch.number: ch for ch in self.chapters.values()}
        self.references = load_references() if references is None else references
        self.cited = {}  # key -> [(name, anchor)] filled by apply()

    # --- checks on the notebooks' JSON ----------------------------------------------------------

    def problems(self, sources):
        """Every problem of the sources: numbering, captions in metadata, references that resolve
        to nothing, figures and tables never cited."""
        found = []
        for name, nb in sources.items():
            ch = self.chapters[name]
            found.extend(ch.problems)
            cited = set()
            for index, cell in enumerate(nb.cells):
                if cell.get("cell_type") != "markdown":
                    continue
                source = joined(cell.get("source"))
                text = prose(source)
                where = f"{name}: cell {index + 1}"
                for m in LINK.finditer(text):
                    label, kind = m.group(2), m.group(3)
                    if kind == "cite":
                        if label[len("cite-"):] not in self.references:
                            found.append(f"{where}: citation {label} is not in docs/references.json")
                        continue
                    target = (ch.figures if kind == "fig" else ch.tables).get(label)
                    if target is None:
                        found.append(f"{where}: [{m.group(1)}](#{label}) refers to no {'figure' if kind == 'fig' else 'table'} "
                                     "of this notebook")
                        continue
                    cited.add(label)
                    typed = re.search(r"\d+(\.\d+)?", m.group(1))
                    if typed and typed.group(0) != target["number"]:
                        found.append(f"{where}: [{m.group(1)}](#{label}) types {typed.group(0)}, but {label} is "
                                     f"{target['number']}")
                unlinked = LINK.sub(lambda m: " " * len(m.group(0)), text)
                for m in BARE_FIGURE_REF.finditer(unlinked):
                    found.append(f'{where}: "{m.group(0)}" is not a link: write [{m.group(0)}](#fig-…) / (#tab-…)')
                text = URL.sub(lambda m: "]" + " " * (len(m.group(0)) - 1), text)  # link targets are not prose
                for m in EQ_REF.finditer(text):
                    if not self.equation(int(m.group(1)), f"{m.group(1)}.{m.group(2)}") \
                            and int(m.group(1)) in self.by_number:
                        found.append(f"{where}: equation ({m.group(1)}.{m.group(2)}) does not exist")
                for m in BARE_EQ_REF.finditer(text):
                    if not self._not_ours(text, m):
                        found.append(f'{where}: "{text[max(0, m.start() - 30):m.end()].strip()}": an equation '
                                     f"reference without its chapter; write ({ch.number}.n) with \\tag{{{ch.number}.n}}, "
                                     "or say it is the text's")
                for m in SECTION_REF.finditer(text):
                    target = self.by_number.get(int(m.group(2)))
                    if target is None or target.section(f"{m.group(2)}.{m.group(3)}") is None:
                        found.append(f"{where}: {m.group(0)} does not exist")
                for m in BARE_SECTION_REF.finditer(text):
                    found.append(f'{where}: "{m.group(0)}": write section {ch.number}.{m.group(1)} (c.s)')
                for m in EXERCISE_REF.finditer(text):
                    target = self.by_number.get(int(m.group(1)))
                    if target is None or f"{m.group(1)}.{m.group(2)}" not in target.exercises:
                        found.append(f"{where}: {m.group(0)} does not exist")
                for m in BARE_EXERCISE_REF.finditer(text):
                    found.append(f'{where}: "{m.group(0)}": number exercises by chapter ({ch.number}.n)')
            for label in [*ch.figures, *ch.tables]:
                if label not in cited:
                    kind = "figure" if label.startswith("fig-") else "table"
                    number = (ch.figures if kind == "figure" else ch.tables)[label]["number"]
                    found.append(f"{name}: {kind} {number} ({label}) is never cited: write "
                                 f"[{kind.title()} {number}](#{label}) in the text")
        return found

    @staticmethod
    def _not_ours(text, m):
        return bool(NOT_OURS.search(text[:m.start()]) or NOT_OURS_AFTER.match(text[m.end():]))

    def equation(self, chapter, tag):
        ch = self.by_number.get(chapter)
        return ch is not None and tag in ch.equations

    # --- one rendered page ----------------------------------------------------------------------

    def apply(self, soup, name):
        """Numbers the headings of the rendered page `soup` (anchors from their text), puts anchors
        on tagged equations and exercises, and turns references into links. Raises
        NumberingError listing what does not resolve."""
        ch = self.chapters[name]
        problems = []
        prose = soup.select(".jp-MarkdownOutput")
        headings = [h for container in prose for h in container.find_all(["h2", "h3"])]
        ours = [s for s in ch.sections]
        renamed = {}
        if len(headings) != len(ours):
            problems.append(f"{name}: the page has {len(headings)} section headings, the notebook {len(ours)}")
        for h, s in zip(headings, ours):
            old = h.get("id")
            h["id"] = s["id"]
            for a in h.find_all("a", class_="anchor-link"):
                a["href"] = f"#{s['id']}"
            if old:
                renamed[f"#{old}"] = f"#{s['id']}"
            number = soup.new_tag("span", attrs={"class": "section-number"})
            number.string = s["number"] + "\u2002"
            h.insert(0, number)
        self._equation_anchors(soup, prose)
        self._exercise_anchors(prose)
        for a in soup.find_all("a", href=True):
            if a["href"] in renamed:
                a["href"] = renamed[a["href"]]
            href = a["href"]
            kind = href[1:4] if href.startswith("#") else ""
            if kind in ("fig", "tab"):
                target = (ch.figures if kind == "fig" else ch.tables).get(href[1:])
                if target is None:
                    problems.append(f"{name}: link to {href} resolves to nothing")
                    continue
                word = "Figure" if kind == "fig" else "Table"
                text = a.get_text()
                a.string = re.sub(r"^\s*(Figure|Fig\.|Table)?\s*(\d+(\.\d+)?)?", f"{word} {target['number']}", text, count=1) \
                    if re.match(r"^\s*(Figure|Fig\.|Table)", text) or not text.strip() else text
                a["class"] = a.get("class", []) + ["xref"]
            elif href.startswith("#cite-"):
                key = href[len("#cite-"):]
                if key not in self.references:
                    problems.append(f"{name}: citation {key} is not in docs/references.json")
                    continue
                a["href"] = f"references.html{href}"
                a["class"] = a.get("class", []) + ["cite"]
                self.cited.setdefault(key, []).append((name, ch.number))
        problems.extend(self._link_prose(soup, prose, ch))
        if problems:
            raise NumberingError(problems)

    def _equation_anchors(self, soup, prose):
        from bs4 import NavigableString
        for node in [n for container in prose for n in container.find_all(string=True)]:
            text = str(node)
            if "\\tag{" not in text or type(node) is not NavigableString \
                    or node.find_parent(["code", "pre", "script", "style"]):
                continue
            parts, at = [], 0
            for m in MATH.finditer(text):
                if not m.group(0).startswith(("$$", "\\[", "\\begin")):
                    continue
                for tag in TAG.findall(m.group(0)):
                    parts.append(text[at:m.start()])
                    parts.append(soup.new_tag("span", attrs={"class": "eq-anchor", "id": f"eq-{tag}"}))
                    parts.append(m.group(0))
                    at = m.end()
                    break
            if not parts:
                continue
            replace_text(node, parts + [text[at:]])

    def _exercise_anchors(self, prose):
        for strong in [s for container in prose for s in container.find_all("strong")]:
            m = re.match(r"Exercise (\d+\.\d+)\b", strong.get_text())
            if m:
                target = strong.find_parent("p") or strong
                target["id"] = f"ex-{m.group(1)}"

    def _href(self, ch, chapter, anchor):
        target = self.by_number[chapter]
        return f"#{anchor}" if target is ch else f"{target.href}#{anchor}"

    def _link_prose(self, soup, prose, ch):
        """Links "(3.17)", "section 3.2" and "Exercise 3.2" in the prose of the page."""
        from bs4 import NavigableString
        problems = []
        patterns = [("eq", EQ_REF), ("sec", SECTION_REF), ("ex", EXERCISE_REF)]
        for node in [n for container in prose for n in container.find_all(string=True)]:
            text = str(node)
            if not ANY_REF.search(text) or type(node) is not NavigableString:
                continue
            masked = MATH.sub(lambda m: " " * len(m.group(0)), text)
            found = sorted(((m.start(), m.end(), kind, m) for kind, p in patterns for m in p.finditer(masked)),
                           key=lambda x: x[0])
            if not found or node.find_parent(["code", "pre", "a", "script", "style", "h1", "h2", "h3"]):
                continue
            parts, at = [], 0
            for start, end, kind, m in found:
                if start < at:
                    continue
                chapter = int(m.group(1) if kind in ("eq", "ex") else m.group(2))
                if kind == "eq":
                    tag = f"{m.group(1)}.{m.group(2)}"
                    if chapter not in self.by_number:  # "(0.58)" in a chapter-less sense is not ours
                        continue
                    if not self.equation(chapter, tag):
                        problems.append(f"{ch.name}: equation ({tag}) resolves to nothing")
                        continue
                    href, cls = self._href(ch, chapter, f"eq-{tag}"), "xref eq"
                elif kind == "sec":
                    number = f"{m.group(2)}.{m.group(3)}"
                    target = self.by_number.get(chapter)
                    section = target.section(number) if target else None
                    if section is None:
                        problems.append(f"{ch.name}: {m.group(0)} resolves to nothing")
                        continue
                    href, cls = self._href(ch, chapter, section["id"]), "xref sec"
                else:
                    if node.parent is not None and node.parent.name == "strong":
                        continue  # the exercise's own heading
                    number = f"{m.group(1)}.{m.group(2)}"
                    target = self.by_number.get(chapter)
                    if target is None or number not in target.exercises:
                        problems.append(f"{ch.name}: {m.group(0)} resolves to nothing")
                        continue
                    href, cls = self._href(ch, chapter, f"ex-{number}"), "xref ex"
                link = soup.new_tag("a", href=href, attrs={"class": cls})
                link.string = text[start:end]
                parts.extend([text[at:start], link])
                at = end
            if not parts:
                continue
            replace_text(node, parts + [text[at:]])
        return problems


def check_outputs(nb, name, book, chart_title):
    """Problems of an executed notebook's outputs against its metadata: every chart and table
    output has an entry, every entry an output, no figure caption repeats the title drawn in its
    chart, no table caption is a placeholder or a Java class name. `chart_title(output)` gives the
    title drawn in a chart ('' when unknown)."""
    ch = book.chapters[name]
    problems = []
    for index, cell in enumerate(nb.cells):
        if cell.get("cell_type") != "code":
            continue
        charts = [o for o in cell.get("outputs", []) if is_chart(o)]
        tables = [o for o in cell.get("outputs", []) if is_table(o)]
        for kind, outs in (("figure", charts), ("table", tables)):
            got = entries(cell, kind)
            if len(got) != len(outs):
                problems.append(f"{name}: cell {index + 1} shows {len(outs)} {kind}(s) but its metadata "
                                f"dltheory.{kind} has {len(got)}")
        for entry, out in zip(entries(cell, "figure"), charts):
            titles = chart_title(out)
            titles = [titles] if isinstance(titles, str) else titles
            if any(t and normalized(t) == normalized(entry.get("caption", "")) for t in titles):
                problems.append(f"{name}: cell {index + 1}: the caption of {entry.get('label')} repeats the chart's "
                                "title; say what to see")
        for entry, out in zip(entries(cell, "table"), tables):
            caption = entry.get("caption") or table_caption(out)
            problem = bad_caption(caption)
            if problem:
                problems.append(f"{name}: cell {index + 1}: table {entry.get('label')}: {problem} (give "
                                "dltheory.table.caption)")
    return problems


def is_table(output):
    data = output.get("data", {})
    return "text/html" in data and "<table" in joined(data["text/html"]) and not is_chart(output)


CAPTION = re.compile(r"<caption>(.*?)</caption>", re.S)


def table_caption(output):
    found = CAPTION.search(joined(output.get("data", {}).get("text/html", "")))
    return found.group(1).strip() if found else ""


def number_table(output, entry, number):
    """The table's HTML with its number and caption (the metadata's, else its own) and the anchor
    of its label."""
    from markupsafe import escape
    html = joined(output["data"]["text/html"])
    own = table_caption(output)
    caption = str(escape(entry["caption"])) if entry.get("caption") else own
    head = f'<caption><span class="table-number">Table {number}.</span> {caption}</caption>'
    if CAPTION.search(html):
        html = CAPTION.sub(lambda m: head, html, count=1)
    else:
        html = re.sub(r"(<table[^>]*>)", lambda m: m.group(1) + head, html, count=1)
    html = re.sub(r"<table\b", f'<table id="{entry["label"]}"', html, count=1)
    output["data"]["text/html"] = html
