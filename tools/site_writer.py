"""The static site: one page per notebook from its executed copy, with the index, the list of
figures, the claims, the references, the bundle to download and (with Node) the search index and
the PDF, written to target/site.next/ and put in place of site/'s contents only when complete.
"""

import os
import re
import shutil
import subprocess
import time

import nbformat
from markupsafe import Markup

import claims
import explore_frames
import numbering
import places
import site_bundle
from build_steps import BuildSteps
from figures import add_figures, chart_titles
from gallery import write_gallery, write_qa_report
from outputs import drop_widget_views
from page_html import claims_on_page, cross_reference, for_print, sections_of, title_and_promise
from sanitize import clean_html
from site_search import search_docs

MATHJAX_VERSION = "2.7.9"
MATHJAX_WEBJAR = places.ROOT / "target" / "mathjax-webjar" / "META-INF" / "resources" / "webjars" / "mathjax" / MATHJAX_VERSION
MATHJAX_URL = "mathjax/MathJax.js?config=TeX-AMS_CHTML-full"
SITE_TITLE = "Training deep networks: the theory, in Java notebooks"


# Binder builds the repository with environment/binder (linked as .binder).


def binder_repo():
    """owner/name of the GitHub repository the pages link to on Binder: DLTHEORY_REPO when it is
    set, else the `origin` remote when that is on GitHub, else None (the pages then say how to
    set it instead of showing a link that leads nowhere)."""
    named = os.environ.get("DLTHEORY_REPO", "").strip()
    if named:
        return named
    try:
        url = subprocess.run(["git", "-C", str(places.ROOT), "remote", "get-url", "origin"],
                             capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    found = re.search(r"github\.com[:/]([\w.-]+/[\w.-]+?)(?:\.git)?$", url)
    return found.group(1) if found else None


def copy_mathjax(site):
    if not (MATHJAX_WEBJAR / "MathJax.js").is_file():
        raise SystemExit(f"site: {MATHJAX_WEBJAR}/MathJax.js is missing: run `mvn -B -q package -DskipTests` first")
    target = site / "mathjax"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(MATHJAX_WEBJAR, target)


class SiteWriter:
    """Writes site/: one page per notebook and the index (page.html.j2), figures, the source
    notebooks, the search index and (pdf=True) site/dltheory.pdf.

    `done(name)` is called as each notebook finishes: its page is written at once, while the other
    notebooks run, and Node and Chromium for the PDF start then (`BuildSteps.start`). (Until the
    PDF was printed in two parts at once, the pages waited for a free core; since then, writing
    each page at once has made bin/site about a second faster: 34.4 and 34.8 s against 35.2 and
    36.1 s, alternated on one quiet machine.) `finish()` writes the print page, has Chromium print
    it and, meanwhile, writes the index, the gallery and the search index.
    Everything is written to target/site.next/, which replaces site/'s contents only when it is
    complete: a notebook that fails leaves the last good site/ as it was."""

    def __init__(self, names, pdf=True):
        import jinja2
        from nbconvert import HTMLExporter
        from pygments.formatters import HtmlFormatter

        start = time.perf_counter()
        self.out = out = places.SITE_NEXT
        if out.exists():
            shutil.rmtree(out)
        for sub in ("figures", "notebooks", "assets"):
            (out / sub).mkdir(parents=True)
        copy_mathjax(out)
        # Every value a template writes is escaped (a heading's text in <title> too); the articles,
        # HTML made here, are passed in as Markup.
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(places.TEMPLATES)), autoescape=True,
                                      keep_trailing_newline=True)
        self.exporter = HTMLExporter(template_name="dltheory", extra_template_basedirs=[str(places.TEMPLATES)])
        # Markdown cells and HTML/Markdown outputs are sanitized (tools/sanitize.py), and JavaScript
        # outputs are left out: the pages are published, and Chromium runs them to print the PDF.
        self.exporter.sanitize_html = True
        self.exporter.register_filter("clean_html", clean_html)
        self.exporter.exclude_input_prompt = True
        self.exporter.exclude_output_prompt = True
        for asset in ("site.css", "site.js"):
            shutil.copy(places.TEMPLATES / asset, out / "assets" / asset)
        (out / "assets" / "pygments.css").write_text(HtmlFormatter(style="default").get_style_defs(".highlight"),
                                                      encoding="utf-8")
        repo = binder_repo()
        if repo is None:
            print("site: no Binder links (set DLTHEORY_REPO=owner/name of the GitHub repository)", flush=True)
        # Titles and first sentences come from the source notebooks (execution leaves Markdown as
        # it is), so that every page's navigation can list all notebooks before they have run.
        self.entries = []
        for name in names:
            title, promise = title_and_promise(nbformat.read(places.NOTEBOOKS / f"{name}.ipynb", as_version=4))
            shutil.copy(places.NOTEBOOKS / f"{name}.ipynb", out / "notebooks" / f"{name}.ipynb")
            self.entries.append({"name": name, "href": f"{name}.html", "title": title or name, "promise": promise,
                                 "download": f"notebooks/{name}.ipynb",
                                 "binder": repo and f"https://mybinder.org/v2/gh/{repo}/HEAD?labpath=notebooks%2F{name}.ipynb"})
        self.hrefs = {e["name"][:2]: e["href"] for e in self.entries}
        # Sections, equations, figures, tables and exercises numbered by chapter (tools/numbering.py)
        self.book = numbering.Book({name: nbformat.read(places.NOTEBOOKS / f"{name}.ipynb", as_version=4)
                                    for name in names})
        self.names_by_href = {e["href"]: e["name"] for e in self.entries}
        self.steps = BuildSteps(out, pdf)
        # the pages link to the PDF only when it is made (a failed PDF fails the whole build)
        self.common = {"site_title": SITE_TITLE, "mathjax_url": MATHJAX_URL, "mathjax_version": MATHJAX_VERSION,
                       "entries": self.entries, "has_pdf": self.steps.makes_pdf()}
        self.page_template = self.env.get_template("page.html.j2")
        self.docs = {}
        self.seconds = time.perf_counter() - start

    def done(self, name):
        """Notebook `name` has run (its executed copy is written): writes its page."""
        self.steps.start()
        self.page(name)

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
        nb = nbformat.read(places.EXECUTED / f"{name}.ipynb", as_version=4)
        problems = numbering.check_outputs(nb, name, self.book, chart_titles)
        if problems:
            raise numbering.NumberingError(problems)
        drop_widget_views(nb)
        explore_frames.take(nb, name, self.out, places.EXECUTED / f"{name}{explore_frames.ASIDE}")
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
        entry["print_html"] = Markup(for_print(soup, name, self.names_by_href, self.out))
        self.seconds += time.perf_counter() - start

    def finish(self):
        """Writes the print page, the index, the gallery, the search index and the PDF (Chromium
        prints while the rest is written), then puts the new site in place of site/. Returns
        {step: seconds}."""
        from bs4 import BeautifulSoup

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
        write_qa_report(places.QA, places.EXECUTED)
        timings = {"pages": self.seconds + time.perf_counter() - start}
        timings.update(self.steps.finish(docs))
        replace_site(out)
        return timings


    def run_page(self):
        """Writes the bundle to download (tools/site_bundle.py: the notebooks, the library and the
        kernel) and run.html, which says how to run them; returns the page's search document."""
        from bs4 import BeautifulSoup

        bundle = site_bundle.write_bundle(self.out, places.ROOT, [places.NOTEBOOKS / f"{e['name']}.ipynb" for e in self.entries])
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


def replace_site(new):
    """Replaces what site/ holds by what the folder `new` holds, then removes `new`. site/ itself
    stays (it may be a link, a mount, or the folder a local web server serves)."""
    places.SITE.mkdir(exist_ok=True)
    for old in places.SITE.iterdir():
        if old.is_dir() and not old.is_symlink():
            shutil.rmtree(old)
        else:
            old.unlink()
    for item in new.iterdir():
        shutil.move(str(item), str(places.SITE / item.name))
    new.rmdir()
