"""The steps of the site that need Node (tools/site/build.js): the PDF and the search index."""

import json
import shutil
import subprocess
import time

import places

SITE_TOOLS = places.ROOT / "tools" / "site"
NO_BUILD_STEPS = places.ROOT / "target" / "site" / "NO-BUILD-STEPS"


class BuildSteps:
    """The steps that need Node: the PDF and the search index (tools/site/build.js).

    The PDF's Node process (`build.js serve`: Playwright and Chromium, about 1 s to start) can be
    started early, with `start()`, when the first notebook is done and the others still run; `print_pdf()`
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
        docs_file = places.ROOT / "target" / "site" / "search-docs.json"
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
            print(f"site: {line.replace(str(self.out), str(places.SITE))}", flush=True)
