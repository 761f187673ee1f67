"""bin/site runs several notebooks in one kernel process (tools/execution.py, KeptKernel): a
notebook run there, after another, has the outputs it has in a new kernel process of its own."""

import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import execution  # noqa: E402
from outputs import merge_streams  # noqa: E402

NOTEBOOKS = ROOT / "notebooks"


def outputs(nb):
    """Each code cell's execution count and outputs (their metadata left out)."""
    merge_streams(nb)
    return [(c.execution_count, [{k: v for k, v in o.items() if k != "metadata"} for o in c.outputs])
            for c in nb.cells if c.cell_type == "code"]


def test_a_notebook_after_another_in_a_kept_kernel_has_the_outputs_of_a_new_kernel():
    first, then = NOTEBOOKS / "04-weight-normalization.ipynb", NOTEBOOKS / "00-introduction.ipynb"
    kept = execution.KeptKernel()
    try:
        execution.run(nbformat.read(first, as_version=4), NOTEBOOKS, first.stem, kept=kept)
        pid = kept.km.provisioner.process.pid
        after = nbformat.read(then, as_version=4)
        execution.run(after, NOTEBOOKS, then.stem, kept=kept)
        assert kept.km.provisioner.process.pid == pid, "the second notebook did not run in the kept kernel"
    finally:
        kept.close()
    alone = nbformat.read(then, as_version=4)
    execution.run(alone, NOTEBOOKS, then.stem)

    assert outputs(after) == outputs(alone)
