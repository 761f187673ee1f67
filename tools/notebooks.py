"""Execute the notebooks with the project kernel and render the static site.

    notebooks.py execute [NOTEBOOK ...]   execute (default: every notebooks/*.ipynb), report errors
    notebooks.py site [--no-pdf]           execute every notebook, then write site/ (and its PDF)
    notebooks.py render [--no-pdf]         write site/ from the executed copies (no execution)

Executed copies go to target/executed/<name>.ipynb (the tests compare a second execution with
them). The kernel is the one named `java` on JUPYTER_PATH; bin/site and bin/test point that at
target/jupyter, where environment/setup.sh installs this checkout's kernel.
"""

import argparse
import base64
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

from gallery import write_gallery

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
EXECUTED = ROOT / "target" / "executed"
SITE = ROOT / "site"
TEMPLATES = ROOT / "tools" / "templates"
MATHJAX_VERSION = "2.7.9"
MATHJAX_WEBJAR = ROOT / "target" / "mathjax-webjar" / "META-INF" / "resources" / "webjars" / "mathjax" / MATHJAX_VERSION
MATHJAX_URL = "mathjax/MathJax.js?config=TeX-AMS_CHTML-full"
CELL_TIMEOUT = 120


class NotebookFailed(Exception):
    """A notebook stopped on an error: which notebook, which cell, what error."""


def all_notebooks():
    return sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))


def first_error(nb):
    """(cell number counted from 1, error output) of the first error output, or None."""
    for number, cell in enumerate(nb.cells, start=1):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                return number, out
    return None


def execute(path):
    """Execute one notebook in its own folder; returns (name, seconds). Raises NotebookFailed."""
    path = Path(path).resolve()
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name="java", timeout=CELL_TIMEOUT, allow_errors=False,
                            resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as e:
        found = first_error(nb)
        if found:
            number, out = found
            message = f"cell {number}: {out.get('ename')}: {out.get('evalue')}"
        else:
            message = f"{type(e).__name__}: {str(e).strip().splitlines()[-1] if str(e).strip() else ''}"
        raise NotebookFailed(f"{path.stem}: {message}") from None
    seconds = time.perf_counter() - start
    EXECUTED.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, EXECUTED / path.name)
    return path.stem, seconds


def execute_all(paths, jobs):
    """Executes notebooks `jobs` at a time, printing one progress line per notebook."""
    total = len(paths)
    done = 0
    timings = {}
    with concurrent.futures.ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = {pool.submit(execute, p): p for p in paths}
        for future in concurrent.futures.as_completed(futures):
            done += 1
            try:
                name, seconds = future.result()
            except NotebookFailed as e:
                print(f"[{done}/{total}] FAILED {e}", flush=True)
                for f in futures:
                    f.cancel()
                raise
            timings[name] = seconds
            print(f"[{done}/{total}] {name} … {seconds:.1f} s", flush=True)
    return timings


# --- the site ---------------------------------------------------------------------------------

SITE_TITLE = "Training deep networks: the theory, in Java notebooks"
SITE_TOOLS = ROOT / "tools" / "site"
NO_BUILD_STEPS = ROOT / "target" / "site" / "NO-BUILD-STEPS"
# Binder builds the repository with environment/binder (linked as .binder).


def binder_repo():
    """owner/name of the GitHub repository the pages link to on Binder: DLTHEORY_REPO when it is
    set, else the `origin` remote when that is on GitHub, else None (the pages then say how to
    set it instead of showing a link that leads nowhere)."""
    named = os.environ.get("DLTHEORY_REPO", "").strip()
    if named:
        return named
    try:
        url = subprocess.run(["git", "-C", str(ROOT), "remote", "get-url", "origin"],
                             capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    found = re.search(r"github\.com[:/]([\w.-]+/[\w.-]+?)(?:\.git)?$", url)
    return found.group(1) if found else None
CHART = re.compile(r'^Chart "(?P<title>.*)" \((?P<count>\d+) series: (?P<series>.*)\)$')
MATH = re.compile(r"\$\$.+?\$\$|\\\[.+?\\\]|\\\(.+?\\\)|\$[^$]+?\$", re.S)
TAG = re.compile(r"\\tag\{(\d+)\}")
NOTEBOOK_REF = re.compile(r"\b([Nn]otebooks? )(\d\d)\b")
EQUATION_REF = re.compile(r"\((\d{1,3})\)")
NOT_OURS = re.compile(r"(text['’]s|of the text|reference text)\s*$")


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


def copy_mathjax(site):
    if not (MATHJAX_WEBJAR / "MathJax.js").is_file():
        raise SystemExit(f"site: {MATHJAX_WEBJAR}/MathJax.js is missing: run `mvn -B -q package -DskipTests` first")
    target = site / "mathjax"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(MATHJAX_WEBJAR, target)


def chart_text(output):
    data = output.get("data", {})
    text = data.get("text/plain", "")
    return "".join(text) if isinstance(text, list) else text


def figure_of(output, chapter, number, stem):
    """Writes one chart's SVG and PNG to site/figures/ and describes it for the template."""
    data = output.get("data", {})
    lines = chart_text(output).strip().splitlines()
    match = CHART.match(lines[0]) if lines else None  # later lines: the layout check's verdict
    title = match["title"] if match else ""
    series = match["series"] if match else ""
    base = f"figures/{stem}-{number}"
    figure = {"id": f"figure-{number}", "number": f"{chapter}.{number}",
              "caption": title or f"Chart {number} of this notebook", "svg": None, "png": None,
              "width": 720, "height": 440}
    if "image/svg+xml" in data:
        svg = data["image/svg+xml"]
        svg = "".join(svg) if isinstance(svg, list) else svg
        (SITE / f"{base}.svg").write_text(svg, encoding="utf-8")
        figure["svg"] = f"{base}.svg"
        size = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg[:600])
        if size:
            figure["width"], figure["height"] = round(float(size[1])), round(float(size[2]))
    if "image/png" in data:
        (SITE / f"{base}.png").write_bytes(base64.b64decode(data["image/png"]))
        figure["png"] = f"{base}.png"
    figure["alt"] = (f"Chart: {title}." + (f" It plots {series}." if series else "")) if title \
        else f"Chart {number} of this notebook (no title)"
    return figure


def add_figures(nb, stem):
    """Numbers the charts of an executed notebook (chapter = its two-digit prefix)."""
    chapter = int(stem[:2]) if stem[:2].isdigit() else 0
    number = 0
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "image/svg+xml" in data or "image/png" in data:
                number += 1
                output.setdefault("metadata", {})["dltheory_figure"] = figure_of(output, chapter, number, stem)
    return number


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
    """Anchors before equations with \tag{N}; "(N)" and "notebook 0N" in the prose become links."""
    tags = set()
    plan = []
    for node in text_nodes(soup):
        pieces = split_math(str(node))
        if not any(m and TAG.search(p) for m, p in pieces) and not NOTEBOOK_REF.search(str(node)) \
                and not EQUATION_REF.search(str(node)):
            continue
        plan.append((node, pieces))
        for is_math, piece in pieces:
            if is_math:
                tags.update(TAG.findall(piece))
    for node, pieces in plan:
        parts = []
        for is_math, piece in pieces:
            if is_math:
                for tag in TAG.findall(piece) if piece.startswith(("$$", "\\[")) else []:
                    anchor = soup.new_tag("span", attrs={"class": "eq-anchor", "id": f"eq-{tag}"})
                    parts.append(anchor)
                parts.append(piece)
            else:
                parts.extend(link_prose(soup, piece, tags, hrefs))
        if len(parts) == 1 and isinstance(parts[0], str):
            continue
        for part in parts:
            node.insert_before(part)
        node.extract()


def link_prose(soup, text, tags, hrefs):
    """text with "notebook 0N" and "(N)" (an equation of this page) as links."""
    out, at = [], 0
    matches = sorted([(m, "nb") for m in NOTEBOOK_REF.finditer(text)]
                     + [(m, "eq") for m in EQUATION_REF.finditer(text)], key=lambda x: x[0].start())
    for m, kind in matches:
        if m.start() < at:
            continue
        if kind == "nb":
            href = hrefs.get(m[2])
            if not href:
                continue
            link = soup.new_tag("a", href=href, attrs={"class": "xref"})
            link.string = m[0]
        else:
            if m[1] not in tags or NOT_OURS.search(text[:m.start()]):
                continue
            link = soup.new_tag("a", href=f"#eq-{m[1]}", attrs={"class": "xref eq"})
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


GREEK = {name: chr(code) for name, code in [
    ("alpha", 0x3B1), ("beta", 0x3B2), ("gamma", 0x3B3), ("delta", 0x3B4), ("epsilon", 0x3B5),
    ("eta", 0x3B7), ("theta", 0x3B8), ("lambda", 0x3BB), ("mu", 0x3BC), ("rho", 0x3C1),
    ("sigma", 0x3C3), ("tau", 0x3C4), ("phi", 0x3C6), ("Gamma", 0x393), ("Sigma", 0x3A3)]}


def plain_tex(text):
    """Inline TeX as plain text for the search results, which MathJax does not typeset."""
    def one(m):
        tex = re.sub(r"\\(lVert|rVert|\|)", "‖", m.group(1))
        tex = re.sub(r"\\([A-Za-z]+)", lambda g: GREEK.get(g.group(1), g.group(1)), tex)
        return tex.replace("{", "").replace("}", "").replace("\\", "")
    return re.sub(r"\$([^$]+)\$", one, text)


def search_docs(soup, entry):
    """One search document per section of a page (the text before the first h2 belongs to the title)."""
    docs = []
    current = {"id": entry["name"], "title": entry["title"], "section": entry["title"],
               "href": entry["href"], "text": []}
    for cell in soup.select(".jp-Cell"):
        for h in cell.find_all("h2"):
            if h.get("id"):
                docs.append(current)
                current = {"id": f'{entry["name"]}#{h["id"]}', "title": entry["title"],
                           "section": h.get_text(" ", strip=True).rstrip("¶").strip(),
                           "href": f'{entry["href"]}#{h["id"]}', "text": []}
        current["text"].append(cell.get_text(" ", strip=True))
    docs.append(current)
    for d in docs:
        d["text"] = " ".join(d["text"])
        d["title"], d["section"] = plain_tex(d["title"]), plain_tex(d["section"])
    return docs


def for_print(soup, name, hrefs_to_names):
    """A page's article for the one-page print version: ids prefixed with the notebook's name,
    links to pages turned into links inside the print page. Changes `soup` (the page's article,
    once its page is written)."""
    for el in soup.find_all(id=True):
        el["id"] = f"{name}--{el['id']}"
    for a in soup.find_all("a", href=True):
        href = a["href"]
        if href.startswith("#"):
            a["href"] = f"#{name}--{href[1:]}"
        else:
            page, _, frag = href.partition("#")
            if page in hrefs_to_names:
                target = hrefs_to_names[page]
                a["href"] = f"#{target}--{frag}" if frag else f"#{target}"
    return str(soup)


def render_site(names, pdf=True):
    """Writes site/: one page per notebook and the index (page.html.j2), figures, the source
    notebooks, the search index and (pdf=True) site/dltheory.pdf. Returns {step: seconds}."""
    import jinja2
    from bs4 import BeautifulSoup
    from nbconvert import HTMLExporter

    timings = {}
    start = time.perf_counter()
    SITE.mkdir(parents=True, exist_ok=True)
    for sub in ("figures", "notebooks", "assets"):
        if (SITE / sub).exists():
            shutil.rmtree(SITE / sub)
        (SITE / sub).mkdir()
    copy_mathjax(SITE)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=False,
                             keep_trailing_newline=True)
    exporter = HTMLExporter(template_name="dltheory", extra_template_basedirs=[str(TEMPLATES)])
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    for asset in ("site.css", "site.js"):
        shutil.copy(TEMPLATES / asset, SITE / "assets" / asset)
    from pygments.formatters import HtmlFormatter
    (SITE / "assets" / "pygments.css").write_text(HtmlFormatter(style="default").get_style_defs(".highlight"),
                                                  encoding="utf-8")

    repo = binder_repo()
    if repo is None:
        print("site: no Binder links (set DLTHEORY_REPO=owner/name of the GitHub repository)", flush=True)
    entries = []
    for name in names:
        nb = nbformat.read(EXECUTED / f"{name}.ipynb", as_version=4)
        title, promise = title_and_promise(nb)
        shutil.copy(NOTEBOOKS / f"{name}.ipynb", SITE / "notebooks" / f"{name}.ipynb")
        entries.append({"name": name, "href": f"{name}.html", "title": title or name, "promise": promise,
                        "nb": nb, "download": f"notebooks/{name}.ipynb",
                        "binder": repo and f"https://mybinder.org/v2/gh/{repo}/HEAD?labpath=notebooks%2F{name}.ipynb"})
    hrefs = {e["name"][:2]: e["href"] for e in entries}
    names_by_href = {e["href"]: e["name"] for e in entries}
    common = {"site_title": SITE_TITLE, "mathjax_url": MATHJAX_URL, "mathjax_version": MATHJAX_VERSION,
              "entries": entries}
    page_template = env.get_template("page.html.j2")
    docs = []
    for i, entry in enumerate(entries):
        add_figures(entry["nb"], entry["name"])
        cells, _ = exporter.from_notebook_node(entry["nb"], resources={"metadata": {"name": entry["title"]}})
        soup = BeautifulSoup(cells, "html.parser")
        cross_reference(soup, hrefs)
        entry["sections"] = sections_of(soup)
        docs.extend(search_docs(soup, entry))
        entry["article"] = str(soup)
        page = {"name": entry["name"], "title": entry["title"], "is_index": False,
                "sections": entry["sections"], "download": entry["download"], "binder": entry["binder"],
                "prev": entries[i - 1] if i > 0 else None,
                "next": entries[i + 1] if i + 1 < len(entries) else None}
        (SITE / entry["href"]).write_text(page_template.render(page=page, article=entry["article"], **common),
                                          encoding="utf-8")
        entry["print_html"] = for_print(soup, entry["name"], names_by_href)
    index_article = env.get_template("index-article.html.j2").render(**common)
    index = {"name": "index", "title": SITE_TITLE, "is_index": True, "sections": [],
             "prev": None, "next": entries[0] if entries else None}
    (SITE / "index.html").write_text(page_template.render(page=index, article=index_article, **common),
                                     encoding="utf-8")
    docs.insert(0, {"id": "index", "title": SITE_TITLE, "section": "Overview", "href": "index.html",
                    "text": BeautifulSoup(index_article, "html.parser").get_text(" ", strip=True)})
    (SITE / "print.html").write_text(env.get_template("print.html.j2").render(**common), encoding="utf-8")
    write_gallery(SITE, EXECUTED)
    timings["pages"] = time.perf_counter() - start
    build_steps(docs, pdf, timings)
    return timings


def build_steps(docs, pdf, timings):
    """The steps that need Node: the search index (always) and the PDF (when asked)."""
    start = time.perf_counter()
    (SITE / "search-index.js").unlink(missing_ok=True)
    if NO_BUILD_STEPS.is_file() or not (SITE_TOOLS / "node_modules" / "minisearch").is_dir():
        why = NO_BUILD_STEPS.read_text().strip() if NO_BUILD_STEPS.is_file() else "run environment/site.sh"
        print(f"site: no search index and no PDF: {why}", flush=True)
        return
    minisearch = SITE_TOOLS / "node_modules" / "minisearch" / "dist" / "umd" / "index.js"
    shutil.copy(minisearch, SITE / "assets" / "minisearch.js")
    docs_file = ROOT / "target" / "site" / "search-docs.json"
    docs_file.parent.mkdir(parents=True, exist_ok=True)
    docs_file.write_text(json.dumps(docs, ensure_ascii=False), encoding="utf-8")
    command = ["node", str(SITE_TOOLS / "build.js"), "search", str(docs_file), str(SITE / "search-index.js")]
    if pdf:
        command += ["pdf", str(SITE / "print.html"), str(SITE / "dltheory.pdf")]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"site: {' '.join(command[1:3])} failed:\n{result.stderr.strip() or result.stdout.strip()}")
    for line in result.stdout.strip().splitlines():
        print(f"site: {line}", flush=True)
    timings["search and PDF" if pdf else "search"] = time.perf_counter() - start


# --- entry point ------------------------------------------------------------------------------

def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("execute", help="execute notebooks and report errors")
    ex.add_argument("notebooks", nargs="*", type=Path)
    ex.add_argument("--jobs", type=int, default=2)
    st = sub.add_parser("site", help="execute every notebook and render site/ (with site/dltheory.pdf)")
    st.add_argument("--jobs", type=int, default=2)
    st.add_argument("--no-pdf", dest="pdf", action="store_false", help="skip site/dltheory.pdf")
    rd = sub.add_parser("render", help="render site/ from the executed copies in target/executed/")
    rd.add_argument("--no-pdf", dest="pdf", action="store_false", help="skip site/dltheory.pdf")
    args = parser.parse_args(argv)

    paths = [p.resolve() for p in args.notebooks] if getattr(args, "notebooks", None) else all_notebooks()
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        print(f"no such notebook: {', '.join(missing)}", file=sys.stderr)
        return 2
    if not paths:
        print("no notebooks found under notebooks/", file=sys.stderr)
        return 2

    start = time.perf_counter()
    if args.command == "render":
        absent = [p.name for p in paths if not (EXECUTED / p.name).is_file()]
        if absent:
            print(f"not executed yet (run `notebooks.py site`): {', '.join(absent)}", file=sys.stderr)
            return 2
    else:
        try:
            execute_all(paths, args.jobs)
        except NotebookFailed as e:
            print(f"notebook failed: {e}", file=sys.stderr)
            return 1
    executed = time.perf_counter() - start
    if args.command == "execute":
        print(f"{len(paths)} notebook(s) executed without error in {executed:.1f} s")
        return 0

    render_start = time.perf_counter()
    steps = render_site([p.stem for p in paths], pdf=args.pdf)
    rendered = time.perf_counter() - render_start
    detail = ", ".join(f"{k} {v:.1f} s" for k, v in steps.items())
    print(f"{len(paths)} notebooks executed in {executed:.1f} s and rendered in {rendered:.1f} s ({detail}) "
          f"(total {executed + rendered:.1f} s) → {os.path.relpath(SITE / 'index.html')}"
          + (f", {os.path.relpath(SITE / 'dltheory.pdf')}" if (SITE / "dltheory.pdf").is_file() and args.pdf else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
