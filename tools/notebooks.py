"""Execute the notebooks with the project kernel and render the static site.

    notebooks.py execute [NOTEBOOK ...]   execute (default: every notebooks/*.ipynb), report errors
    notebooks.py site [--no-pdf]           execute every notebook, then write site/ (and its PDF)
    notebooks.py render [--no-pdf]         write site/ from the executed copies (no execution)

Executed copies go to target/executed/<name>.ipynb (the tests compare a second execution with
them). The kernel is the one named `java` on JUPYTER_PATH; bin/site and bin/test point that at
target/jupyter, where environment/setup.sh installs this checkout's kernel.

This file is the command line; the work is done by one module per idea:
    places.py       the folders read and written (tests point them at temporary folders)
    execution.py    one notebook run in a fresh kernel (or a kept one, reset), its first error, its executed copy
    scheduling.py   notebooks run `jobs` at a time, a progress line each
    outputs.py      an executed notebook's outputs: streams joined, chart images, widget views
    figures.py      the charts and tables of a page, numbered, written to figures/
    page_html.py    changes to a rendered page's HTML (links, sections, claims, print version)
    site_writer.py  the pages, index, claims, references and bundle, put in place of site/
    build_steps.py  the search index and the PDF (Node)
The names other tools and the tests use are imported here too (runner.run, runner.NotebookFailed …).
"""

import argparse
import os
import sys
import time
from pathlib import Path

import numbering
import places
from execution import (BATCH_ENV, CELL_TIMEOUT, KERNEL_STARTS, NotebookFailed,  # noqa: F401
                       all_notebooks, execute, read_notebook, run)
from figures import add_figures, chart_titles  # noqa: F401
from outputs import drop_widget_views, first_error, joined, merge_streams  # noqa: F401
from places import EXECUTED, NOTEBOOKS, QA, ROOT, SITE, SITE_NEXT  # noqa: F401 (read them as places.X)
from scheduling import execute_all
from site_search import search_docs  # noqa: F401
from site_writer import SiteWriter


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
        absent = [p.name for p in paths if not (places.EXECUTED / p.name).is_file()]
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
                site = SiteWriter(names, pdf=args.pdf)
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
    done = f"{os.path.relpath(places.SITE / 'index.html')}" + (
        f", {os.path.relpath(places.SITE / 'dltheory.pdf')}" if (places.SITE / "dltheory.pdf").is_file() and args.pdf else "")
    if executed is None:
        print(f"{len(paths)} notebooks rendered in {time.perf_counter() - start:.1f} s ({detail}) → {done}")
    else:
        print(f"{len(paths)} notebooks executed in {executed:.1f} s (each page written as its notebook finished) "
              f"and the rest done in {rest:.1f} s ({detail}) (total {executed + rest:.1f} s) → {done}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
