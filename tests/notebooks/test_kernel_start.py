"""A notebook run survives a kernel that dies before its first cell (tools/notebooks.py run()).

jupyter_client chooses a kernel's ports by binding to port 0 and releasing them; a kernel started
beside others (the seed sweep and bin/site run two at a time) can find one taken in between and
exit at once with "Address already in use". The run then starts a new kernel, with new ports, up
to three times, and a kernel that never starts is reported in one line naming the notebook.

The "java" kernel here is a wrapper around the project kernel that exits, as the real one does
on a taken port, for its first N starts.
"""

import json
import sys
from pathlib import Path

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import notebooks as runner  # noqa: E402

WRAPPER = """
import os, sys
from pathlib import Path
count = Path(sys.argv[1])
starts = int(count.read_text()) + 1 if count.exists() else 1
count.write_text(str(starts))
if starts <= {failures}:
    sys.stderr.write("org.zeromq.ZMQException: Errno 48 : Address already in use\\n")
    sys.exit(1)
argv = [a.replace("{{connection_file}}", sys.argv[2]) for a in {argv!r}]
os.execv(argv[0], argv)
"""


def flaky_kernel(tmp_path, monkeypatch, failures):
    """Installs, on a JUPYTER_PATH of its own, a "java" kernel whose first `failures` starts die;
    returns the file that counts the starts."""
    real = KernelSpecManager().get_kernel_spec("java")
    share = tmp_path / "share"
    spec_dir = share / "kernels" / "java"
    spec_dir.mkdir(parents=True)
    script, count = tmp_path / "flaky.py", tmp_path / "starts"
    script.write_text(WRAPPER.format(failures=failures, argv=real.argv), encoding="utf-8")
    spec = {"argv": [sys.executable, str(script), str(count), "{connection_file}"],
            "display_name": "Java", "language": "java", "env": real.env,
            "interrupt_mode": real.interrupt_mode}
    (spec_dir / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(share))
    return count


def one_cell_notebook():
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "java", "display_name": "Java", "language": "java"}
    nb.cells = [nbformat.v4.new_code_cell("1 + 1")]
    return nb


def test_a_kernel_that_dies_at_its_first_start_is_started_again(tmp_path, monkeypatch):
    count = flaky_kernel(tmp_path, monkeypatch, failures=1)
    nb = one_cell_notebook()

    runner.run(nb, tmp_path, "tiny")

    assert count.read_text() == "2"
    assert nb.cells[0].outputs[0]["data"]["text/plain"] == "2"


def test_a_kernel_that_never_starts_is_reported_in_one_line(tmp_path, monkeypatch):
    count = flaky_kernel(tmp_path, monkeypatch, failures=runner.KERNEL_STARTS)

    with pytest.raises(runner.NotebookFailed) as failed:
        runner.run(one_cell_notebook(), tmp_path, "tiny")

    assert count.read_text() == str(runner.KERNEL_STARTS)
    message = str(failed.value)
    assert message.startswith(f"tiny: the kernel did not start ({runner.KERNEL_STARTS} tries): ")
    assert "\n" not in message and failed.value.cell is None
