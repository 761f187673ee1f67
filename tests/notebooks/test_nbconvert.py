"""What a user does to render one notebook: `jupyter nbconvert --to html --execute NOTEBOOK`.

Runs nbconvert (7 with pip's Jupyter, Debian's otherwise) from the Python the set-up chose, with
the project kernel on JUPYTER_PATH, on every notebook: it must exit 0 (nbconvert stops on a cell
error) and write a page titled with the notebook's name, with its charts and its tables.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_nbconvert_renders_executed_html(path, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "nbconvert", "--to", "html", "--execute",
         "--ExecutePreprocessor.kernel_name=java", "--ExecutePreprocessor.timeout=300",
         "--output-dir", str(tmp_path), str(path)],
        cwd=path.parent, capture_output=True, text=True, timeout=900,
        env={**os.environ, "JUPYTER_PATH": str(ROOT / "target/jupyter/share/jupyter")})
    assert result.returncode == 0, result.stderr[-3000:]
    page = (tmp_path / (path.stem + ".html")).read_text()
    assert f"<title>{path.stem}</title>" in page
    if path.stem != "00-introduction":
        assert "data:image/png;base64" in page or "<svg" in page, "no chart in the page"
    assert "<table" in page, "no table in the page"
