"""The site's download (issue 34, tools/site_bundle.py): unzipped anywhere, its notebooks run with
the kernel it carries. The bundle is written as bin/site writes it, unzipped into a temporary
folder, its kernel installed there (`install --prefix`, as its README says), and the introduction
executed from the unzipped notebooks/ folder: its `%jars ../lib/target/dltheory-lib.jar` must find
the bundle's library, since nothing else is on that path."""

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import notebooks as runner  # noqa: E402
import site_bundle  # noqa: E402

NOTEBOOK = "00-introduction.ipynb"


def test_the_downloaded_notebooks_run_from_the_unzipped_folder(tmp_path, monkeypatch):
    notebooks = runner.all_notebooks()
    bundle = site_bundle.write_bundle(tmp_path, ROOT, notebooks)
    with zipfile.ZipFile(bundle) as z:
        names = set(z.namelist())
        z.extractall(tmp_path / "unzipped")
    top = tmp_path / "unzipped" / site_bundle.NAME
    assert {f"{site_bundle.NAME}/notebooks/{p.name}" for p in notebooks} <= names
    assert f"{site_bundle.NAME}/lib/target/dltheory-lib.jar" in names and f"{site_bundle.NAME}/README.md" in names
    for p in notebooks:  # the notebooks as stored, without outputs
        assert (top / "notebooks" / p.name).read_bytes() == p.read_bytes(), p.name
    readme = (top / "README.md").read_text()
    assert "java -jar kernel/dltheory-kernel.jar install --prefix .venv" in readme
    assert "jupyter lab notebooks/" in readme

    # the kernel from the bundle, installed as its README says (into this folder, not for the user)
    prefix = tmp_path / "unzipped" / "prefix"
    subprocess.run(["java", "-jar", str(top / "kernel" / "dltheory-kernel.jar"), "install", "--prefix", str(prefix),
                    "--no-cds"], check=True, capture_output=True, text=True, timeout=120)
    kernels = prefix / "share" / "jupyter" / "kernels"
    spec = json.loads((kernels / "java" / "kernel.json").read_text())
    assert str(kernels / "java" / "dltheory-kernel.jar") in spec["argv"], spec["argv"]  # a copy of the bundle's
    monkeypatch.setenv("JUPYTER_PATH", str(prefix / "share" / "jupyter"))

    nb = nbformat.read(top / "notebooks" / NOTEBOOK, as_version=4)
    runner.run(nb, top / "notebooks", NOTEBOOK)  # raises NotebookFailed naming the cell
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert outputs and not [o for o in outputs if o.get("output_type") == "error"]
    assert any("image/svg+xml" in o.get("data", {}) or "image/png" in o.get("data", {}) for o in outputs), \
        "no chart drawn: the library's renderers were not loaded"


def test_the_bundle_names_a_missing_jar(tmp_path):
    root = tmp_path / "repo"
    (root / "lib" / "target").mkdir(parents=True)
    try:
        site_bundle.write_bundle(tmp_path, root, [])
    except FileNotFoundError as e:
        assert "dltheory-lib.jar" in str(e)
    else:
        raise AssertionError("a bundle without the library was written")
