"""Execute the notebooks with the project kernel and render the static site.

    notebooks.py execute [NOTEBOOK ...]   execute (default: every notebooks/*.ipynb), report errors
    notebooks.py site                      execute every notebook, then write site/

Executed copies go to target/executed/<name>.ipynb (the tests compare a second execution with
them). The kernel is the one named `java` on JUPYTER_PATH; bin/site and bin/test point that at
target/jupyter, where environment/setup.sh installs this checkout's kernel.
"""

import argparse
import base64
import concurrent.futures
import html
import os
import re
import shutil
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


def render_site(names):
    from nbconvert import HTMLExporter

    SITE.mkdir(parents=True, exist_ok=True)
    copy_mathjax(SITE)
    exporter = HTMLExporter(template_name="dltheory", extra_template_basedirs=[str(TEMPLATES)])
    exporter.mathjax_url = MATHJAX_URL
    exporter.register_filter("base64_text", lambda text: base64.b64encode(text.encode("utf-8")).decode("ascii"))
    entries = []
    for name in names:
        nb = nbformat.read(EXECUTED / f"{name}.ipynb", as_version=4)
        title, promise = title_and_promise(nb)
        entries.append({"name": name, "href": f"{name}.html", "title": title or name, "promise": promise, "nb": nb})
    for i, entry in enumerate(entries):
        nav = {"index": "index.html",
               "prev": entries[i - 1] if i > 0 else None,
               "next": entries[i + 1] if i + 1 < len(entries) else None}
        resources = {"metadata": {"name": entry["title"]}, "nav": nav}
        body, _ = exporter.from_notebook_node(entry["nb"], resources=resources)
        (SITE / entry["href"]).write_text(body, encoding="utf-8")
    (SITE / "index.html").write_text(index_page(entries), encoding="utf-8")
    write_gallery(SITE, EXECUTED)


def index_page(entries):
    items = "\n".join(
        f'    <li><a href="{html.escape(e["href"])}">{html.escape(e["title"])}</a>'
        f'<p>{html.escape(e["promise"])}</p></li>' for e in entries)
    template = (TEMPLATES / "site-index.html").read_text(encoding="utf-8")
    return template.replace("{{ITEMS}}", items).replace("{{MATHJAX_URL}}", MATHJAX_URL)


# --- entry point ------------------------------------------------------------------------------

def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("execute", help="execute notebooks and report errors")
    ex.add_argument("notebooks", nargs="*", type=Path)
    ex.add_argument("--jobs", type=int, default=2)
    st = sub.add_parser("site", help="execute every notebook and render site/")
    st.add_argument("--jobs", type=int, default=2)
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
    try:
        timings = execute_all(paths, args.jobs)
    except NotebookFailed as e:
        print(f"notebook failed: {e}", file=sys.stderr)
        return 1
    executed = time.perf_counter() - start
    if args.command == "execute":
        print(f"{len(paths)} notebook(s) executed without error in {executed:.1f} s")
        return 0

    render_start = time.perf_counter()
    render_site([p.stem for p in paths])
    rendered = time.perf_counter() - render_start
    print(f"{len(paths)} notebooks executed in {executed:.1f} s and rendered in {rendered:.1f} s "
          f"(total {executed + rendered:.1f} s) → {os.path.relpath(SITE / 'index.html')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
