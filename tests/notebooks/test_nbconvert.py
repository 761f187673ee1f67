"""What a user does to render one notebook: `jupyter nbconvert --to html --execute NOTEBOOK`.

Runs nbconvert (7 with pip's Jupyter, Debian's otherwise) from the Python the set-up chose, with
the project kernel on JUPYTER_PATH, on every notebook: it must exit 0 (nbconvert stops on a cell
error) and write a page titled with the notebook's name, with its charts and its tables. Two
notebooks run at a time, as in bin/site.
"""

import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
AT_A_TIME = 2  # as bin/site: two notebooks share the machine's two cores


def nbconvert(path, out_dir):
    return subprocess.run(
        [sys.executable, "-m", "nbconvert", "--to", "html", "--execute",
         "--ExecutePreprocessor.kernel_name=java", "--ExecutePreprocessor.timeout=300",
         "--output-dir", str(out_dir), str(path)],
        cwd=path.parent, capture_output=True, text=True, timeout=900,
        env={**os.environ, "JUPYTER_PATH": str(ROOT / "target/jupyter/share/jupyter")})


@pytest.fixture(scope="module")
def rendered(request, tmp_path_factory):
    """nbconvert on every selected notebook, two at a time: path -> (result, its output folder)."""
    paths = [item.callspec.params["path"] for item in request.session.items
             if item.module is request.module and hasattr(item, "callspec") and "path" in item.callspec.params]
    dirs = [tmp_path_factory.mktemp(p.stem) for p in paths]
    with ThreadPoolExecutor(max_workers=AT_A_TIME) as pool:
        return dict(zip(paths, zip(pool.map(nbconvert, paths, dirs), dirs)))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_nbconvert_renders_executed_html(path, rendered):
    result, out_dir = rendered[path]
    assert result.returncode == 0, result.stderr[-3000:]
    page = (out_dir / (path.stem + ".html")).read_text()
    assert f"<title>{path.stem}</title>" in page
    if path.stem != "00-introduction":
        assert "data:image/png;base64" in page or "<svg" in page, "no chart in the page"
    assert "<table" in page, "no table in the page"


def test_bin_notebook_html_writes_an_offline_page_under_target():
    """README's single-notebook command, `bin/notebook --html NOTEBOOK`: the page goes to
    target/pages/ (notebooks/ gets no new file, unlike a bare nbconvert run there) and loads MathJax
    from the copy the build unpacks in target/, so its formulas are typeset offline."""
    path = ROOT / "notebooks" / "00-introduction.ipynb"
    before = sorted(p.name for p in path.parent.iterdir())
    page = ROOT / "target" / "pages" / "00-introduction.html"
    page.unlink(missing_ok=True)
    result = subprocess.run([str(ROOT / "bin" / "notebook"), "--html", str(path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    assert sorted(p.name for p in path.parent.iterdir()) == before, "bin/notebook --html wrote into notebooks/"
    html = page.read_text()
    scripts = re.findall(r'<script[^>]*src="([^"]*MathJax\.js[^"]*)"', html)
    assert scripts, "the page loads no MathJax"
    assert all(not s.startswith(("http:", "https:", "//")) for s in scripts), scripts
    assert all((page.parent / s.split("?")[0]).resolve().is_file() for s in scripts), scripts
    assert "<table" in html and "$" in html, "the page lacks the notebook's table or its formulas"
