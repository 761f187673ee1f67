"""How fast the notebooks' Explore sliders redraw (issue #35): from the change message a front end
sends to the Output widget's update that carries the redrawn figure, for 20 moves per notebook.

Each notebook runs in a kernel of its own (this checkout's kernel spec, cwd notebooks/) up to and
including its Explore cell (the code cell labelled fig-explore); then the first slider of that cell
is moved 20 times between a quarter and three quarters of its range, as JupyterLab sends a drag's
end, and each move waits for its redrawn output. In the same kernel, a baseline interact whose
function returns its argument (no computation, no chart) is moved 20 times the same way: the
ratio explore / baseline is what the notebook's computation and chart cost over the protocol's
own round trip. The target is a median of at most 250 ms per notebook on this 2-core machine.

    bench/widgets/run [notebooks...]    (default: every notebook with an Explore cell)
"""
import statistics
import sys
import time
from pathlib import Path

import nbformat
from jupyter_client import KernelManager

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
from common import stamp  # noqa: E402

MOVES = 20
TARGET_MS = 250
WAIT_S = 120
SLIDERS = ("FloatSliderModel", "FloatLogSliderModel", "IntSliderModel")


def explore_cell(nb):
    """The index of the notebook's Explore cell (figure label fig-explore), or None."""
    for i, cell in enumerate(nb.cells):
        figure = cell.get("metadata", {}).get("dltheory", {}).get("figure", {})
        if cell.cell_type == "code" and isinstance(figure, dict) and figure.get("label") == "fig-explore":
            return i
    return None


class Session:
    """A kernel started in notebooks/ with a blocking client."""

    def __init__(self, cwd):
        self.km = KernelManager(kernel_name="java")
        self.km.start_kernel(cwd=str(cwd))
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=WAIT_S)

    def run(self, code):
        """Runs a cell; returns every IOPub message up to its idle (comm_opens included)."""
        msg_id = self.kc.execute(code)
        seen = []
        deadline = time.monotonic() + WAIT_S
        while True:
            m = self.kc.get_iopub_msg(timeout=max(0.1, deadline - time.monotonic()))
            seen.append(m)
            if m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "error":
                raise RuntimeError(f"cell failed: {m['content']['ename']}: {m['content']['evalue']}")
            if (m["msg_type"] == "status" and m["parent_header"].get("msg_id") == msg_id
                    and m["content"]["execution_state"] == "idle"):
                return seen

    def move(self, comm_id, out_id, value):
        """Sends the slider's new value; returns the ms until the output's redrawn contents arrive."""
        msg = self.kc.session.msg("comm_msg", {"comm_id": comm_id, "data": {
            "method": "update", "state": {"value": value}, "buffer_paths": []}})
        start = time.monotonic()
        self.kc.shell_channel.send(msg)
        deadline = start + WAIT_S
        while True:
            m = self.kc.get_iopub_msg(timeout=max(0.1, deadline - time.monotonic()))
            data = m["content"].get("data", {}) if m["msg_type"] == "comm_msg" else {}
            if (m["content"].get("comm_id") == out_id and data.get("method") == "update"
                    and data.get("state", {}).get("outputs")):
                return (time.monotonic() - start) * 1000

    def stop(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)


def widgets(seen):
    """(the first slider's comm id and state, the Output widget's comm id) opened in `seen`."""
    opens = [m for m in seen if m["msg_type"] == "comm_open"]
    slider = next(m for m in opens if m["content"]["data"]["state"]["_model_name"] in SLIDERS)
    out = next(m for m in opens if m["content"]["data"]["state"]["_model_name"] == "OutputModel")
    return slider["content"]["comm_id"], slider["content"]["data"]["state"], out["content"]["comm_id"]


def values(state):
    """MOVES values alternating between a quarter and three quarters of the slider's range."""
    lo, hi = state["min"], state["max"]
    picks = []
    for i in range(MOVES):
        x = lo + (hi - lo) * (0.25 if i % 2 == 0 else 0.75)
        if state["_model_name"] == "FloatLogSliderModel":
            x = state.get("base", 10) ** x  # min and max are exponents, the value is not
        elif state["_model_name"] == "IntSliderModel":
            x = int(round(x))
        picks.append(x)
    return picks


def moves(session, comm_id, state, out_id):
    return [session.move(comm_id, out_id, v) for v in values(state)]


def bench(path):
    nb = nbformat.read(path, as_version=4)
    last = explore_cell(nb)
    if last is None:
        return None
    session = Session(path.parent)
    try:
        seen = []
        for cell in nb.cells[:last + 1]:
            if cell.cell_type == "code":
                seen = session.run(cell.source)
        explore = moves(session, *widgets(seen))
        seen = session.run('var benchSlider = slider("bench", 0.0, 1.0, 0.05, 0.5);\n'
                           "interact(benchSlider, x -> x)")
        baseline = moves(session, *widgets(seen))
    finally:
        session.stop()
    return explore, baseline


def main(argv):
    paths = [Path(a).resolve() for a in argv] or sorted((ROOT / "notebooks").glob("0*.ipynb"))
    stamp("explore sliders")
    print(f"{'notebook':<28} {'median ms':>9} {'worst ms':>9} {'baseline':>9} {'ratio':>6}  target ≤ {TARGET_MS} ms")
    missed = 0
    for path in paths:
        result = bench(path)
        if result is None:
            continue
        explore, baseline = result
        med, base = statistics.median(explore), statistics.median(baseline)
        ok = med <= TARGET_MS
        missed += not ok
        print(f"{path.stem:<28} {med:9.0f} {max(explore):9.0f} {base:9.0f} {med / base:6.1f}  {'ok' if ok else 'MISSED'}",
              flush=True)
    stamp("done")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
