"""Changes to a rendered page's HTML and what is read from it: the title and first sentence of a
notebook, "notebook 0N" in the prose as links, the page's sections, the claims on it, and the
article rewritten for the one-page print version. Pages are BeautifulSoup trees.
"""

import re

import claims
from inline_svg import inline_svg

MATH = re.compile(r"\$\$.+?\$\$|\\\[.+?\\\]|\\\(.+?\\\)|\$[^$]+?\$", re.S)
NOTEBOOK_REF = re.compile(r"\b([Nn]otebooks? )(\d\d)\b")


def title_and_promise(nb):
    """The first Markdown heading and the first sentence after it."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        lines = cell.source.strip().splitlines()
        if not lines or not lines[0].startswith("#"):
            continue
        title = lines[0].lstrip("#").strip()
        body = " ".join(l.strip() for l in lines[1:] if l.strip())
        sentence = re.split(r"(?<=[.!?])\s", body, maxsplit=1)[0] if body else ""
        return title, plain_markdown(sentence)
    return None, ""


def plain_markdown(text):
    """Markdown emphasis and code marks removed (the index shows the sentence as text; math stays)."""
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w$\\])([*_])(?!\s)(.+?)(?<!\s)\1(?!\w)", r"\2", text)
    return text.replace("`", "")


def text_nodes(root):
    """The text of the Markdown cells, where links may be added (not in code, math scripts or links)."""
    from bs4 import NavigableString
    for container in root.select(".jp-MarkdownOutput"):
        for node in list(container.descendants):
            if isinstance(node, NavigableString) and type(node) is NavigableString \
                    and not node.find_parent(["code", "pre", "a", "script", "style"]):
                yield node


def split_math(text):
    """[(is_math, piece), …] covering text."""
    pieces, at = [], 0
    for m in MATH.finditer(text):
        if m.start() > at:
            pieces.append((False, text[at:m.start()]))
        pieces.append((True, m.group(0)))
        at = m.end()
    if at < len(text):
        pieces.append((False, text[at:]))
    return pieces


def cross_reference(soup, hrefs):
    """"notebook 0N" in the prose becomes a link (equations, sections, figures, tables, exercises
    and citations: tools/numbering.py)."""
    plan = []
    for node in text_nodes(soup):
        pieces = split_math(str(node))
        if not NOTEBOOK_REF.search(str(node)):
            continue
        plan.append((node, pieces))
    for node, pieces in plan:
        parts = []
        for is_math, piece in pieces:
            if is_math:
                parts.append(piece)
            else:
                parts.extend(link_prose(soup, piece, hrefs))
        if len(parts) == 1 and isinstance(parts[0], str):
            continue
        for part in parts:
            node.insert_before(part)
        node.extract()


def link_prose(soup, text, hrefs):
    """text with "notebook 0N" as links."""
    out, at = [], 0
    for m in NOTEBOOK_REF.finditer(text):
        href = hrefs.get(m[2])
        if not href:
            continue
        link = soup.new_tag("a", href=href, attrs={"class": "xref"})
        link.string = m[0]
        out.append(text[at:m.start()])
        out.append(link)
        at = m.end()
    out.append(text[at:])
    return [p for p in out if not (isinstance(p, str) and p == "")]


def sections_of(soup):
    """[{id, title}] of the page's h2 headings."""
    sections = []
    for h in soup.find_all("h2"):
        if h.get("id"):
            title = h.get_text(" ", strip=True).rstrip("¶").strip()
            sections.append({"id": h["id"], "title": title})
    return sections


def claims_on_page(nb, soup):
    """The notebook's claims (cell metadata dltheory.claim), each with its cell number and the
    section it is in (the last h2 of the page at or above its cell: {id, title}, None before the
    first), and the numbers of the check cells without a claim entry."""
    rendered = soup.select(".jp-Cell")
    section, sections = None, {}
    if len(rendered) == len(nb.cells):  # the template renders each cell as one .jp-Cell
        for number, element in enumerate(rendered, start=1):
            for h in element.find_all("h2"):
                if h.get("id"):
                    section = {"id": h["id"], "title": h.get_text(" ", strip=True).rstrip("¶").strip()}
            sections[number] = section
    found = [{**{k: claim.get(k, "") for k in claims.FIELDS}, "cell": number, "section": sections.get(number)}
             for number, claim in claims.claims_of(nb)]
    unclaimed = [n for n, c in enumerate(nb.cells, start=1) if claims.is_check_cell(c) and claims.claim_of(c) is None]
    return found, unclaimed


def for_print(soup, name, hrefs_to_names, site):
    """A page's article for the one-page print version: ids prefixed with the notebook's name,
    links to pages turned into links inside the print page, and each chart's SVG (from `site`,
    the folder the figures are in) put in the page in place of its <img> (tools/inline_svg.py).
    Changes `soup` (the page's article, once its page is written)."""
    for el in soup.find_all(id=True):
        el["id"] = f"{name}--{el['id']}"
    for a in soup.find_all("a", href=True):
        href = a["href"]
        if href.startswith("#"):
            a["href"] = f"#{name}--{href[1:]}"
        else:
            page, _, frag = href.partition("#")
            if page == "references.html" and frag:
                a["href"] = f"#{frag}"  # the print page ends with the bibliography (print.html.j2)
            elif page in hrefs_to_names:
                target = hrefs_to_names[page]
                a["href"] = f"#{target}--{frag}" if frag else f"#{target}"
    charts = inline_charts(soup, site)
    html = str(soup)
    for k, svg in enumerate(charts):
        html = html.replace(f'<dltheory-chart n="{k}"></dltheory-chart>', svg, 1)
    return html


def inline_charts(soup, site):
    """Replaces each <img> of an SVG file under `site`/figures/ by a placeholder; returns the
    charts' inline markup, the k-th for <dltheory-chart n="k">. An SVG that cannot be inlined
    keeps its <img>."""
    charts = []
    for img in soup.find_all("img", src=re.compile(r"^figures/[^/]+\.svg$")):
        path = site / img["src"]
        if not path.is_file():
            continue
        svg = inline_svg(path.read_text(encoding="utf-8"), f"{path.stem}-{len(charts)}", img.get("alt", ""),
                         img.get("class", []), img.get("width"), img.get("height"), img["src"])
        if svg is None:
            continue
        img.replace_with(soup.new_tag("dltheory-chart", attrs={"n": str(len(charts))}))
        charts.append(svg)
    return charts
