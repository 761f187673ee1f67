"""The browser that prints the PDF (tools/site/build.js, headless Chromium run with --no-sandbox)
loads only the site's own files: a script the page names outside the site folder (or on the web)
is refused, while the site's own script runs. The page stands in for MathJax (build.js waits for
it) with an inline stub, so the test needs no MathJax."""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "tools" / "site" / "build.js"

MATHJAX_STUB = "<script>window.MathJax = {isReady: true, Hub: {Queue: function (f) { f(); }}};</script>"


def pdf_text(tmp_path, script_src):
    site = tmp_path / "site"
    site.mkdir()
    (site / "own.js").write_text("document.getElementById('own').textContent = 'OWN SCRIPT RAN';")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "evil.js").write_text("document.getElementById('evil').textContent = 'OUTSIDE SCRIPT RAN';")
    page = site / "print.html"
    page.write_text(f"<!DOCTYPE html><html><head>{MATHJAX_STUB}</head><body><p>The page text.</p>"
                    f"<p id='own'>own script did not run</p><p id='evil'>no outside script</p>"
                    f"<script src='{script_src(outside)}'></script><script src='own.js'></script></body></html>")
    out = site / "out.pdf"
    result = subprocess.run(["node", str(BUILD), "pdf", str(page), str(out)], capture_output=True, text=True,
                            timeout=180)
    assert result.returncode == 0, result.stderr
    return subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout


needs_tools = pytest.mark.skipif(
    not (ROOT / "tools" / "site" / "node_modules" / "playwright-core").is_dir() or not shutil.which("pdftotext"),
    reason="environment/site.sh has not installed playwright-core and poppler-utils")


@needs_tools
@pytest.mark.parametrize("where", ["a file outside the site", "the web"])
def test_the_pdf_browser_runs_only_the_sites_own_scripts(tmp_path, where):
    src = (lambda outside: (outside / "evil.js").as_uri()) if where != "the web" else (
        lambda outside: "https://example.org/evil.js")
    text = pdf_text(tmp_path, src)
    assert "The page text." in text
    assert "OWN SCRIPT RAN" in text, "the site's own script did not run (the test would prove nothing)"
    assert "OUTSIDE SCRIPT RAN" not in text and "no outside script" in text, text


@needs_tools
def test_a_script_inside_the_site_folder_runs(tmp_path):
    """The control: the same script, copied into the site folder, runs (so the refusal above is the
    route's doing, not a script that fails to load for another reason)."""
    def inside(outside):
        shutil.copy(outside / "evil.js", outside.parent / "site" / "evil.js")
        return "evil.js"
    text = pdf_text(tmp_path, inside)
    assert "OUTSIDE SCRIPT RAN" in text, text
