"""Runs one notebook twice in one kernel (Run All, then Run All again) and prints, as JSON, the
code cells that showed an error in each run: {"first": [[cell, "Name: message"], ...], "second": [...]}.

    python tests/run_twice.py NOTEBOOK        (JUPYTER_PATH must hold the java kernelspec)

tests/kernel/test_rerun.py runs it for every notebook, two processes at a time, as bin/site does.
"""
import json
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient


def failing_cells(nb):
    """Numbers (from 1) and first error line of the code cells whose outputs hold an error."""
    failed = []
    for number, cell in enumerate(nb.cells, start=1):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                failed.append((number, f"{out.get('ename')}: {out.get('evalue')}"[:200]))
    return failed


def run_twice(path):
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name="java", timeout=180, allow_errors=True,
                            resources={"metadata": {"path": str(path.parent)}})
    runs = {}
    with client.setup_kernel():
        for run in ("first", "second"):
            for index, cell in enumerate(nb.cells):
                client.execute_cell(cell, index)
            runs[run] = failing_cells(nb)
    return runs


if __name__ == "__main__":
    print(json.dumps(run_twice(Path(sys.argv[1]).resolve())))
