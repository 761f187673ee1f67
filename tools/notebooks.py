"""Execute the notebooks with the project kernel and render the static site.

    notebooks.py execute [NOTEBOOK ...]   execute (default: every notebooks/*.ipynb), report errors
    notebooks.py site [--no-pdf]           execute every notebook, then write site/ (and its PDF)
    notebooks.py render [--no-pdf]         write site/ from the executed copies (no execution)

Executed copies go to target/executed/<name>.ipynb (the tests compare a second execution with
them). The kernel is the one named `java` on JUPYTER_PATH; bin/site and bin/test point that at
target/jupyter, where environment/setup.sh installs this checkout's kernel.
"""

import argparse
import atexit
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
from markupsafe import Markup
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

import chartmeta
import claims
import explore_frames
import numbering
import site_bundle
from gallery import write_gallery, write_qa_report
from sanitize import clean_html
from site_search import search_docs  # noqa: F401 (SiteWriter.page; tests import it from here)

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
EXECUTED = ROOT / "target" / "executed"
SITE = ROOT / "site"
SITE_NEXT = ROOT / "target" / "site.next"
QA = ROOT / "target" / "qa"  # the charts' layout report (tools/gallery.py), kept out of the site
TEMPLATES = ROOT / "tools" / "templates"
MATHJAX_VERSION = "2.7.9"
MATHJAX_WEBJAR = ROOT / "target" / "mathjax-webjar" / "META-INF" / "resources" / "webjars" / "mathjax" / MATHJAX_VERSION
MATHJAX_URL = "mathjax/MathJax.js?config=TeX-AMS_CHTML-full"
CELL_TIMEOUT = 120
# How many times a kernel is started before a notebook run gives up (see run()).
KERNEL_STARTS = 3
# The kernels of a batch run skip the library's rendering warm-up (a throw-away table and chart
# drawn in the background to make a person's first chart come sooner): here nobody waits, and with
# every core running a kernel it only adds work (about 3 CPU-s over the seven notebooks).
BATCH_ENV = {"DLTHEORY_WARM_UP": "off"}


class NotebookFailed(Exception):
    """A notebook stopped on an error: which notebook, which cell, what error. `cell` is the
    failing cell's number counted from 1 (None when unknown), `error` the error's first line."""

    def __init__(self, message, cell=None, error=None):
        super().__init__(message)
        self.cell = cell
        self.error = error


def all_notebooks():
    return sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))


def first_error(nb):
    """(cell number counted from 1, error output) of the first error output, or None."""
    for number, cell in enumerate(nb.cells, start=1):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                return number, out
    return None


def joined(text):
    """A notebook's text field as one string (nbformat allows a list of lines)."""
    return "".join(text) if isinstance(text, list) else text


def merge_streams(nb):
    """Joins consecutive stream outputs of the same name (stdout, stderr) in each code cell, as
    JupyterLab shows and saves them. The kernel sends a cell's printing in chunks as it comes, so
    where one chunk ends depends on timing; joined, a notebook executed twice gives the same
    outputs, and so the same pages and PDF."""
    for cell in nb.cells:
        merged = []
        for out in cell.get("outputs", []):
            previous = merged[-1] if merged else None
            if (out.get("output_type") == "stream" and previous is not None
                    and previous.get("output_type") == "stream" and previous.get("name") == out.get("name")):
                previous["text"] = joined(previous["text"]) + joined(out["text"])
            else:
                merged.append(out)
        if "outputs" in cell:
            cell["outputs"] = merged
    return nb


def read_notebook(path):
    """The notebook at `path`; NotebookFailed naming it when it is not a notebook (broken JSON, a
    structure nbformat rejects)."""
    try:
        return nbformat.read(path, as_version=4)
    except Exception as e:  # nbformat raises NotJSONError, ValidationError, KeyError, ...
        reason = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise NotebookFailed(f"{Path(path).name} is not a readable notebook: {reason[:200]}") from None


def run(nb, folder, name, **kernel):
    """Executes the notebook node `nb` in place, in a fresh kernel whose working folder is
    `folder` (where `%jars ../lib/...` resolves); returns the seconds it took. Raises
    NotebookFailed naming `name`, the cell and the error. tools/seeds.py runs its copies with
    other seeds through this too. `kernel`: more arguments for the kernel's process (stderr=…)."""
    started = {}
    extra_env = kernel.pop("extra_env", {})
    start = time.perf_counter()
    try:
        for attempt in range(1, KERNEL_STARTS + 1):
            client = NotebookClient(nb, kernel_name="java", timeout=CELL_TIMEOUT, allow_errors=False,
                                    resources={"metadata": {"path": str(folder)}},
                                    on_cell_start=lambda cell, cell_index, **_: started.update(index=cell_index))
            try:
                client.execute(env={**os.environ, **BATCH_ENV, **extra_env}, **kernel)
                break
            except (CellExecutionError, CellTimeoutError, DeadKernelError):
                raise
            except RuntimeError as e:
                # nbclient has cleaned up the failed start but left its exit hook, which would
                # fail at exit on the client it already cleared
                atexit.unregister(client._cleanup_kernel)
                # The kernel died or was silent before its first cell. jupyter_client picks the
                # kernel's ports by binding to port 0 and releasing them, so a kernel started beside
                # others (tools/seeds.py, bin/site run two at a time) can find a port taken in between
                # and exit with "Address already in use". A new start gets new ports, as
                # jupyter_client's own restarter does (random_ports_until_alive).
                if "index" in started or attempt == KERNEL_STARTS:
                    reason = (str(e).strip().splitlines() or [type(e).__name__])[-1]
                    raise NotebookFailed(f"{name}: the kernel did not start ({attempt} tries): {reason}",
                                         error=f"{type(e).__name__}: {reason}") from None
                print(f"{name}: the kernel did not start ({e}); starting a new one", file=sys.stderr, flush=True)
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as e:
        found = first_error(nb)
        running = started["index"] + 1 if "index" in started else None
        if isinstance(e, CellTimeoutError):
            # nbclient interrupts the kernel, so the cell's error output is the interrupt's
            number = found[0] if found else running
            error = f"timed out after {CELL_TIMEOUT} s (it was interrupted)"
        elif found:
            number, out = found
            error = f"{out.get('ename')}: {out.get('evalue')}"
        else:  # a dead kernel: the cell that was running, if one was
            number = running
            error = f"{type(e).__name__}: {str(e).strip().splitlines()[-1] if str(e).strip() else ''}"
        where = f"cell {number}" if number is not None else "a cell"
        message = f"{where} {error}" if isinstance(e, CellTimeoutError) else \
            (f"{where}: {error}" if number is not None else error)
        first_line = (error.strip().splitlines() or [""])[0]
        raise NotebookFailed(f"{name}: {message}", cell=number, error=first_line) from None
    return time.perf_counter() - start


def execute(path):
    """Execute one notebook in its own folder; returns (name, seconds). Raises NotebookFailed."""
    path = Path(path).resolve()
    nb = read_notebook(path)
    seconds = run(nb, path.parent, path.stem, extra_env=explore_frames.ENV)
    EXECUTED.mkdir(parents=True, exist_ok=True)
    merge_streams(nb)
    explore_frames.set_aside(nb, EXECUTED / f"{path.stem}{explore_frames.ASIDE}")
    nbformat.write(nb, EXECUTED / path.name)
    return path.stem, seconds


def execute_all(paths, jobs, on_done=None):
    """Executes notebooks `jobs` at a time, printing one progress line per notebook; calls
    on_done(name) in this process as each one finishes, while the others run on."""
    total = len(paths)
    done = 0
    timings = {}
    with concurrent.futures.ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = {pool.submit(execute, p): p for p in paths}
        try:
            for future in concurrent.futures.as_completed(futures):
                done += 1
                try:
                    name, seconds = future.result()
                except NotebookFailed as e:
                    print(f"[{done}/{total}] FAILED {e}", flush=True)
                    raise
                timings[name] = seconds
                print(f"[{done}/{total}] {name} … {seconds:.1f} s", flush=True)
                if on_done is not None:
                    on_done(name)
        except BaseException:
            # a failed notebook, an error in on_done, Ctrl-C: the notebooks not started yet do not run
            for f in futures:
                f.cancel()
            raise
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


def copy_mathjax(site):
    if not (MATHJAX_WEBJAR / "MathJax.js").is_file():
        raise SystemExit(f"site: {MATHJAX_WEBJAR}/MathJax.js is missing: run `mvn -B -q package -DskipTests` first")
    target = site / "mathjax"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(MATHJAX_WEBJAR, target)


def chart_titles(output):
    """The titles drawn in a chart, or in each chart of a set of small multiples (chartmeta)."""
    meta = chartmeta.read(output.get("data", {}))
    return [meta.title] if meta.title else [title for title, _ in meta.panels if title]


def figure_of(output, chapter, number, stem, out):
    """Writes one chart's SVG and PNG to `out`/figures/ and describes it for the template."""
    data = output.get("data", {})
    meta = chartmeta.read(data)
    title = meta.title
    series = ", ".join(meta.series)
    base = f"figures/{stem}-{number}"
    figure = {"id": f"figure-{number}", "number": f"{chapter}.{number}",
              "caption": title or f"Chart {number} of this notebook", "svg": None, "png": None,
              "width": 720, "height": 440}
    if "image/svg+xml" in data:
        svg = joined(data["image/svg+xml"])
        (out / f"{base}.svg").write_text(svg, encoding="utf-8")
        figure["svg"] = f"{base}.svg"
        size = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg[:600])
        if size:
            figure["width"], figure["height"] = round(float(size[1])), round(float(size[2]))
    if "image/png" in data:
        (out / f"{base}.png").write_bytes(base64.b64decode(data["image/png"]))
        figure["png"] = f"{base}.png"
    figure["alt"] = (f"Chart: {title}." + (f" It plots {series}." if series else "")) if title \
        else f"Chart {number} of this notebook (no title)"
    return figure


WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def drop_widget_views(nb):
    """The static site has no kernel behind its widgets: an Explore cell's output shows what it
    carries beside its view (the figure of its last run, dltheory.widgets), and the saved widget
    state, which would make nbconvert load a widget manager from the web, is dropped."""
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_VIEW in data and len(data) > 1:
                del data[WIDGET_VIEW]


def add_figures(nb, stem, out):
    """Numbers the charts and tables of an executed notebook (chapter = its two-digit prefix) and
    writes the charts to `out`/figures/. A chart's anchor and caption come from its cell's
    metadata (dltheory.figure, tools/numbering.py), a table's from dltheory.table. Returns the
    figures' descriptions."""
    chapter = int(stem[:2]) if stem[:2].isdigit() else 0
    number = tables = 0
    figures = []
    for cell in nb.cells:
        labelled = iter(numbering.entries(cell, "figure"))
        labelled_tables = iter(numbering.entries(cell, "table"))
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "image/svg+xml" in data or "image/png" in data:
                number += 1
                figure = figure_of(output, chapter, number, stem, out)
                entry = next(labelled, None)
                if entry is not None:
                    # the alt text says what is drawn (the chart's title, its series) and what to see
                    meta = chartmeta.read(data)
                    title = meta.title
                    panels = [t for t, _ in meta.panels if t]
                    if title:
                        alt = f"Chart: {title}. {entry['caption']}" + figure["alt"][len(f"Chart: {title}."):]
                    elif panels:
                        alt = f"Charts: {'; '.join(panels)}. {entry['caption']}"
                    else:
                        alt = entry["caption"]
                    figure.update(id=entry["label"], caption=entry["caption"], alt=alt)
                output.setdefault("metadata", {})["dltheory_figure"] = figure
                figures.append(figure)
            elif numbering.is_table(output):
                tables += 1
                entry = next(labelled_tables, None)
                if entry is not None:
                    numbering.number_table(output, entry, f"{chapter}.{tables}")
    return figures


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
            if page == "references.html" and frag:
                a["href"] = f"#{frag}"  # the print page ends with the bibliography (print.html.j2)
            elif page in hrefs_to_names:
                target = hrefs_to_names[page]
                a["href"] = f"#{target}--{frag}" if frag else f"#{target}"
    return str(soup)


class SiteWriter:
    """Writes site/: one page per notebook and the index (page.html.j2), figures, the source
    notebooks, the search index and (pdf=True) site/dltheory.pdf.

    `done(name)` is called as each notebook finishes. While every worker still runs a notebook,
    both cores are busy with kernels and a page written then would only slow them down (measured:
    the notebooks took as much longer as the pages took), so the pages wait; once a worker is
    idle, the pages are written on that core while the last notebooks run, and Node and Chromium
    for the PDF start (`BuildSteps.start`). `finish()` writes the pages still left and the print
    page, has Chromium print it and, meanwhile, writes the index, the gallery and the search index.
    Everything is written to target/site.next/, which replaces site/'s contents only when it is
    complete: a notebook that fails leaves the last good site/ as it was."""

    def __init__(self, names, pdf=True, busy_until_left=1):
        """`busy_until_left`: a core is free once no more than this many notebooks are left to run
        (jobs - 1 when the notebooks run `jobs` at a time)."""
        import jinja2
        from nbconvert import HTMLExporter
        from pygments.formatters import HtmlFormatter

        start = time.perf_counter()
        self.out = out = SITE_NEXT
        if out.exists():
            shutil.rmtree(out)
        for sub in ("figures", "notebooks", "assets"):
            (out / sub).mkdir(parents=True)
        copy_mathjax(out)
        # Every value a template writes is escaped (a heading's text in <title> too); the articles,
        # HTML made here, are passed in as Markup.
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                                      keep_trailing_newline=True)
        self.exporter = HTMLExporter(template_name="dltheory", extra_template_basedirs=[str(TEMPLATES)])
        # Markdown cells and HTML/Markdown outputs are sanitized (tools/sanitize.py), and JavaScript
        # outputs are left out: the pages are published, and Chromium runs them to print the PDF.
        self.exporter.sanitize_html = True
        self.exporter.register_filter("clean_html", clean_html)
        self.exporter.exclude_input_prompt = True
        self.exporter.exclude_output_prompt = True
        for asset in ("site.css", "site.js"):
            shutil.copy(TEMPLATES / asset, out / "assets" / asset)
        (out / "assets" / "pygments.css").write_text(HtmlFormatter(style="default").get_style_defs(".highlight"),
                                                      encoding="utf-8")
        repo = binder_repo()
        if repo is None:
            print("site: no Binder links (set DLTHEORY_REPO=owner/name of the GitHub repository)", flush=True)
        # Titles and first sentences come from the source notebooks (execution leaves Markdown as
        # it is), so that every page's navigation can list all notebooks before they have run.
        self.entries = []
        for name in names:
            title, promise = title_and_promise(nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4))
            shutil.copy(NOTEBOOKS / f"{name}.ipynb", out / "notebooks" / f"{name}.ipynb")
            self.entries.append({"name": name, "href": f"{name}.html", "title": title or name, "promise": promise,
                                 "download": f"notebooks/{name}.ipynb",
                                 "binder": repo and f"https://mybinder.org/v2/gh/{repo}/HEAD?labpath=notebooks%2F{name}.ipynb"})
        self.hrefs = {e["name"][:2]: e["href"] for e in self.entries}
        # Sections, equations, figures, tables and exercises numbered by chapter (tools/numbering.py)
        self.book = numbering.Book({name: nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
                                    for name in names})
        self.names_by_href = {e["href"]: e["name"] for e in self.entries}
        self.steps = BuildSteps(out, pdf)
        # the pages link to the PDF only when it is made (a failed PDF fails the whole build)
        self.common = {"site_title": SITE_TITLE, "mathjax_url": MATHJAX_URL, "mathjax_version": MATHJAX_VERSION,
                       "entries": self.entries, "has_pdf": self.steps.makes_pdf()}
        self.page_template = self.env.get_template("page.html.j2")
        self.docs = {}
        self.busy_until_left = busy_until_left
        self.waiting = []  # notebooks done whose pages are not written yet
        self.seconds = time.perf_counter() - start

    def done(self, name):
        """Notebook `name` has run (its executed copy is written); writes the pages waiting once a
        core is free."""
        self.waiting.append(name)
        left = len(self.entries) - len(self.docs) - len(self.waiting)
        if left <= self.busy_until_left:
            self.steps.start()
            while self.waiting:
                self.page(self.waiting.pop(0))

    def abort(self):
        """Stops the PDF's Node process and removes the unfinished site (site/ stays as it was)."""
        self.steps.stop()
        shutil.rmtree(self.out, ignore_errors=True)

    def page(self, name):
        """Writes the page of notebook `name` from target/executed/ and keeps its print article and
        search documents for finish()."""
        from bs4 import BeautifulSoup

        start = time.perf_counter()
        i = next(k for k, e in enumerate(self.entries) if e["name"] == name)
        entry, entries = self.entries[i], self.entries
        nb = nbformat.read(EXECUTED / f"{name}.ipynb", as_version=4)
        problems = numbering.check_outputs(nb, name, self.book, chart_titles)
        if problems:
            raise numbering.NumberingError(problems)
        drop_widget_views(nb)
        explore_frames.take(nb, name, self.out, EXECUTED / f"{name}{explore_frames.ASIDE}")
        entry["figures"] = add_figures(nb, name, self.out)
        cells, _ = self.exporter.from_notebook_node(nb, resources={"metadata": {"name": entry["title"]}})
        soup = BeautifulSoup(cells, "html.parser")
        self.book.apply(soup, name)
        cross_reference(soup, self.hrefs)
        entry["sections"] = sections_of(soup)
        entry["claims"], entry["unclaimed"] = claims_on_page(nb, soup)
        self.docs[name] = search_docs(soup, entry)
        explore_frames.add_sliders(soup, nb)
        page = {"name": name, "title": entry["title"], "is_index": False,
                "sections": entry["sections"], "download": entry["download"], "binder": entry["binder"],
                "prev": entries[i - 1] if i > 0 else None,
                "next": entries[i + 1] if i + 1 < len(entries) else None}
        (self.out / entry["href"]).write_text(self.page_template.render(page=page, article=Markup(str(soup)), **self.common),
                                          encoding="utf-8")
        explore_frames.small_multiples(soup, nb)
        entry["print_html"] = Markup(for_print(soup, name, self.names_by_href))
        self.seconds += time.perf_counter() - start

    def finish(self):
        """Writes the print page, the index, the gallery, the search index and the PDF (Chromium
        prints while the rest is written), then puts the new site in place of site/. Returns
        {step: seconds}."""
        from bs4 import BeautifulSoup

        while self.waiting:
            self.page(self.waiting.pop(0))
        start = time.perf_counter()
        out = self.out
        missing = [e["name"] for e in self.entries if "print_html" not in e]
        if missing:
            raise ValueError(f"no page written for {', '.join(missing)}")
        # the bibliography is the print page's last chapter, so that citations link inside the PDF
        references_article = self.references_page()
        printed_references = BeautifulSoup(references_article, "html.parser")
        for a in printed_references.find_all("a", href=True):
            if a["href"] in self.names_by_href:  # "Cited in" a chapter: the chapter in the PDF
                a["href"] = f"#{self.names_by_href[a['href']]}"
        (out / "print.html").write_text(self.env.get_template("print.html.j2").render(
            references_html=Markup(str(printed_references)), **self.common), encoding="utf-8")
        self.steps.print_pdf()
        index_article = self.env.get_template("index-article.html.j2").render(**self.common)
        index = {"name": "index", "title": SITE_TITLE, "is_index": True, "sections": [],
                 "prev": None, "next": self.entries[0] if self.entries else None}
        (out / "index.html").write_text(self.page_template.render(page=index, article=Markup(index_article), **self.common),
                                        encoding="utf-8")
        docs = [{"id": "index", "title": SITE_TITLE, "section": "Overview", "href": "index.html",
                 "text": BeautifulSoup(index_article, "html.parser").get_text(" ", strip=True)}]
        for e in self.entries:
            docs.extend(self.docs[e["name"]])
        docs.append(self.run_page())
        claims_article = self.claims_page()
        docs.append({"id": "claims", "title": "Claims", "section": "Claims", "href": "claims.html",
                     "text": BeautifulSoup(claims_article, "html.parser").get_text(" ", strip=True)})
        docs.append({"id": "references", "title": "References", "section": "References", "href": "references.html",
                     "text": BeautifulSoup(references_article, "html.parser").get_text(" ", strip=True)})
        write_gallery(out, self.entries, self.page_template, self.common)
        write_qa_report(QA, EXECUTED)
        timings = {"pages": self.seconds + time.perf_counter() - start}
        timings.update(self.steps.finish(docs))
        replace_site(out)
        return timings


    def run_page(self):
        """Writes the bundle to download (tools/site_bundle.py: the notebooks, the library and the
        kernel) and run.html, which says how to run them; returns the page's search document."""
        from bs4 import BeautifulSoup

        bundle = site_bundle.write_bundle(self.out, ROOT, [NOTEBOOKS / f"{e['name']}.ipynb" for e in self.entries])
        size = bundle.stat().st_size
        info = {"file": bundle.name, "name": site_bundle.NAME, "size": f"{size / 1e6:.0f} MB" if size >= 1e6 else f"{size / 1e3:.0f} kB"}
        article = self.env.get_template("run-article.html.j2").render(bundle=info, **self.common)
        soup = BeautifulSoup(article, "html.parser")
        page = {"name": "run", "title": "Run it yourself", "is_index": False, "body_class": "run-page",
                "sections": sections_of(soup), "prev": None, "next": None}
        (self.out / "run.html").write_text(self.page_template.render(page=page, article=Markup(article), **self.common),
                                           encoding="utf-8")
        return {"id": "run", "title": "Run it yourself", "section": "Run it yourself", "href": "run.html",
                "text": soup.get_text(" ", strip=True), "prose": soup.get_text(" ", strip=True),
                "keywords": "install download JupyterLab kernel bundle zip jar setup"}

    def references_page(self):
        """Writes references.html, the bibliography (docs/references.json), each work with the
        places that cite it; returns the article."""
        def first_author_surname(work):
            first = re.split(r",| and ", work["authors"])[0].split()
            return first[-1].lower() if first else ""
        works = sorted(self.book.references.items(), key=lambda kv: (first_author_surname(kv[1]), kv[1]["year"]))
        cited_in = {key: sorted({n for n, _ in places}) for key, places in self.book.cited.items()}
        titles = {e["name"]: e for e in self.entries}
        article = self.env.get_template("references-article.html.j2").render(
            works=[{"key": k, **w, "cited_in": [titles[n] for n in cited_in.get(k, []) if n in titles]}
                   for k, w in works], **self.common)
        page = {"name": "references", "title": "References", "is_index": False, "body_class": "references-page",
                "sections": [], "prev": None, "next": None}
        (self.out / "references.html").write_text(
            self.page_template.render(page=page, article=Markup(article), **self.common), encoding="utf-8")
        return article

    def claims_page(self):
        """Writes claims.html: every claim of the notebooks by notebook, linked to its section, with
        the last seed sweep's verdict (claims.SWEEP, when bin/seeds has written it); returns the
        article. The page changes only with the notebooks and the sweep's record."""
        sweep = claims.load_sweep(claims.SWEEP)
        groups = []
        for e in self.entries:
            found = []
            for c in e["claims"]:
                status, text = claims.verdict(c["id"], e["name"], sweep)
                found.append({**c, "status": status, "verdict": text})
            groups.append({"name": e["name"], "title": e["title"], "href": e["href"], "anchor": f"notebook-{e['name']}",
                           "claims": found, "unclaimed": e["unclaimed"]})
        article = self.env.get_template("claims-article.html.j2").render(
            groups=groups, sweep_summary=claims.sweep_summary(sweep), **self.common)
        page = {"name": "claims", "title": "Claims", "is_index": False, "body_class": "claims-page",
                "sections": [{"id": g["anchor"], "title": g["title"]} for g in groups],
                "prev": self.entries[-1] if self.entries else None, "next": None}
        (self.out / "claims.html").write_text(self.page_template.render(page=page, article=Markup(article), **self.common),
                                              encoding="utf-8")
        return article


class BuildSteps:
    """The steps that need Node: the PDF and the search index (tools/site/build.js).

    The PDF's Node process (`build.js serve`: Playwright and Chromium, about 1 s to start) can be
    started early, with `start()`, while the last notebook runs and a core is idle; `print_pdf()`
    then hands it the print page, and `finish()` builds the search index while Chromium prints."""

    def __init__(self, out, pdf):
        self.out = out
        self.wanted = pdf
        self.why_not = None
        if NO_BUILD_STEPS.is_file() or not (SITE_TOOLS / "node_modules" / "minisearch").is_dir():
            self.why_not = NO_BUILD_STEPS.read_text().strip() if NO_BUILD_STEPS.is_file() else "run environment/site.sh"
        self.server = None
        self.asked = None

    def makes_pdf(self):
        """Whether the PDF is wanted and can be made (Node and the site's npm packages are there)."""
        return self.wanted and self.why_not is None

    def start(self):
        """Starts Node and Chromium for the PDF, if it is wanted and they are not started yet."""
        if self.makes_pdf() and self.server is None:
            self.server = subprocess.Popen(["node", str(SITE_TOOLS / "build.js"), "serve"], stdin=subprocess.PIPE,
                                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def print_pdf(self):
        """Asks for `out`/dltheory.pdf from `out`/print.html, which must be written."""
        self.start()
        if self.server is not None:
            self.asked = time.perf_counter()
            self.server.stdin.write(json.dumps(["pdf", str(self.out / "print.html"), str(self.out / "dltheory.pdf")]) + "\n")
            self.server.stdin.flush()  # finish() closes stdin (communicate), and the server ends

    def stop(self):
        """Stops the PDF's Node process if it runs (a notebook failed)."""
        if self.server is not None and self.server.poll() is None:
            self.server.kill()
            self.server.communicate()

    def finish(self, docs):
        """Builds the search index of `docs`, waits for the PDF; returns {step: seconds}."""
        timings = {}
        if self.why_not is not None:
            print(f"site: no search index and no PDF: {self.why_not}", flush=True)
            return timings
        start = time.perf_counter()
        minisearch = SITE_TOOLS / "node_modules" / "minisearch" / "dist" / "umd" / "index.js"
        shutil.copy(minisearch, self.out / "assets" / "minisearch.js")
        docs_file = ROOT / "target" / "site" / "search-docs.json"
        docs_file.parent.mkdir(parents=True, exist_ok=True)
        docs_file.write_text(json.dumps(docs, ensure_ascii=False), encoding="utf-8")
        self._report(subprocess.run(["node", str(SITE_TOOLS / "build.js"), "search", str(docs_file),
                                     str(self.out / "search-index.js")], capture_output=True, text=True), "search")
        timings["search"] = time.perf_counter() - start
        if self.server is not None:
            out, err = self.server.communicate()
            self._report(subprocess.CompletedProcess(self.server.args, self.server.returncode, out, err), "pdf")
            timings["PDF"] = time.perf_counter() - self.asked
        return timings

    def _report(self, result, step):
        if result.returncode != 0:
            raise SystemExit(f"site: {step} failed:\n{result.stderr.strip() or result.stdout.strip()}")
        for line in result.stdout.strip().splitlines():
            print(f"site: {line.replace(str(self.out), str(SITE))}", flush=True)


def replace_site(new):
    """Replaces what site/ holds by what the folder `new` holds, then removes `new`. site/ itself
    stays (it may be a link, a mount, or the folder a local web server serves)."""
    SITE.mkdir(exist_ok=True)
    for old in SITE.iterdir():
        if old.is_dir() and not old.is_symlink():
            shutil.rmtree(old)
        else:
            old.unlink()
    for item in new.iterdir():
        shutil.move(str(item), str(SITE / item.name))
    new.rmdir()


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

    # Every notebook is read once before any kernel starts: a broken one is named at once, and
    # nothing is built.
    try:
        sources = {p.stem: read_notebook(p) for p in paths}
    except NotebookFailed as e:
        print(f"notebook failed: {e}", file=sys.stderr)
        return 1
    names = [p.stem for p in paths]
    if args.command in ("site", "render"):
        # The numbering and every reference are checked on the notebooks' JSON first: a dangling
        # reference or a placeholder caption fails the build before any kernel starts.
        problems = numbering.Book(sources).problems(sources)
        if problems:
            print("site: numbering and references:\n  " + "\n  ".join(problems), file=sys.stderr)
            return 1
    start = time.perf_counter()
    if args.command == "execute":
        try:
            execute_all(paths, args.jobs)
        except NotebookFailed as e:
            print(f"notebook failed: {e}", file=sys.stderr)
            return 1
        print(f"{len(paths)} notebook(s) executed without error in {time.perf_counter() - start:.1f} s")
        return 0
    if args.command == "render":
        absent = [p.name for p in paths if not (EXECUTED / p.name).is_file()]
        if absent:
            print(f"not executed yet (run `notebooks.py site`): {', '.join(absent)}", file=sys.stderr)
            return 2
        site = SiteWriter(names, pdf=args.pdf)
        try:
            for name in names:
                site.page(name)
        except numbering.NumberingError as e:
            site.abort()
            print(f"site: numbering and references:\n  " + "\n  ".join(e.problems), file=sys.stderr)
            return 1
        executed = None
    else:
        site = None

        def done(name):
            # The writer (nbconvert's and Jinja's imports, MathJax copied: 0.5 s) is made once the
            # first notebook is done, not before the first kernel starts.
            nonlocal site
            if site is None:
                site = SiteWriter(names, pdf=args.pdf, busy_until_left=max(1, args.jobs - 1))
            site.done(name)
        try:
            execute_all(paths, args.jobs, on_done=done)
        except BaseException as e:
            if site is not None:
                site.abort()
            if isinstance(e, numbering.NumberingError):
                print("site: numbering and references (site/ is left as it was):\n  " + "\n  ".join(e.problems),
                      file=sys.stderr)
                return 1
            if not isinstance(e, NotebookFailed):
                raise
            print(f"notebook failed: {e} (site/ is left as it was)", file=sys.stderr)
            return 1
        executed = time.perf_counter() - start
    rest_start = time.perf_counter()
    steps = site.finish()
    rest = time.perf_counter() - rest_start
    detail = ", ".join(f"{k} {v:.1f} s" for k, v in steps.items())
    done = f"{os.path.relpath(SITE / 'index.html')}" + (
        f", {os.path.relpath(SITE / 'dltheory.pdf')}" if (SITE / "dltheory.pdf").is_file() and args.pdf else "")
    if executed is None:
        print(f"{len(paths)} notebooks rendered in {time.perf_counter() - start:.1f} s ({detail}) → {done}")
    else:
        print(f"{len(paths)} notebooks executed in {executed:.1f} s (pages written as soon as a core was free) "
              f"and the rest done in {rest:.1f} s ({detail}) (total {executed + rest:.1f} s) → {done}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
