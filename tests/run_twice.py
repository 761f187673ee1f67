"""Every notebook run twice in one kernel (Run All, then Run All again), as a student does.

    python tests/run_twice.py NOTEBOOK      (JUPYTER_PATH must hold the java kernelspec)

prints, as JSON, per run ("first", "second"): the code cells that showed an error
([[cell, "Name: message"], ...]) and the text each code cell printed or returned.

The tests import this module and call `runs(paths)`: each notebook runs in a process of its
own, two at a time (as bin/site runs them: one notebook's JShell compiles on one core), once
per test session; tests/kernel/test_rerun.py reads the errors, tests/notebooks/test_notebooks.py
the printed text.
"""
import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

AT_A_TIME = 2
TIMING = re.compile(r"(Wall time|CPU times|\btook\b.*\d|\belapsed\b.*\d)", re.IGNORECASE)
_DONE = {}


def failing_cells(nb):
    """Numbers (from 1) and first error line of the code cells whose outputs hold an error."""
    failed = []
    for number, cell in enumerate(nb.cells, start=1):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                failed.append((number, f"{out.get('ename')}: {out.get('evalue')}"[:200]))
    return failed


def text_outputs(nb):
    """Per code cell, the text it printed or returned, timing lines left out."""
    texts = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        parts = []
        for out in cell.get("outputs", []):
            if out.output_type == "stream":
                parts.append(out.text)
            elif out.output_type in ("execute_result", "display_data"):
                parts.append(out.get("data", {}).get("text/plain", ""))
            elif out.output_type == "error":
                parts.append(f"{out.ename}: {out.evalue}")
        lines = "".join(parts).splitlines()
        texts.append("\n".join(l for l in lines if not TIMING.search(l)))
    return texts


def run_twice(path):
    """Runs the notebook at `path` twice in one kernel: {"first"|"second": {"errors", "text"}}."""
    import nbformat
    from nbclient import NotebookClient
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name="java", timeout=180, allow_errors=True,
                            resources={"metadata": {"path": str(path.parent)}})
    result = {}
    with client.setup_kernel():
        for run in ("first", "second"):
            for index, cell in enumerate(nb.cells):
                client.execute_cell(cell, index)
            result[run] = {"errors": failing_cells(nb), "text": text_outputs(nb)}
    return result


def _in_a_process(path):
    done = subprocess.run([sys.executable, __file__, str(path)], capture_output=True, text=True,
                          timeout=900, env=os.environ.copy())
    if done.returncode != 0:
        return {"crashed": done.stderr[-3000:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def runs(paths):
    """{path: run_twice(path)} for `paths`, each notebook run once per session, two at a time."""
    todo = [p for p in paths if Path(p).name not in _DONE]
    with ThreadPoolExecutor(max_workers=AT_A_TIME) as pool:
        for p, result in zip(todo, pool.map(_in_a_process, todo)):
            _DONE[Path(p).name] = result
    return {p: _DONE[Path(p).name] for p in paths}


def selected_paths(request):
    """The `path` parameters of the tests of the requesting module that pytest selected."""
    return [item.callspec.params["path"] for item in request.session.items
            if item.module is request.module and hasattr(item, "callspec") and "path" in item.callspec.params]


if __name__ == "__main__":
    print(json.dumps(run_twice(Path(sys.argv[1]).resolve())))
