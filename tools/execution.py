"""One notebook run with the project kernel: started in the notebook's own folder, its first error
reported in one line (NotebookFailed), its executed copy written to target/executed/ with the
printed streams joined. tools/scheduling.py runs several at a time; tools/seeds.py runs copies
with other seeds through `run`.
"""

import atexit
import multiprocessing.util
import os
import subprocess
import sys
import time
from pathlib import Path
from queue import Empty

import nbformat
from jupyter_client.blocking import BlockingKernelClient
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

import explore_frames
import places
from outputs import first_error, merge_streams

CELL_TIMEOUT = 120
# How many times a kernel is started before a notebook run gives up (see run()).
KERNEL_STARTS = 3
# The kernels of a batch run skip the library's rendering warm-up (a throw-away table and chart
# drawn in the background to make a person's first chart come sooner): here nobody waits, and with
# every core running a kernel it only adds work (about 3 CPU-s over the seven notebooks).
BATCH_ENV = {"DLTHEORY_WARM_UP": "off"}
# The jars a site kernel runs: the Explore frames set aside are kept while these and the notebook
# are unchanged (explore_frames.inputs_key).
FRAME_JARS = (places.ROOT / "lib" / "target" / "dltheory-lib.jar",
              places.ROOT / "kernel" / "target" / "dltheory-kernel.jar")


class NotebookFailed(Exception):
    """A notebook stopped on an error: which notebook, which cell, what error. `cell` is the
    failing cell's number counted from 1 (None when unknown), `error` the error's first line."""

    def __init__(self, message, cell=None, error=None):
        super().__init__(message)
        self.cell = cell
        self.error = error


def all_notebooks():
    return sorted(places.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))


def read_notebook(path):
    """The notebook at `path`; NotebookFailed naming it when it is not a notebook (broken JSON, a
    structure nbformat rejects)."""
    try:
        return nbformat.read(path, as_version=4)
    except Exception as e:  # nbformat raises NotJSONError, ValidationError, KeyError, ...
        reason = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise NotebookFailed(f"{Path(path).name} is not a readable notebook: {reason[:200]}") from None


class KeptKernel:
    """One kernel process that runs notebook after notebook: each worker of a site build keeps
    one. Before each notebook but the first, the kernel is sent `dltheory_reset_request` (the
    project kernel's own request, KernelProcess.RESET_REQUEST): it replaces JShell, the cells'
    class loader (so every class of `%jars` and its static fields), the kernel's renderers and
    magics, the comms, the history and the execution count with new ones, as a new process has
    them, and keeps what the JVM has compiled. javac and the JDK's code then run compiled from the
    second notebook on: the seven notebooks took about half the kernel CPU-seconds of seven new
    processes (bench/site/README.md), with the same outputs but the widgets' random model ids.

    A kernel is kept only for notebooks with the same folder and environment (the Explore frames
    are switched on or off by the environment); another gets a new process, and so does the
    notebook after a failed one. nbclient starts the kernel (with cleanup_kc=False) and runs every
    notebook with an asynchronous client of its own; the reset goes through a blocking client."""

    def __init__(self):
        self.km = None
        self.key = None
        # at the worker's exit (ProcessPoolExecutor's workers run multiprocessing's finalizers)
        multiprocessing.util.Finalize(None, self.close, exitpriority=10)

    @staticmethod
    def _key(folder, env):
        return str(folder), sorted(env.items())

    def execute(self, client, folder, env, **kernel):
        """Runs nbclient's `client` in the kept kernel, after a reset, when the kernel is alive and
        was started in `folder` with `env`; else in a new kernel process, which is kept."""
        if self.km is not None and self.fits(folder, env):
            try:
                self.reset()
            except RuntimeError as e:
                print(f"kernel: {e}; starting a new one", file=sys.stderr, flush=True)
                self.close()
        elif self.km is not None:
            self.close()
        if self.km is not None:
            client.km, client.owns_km = self.km, False
            client.execute()
        else:
            client.km = self.km = client.create_kernel_manager()
            self.key = self._key(folder, env)
            client.execute(env=env, cleanup_kc=False, **kernel)
        client.kc.stop_channels()

    def _process(self):
        """The kept kernel's process (a Popen), or None."""
        return getattr(self.km and self.km.provisioner, "process", None)

    def fits(self, folder, env):
        """Whether the kept kernel is alive and was started for `folder` and `env`."""
        process = self._process()
        return process is not None and process.poll() is None and self.key == self._key(folder, env)

    def _client(self):
        """A blocking client of the kept kernel, its shell and control channels started."""
        kc = BlockingKernelClient()
        kc.load_connection_info(self.km.get_connection_info())
        kc.start_channels(shell=True, iopub=False, stdin=False, hb=False, control=True)
        return kc

    def reset(self):
        """Has the kernel start a new notebook; RuntimeError when it does not answer so."""
        kc = self._client()
        try:
            request = kc.session.msg("dltheory_reset_request", {})
            kc.shell_channel.send(request)
            deadline = time.monotonic() + 30
            while True:
                try:
                    reply = kc.get_shell_msg(timeout=max(0.1, deadline - time.monotonic()))
                except Empty:
                    raise RuntimeError("the kernel did not answer dltheory_reset_request within 30 s") from None
                if reply["parent_header"].get("msg_id") == request["header"]["msg_id"]:
                    break
        finally:
            kc.stop_channels()
        if reply["msg_type"] != "dltheory_reset_reply" or reply["content"].get("status") != "ok":
            raise RuntimeError(f"the kernel did not start a new notebook: {reply['msg_type']} {reply['content']}")

    def close(self):
        """Shuts the kernel down (the next notebook starts a new one): it answers shutdown_request
        by exiting, and one that does not is killed."""
        process = self._process()
        if process is not None and process.poll() is None:
            kc = self._client()
            kc.shutdown()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            kc.stop_channels()
        if process is not None:
            self.km.cleanup_connection_file()
        self.km = self.key = None


def run(nb, folder, name, kept=None, **kernel):
    """Executes the notebook node `nb` in place, in a fresh kernel whose working folder is
    `folder` (where `%jars ../lib/...` resolves); returns the seconds it took. Raises
    NotebookFailed naming `name`, the cell and the error. tools/seeds.py runs its copies with
    other seeds through this too. `kernel`: more arguments for the kernel's process (stderr=…).
    `kept`: a KeptKernel, whose process runs the notebook with a new notebook state instead."""
    started = {}
    extra_env = kernel.pop("extra_env", {})
    env = {**os.environ, **BATCH_ENV, **extra_env}
    start = time.perf_counter()
    try:
        for attempt in range(1, KERNEL_STARTS + 1):
            client = NotebookClient(nb, kernel_name="java", timeout=CELL_TIMEOUT, allow_errors=False,
                                    resources={"metadata": {"path": str(folder)}},
                                    on_cell_start=lambda cell, cell_index, **_: started.update(index=cell_index))
            try:
                if kept is not None:
                    kept.execute(client, folder, env, **kernel)
                else:
                    client.execute(env=env, **kernel)
                break
            except (CellExecutionError, CellTimeoutError, DeadKernelError):
                raise
            except RuntimeError as e:
                # nbclient has cleaned up the failed start but left its exit hook, which would
                # fail at exit on the client it already cleared
                atexit.unregister(client._cleanup_kernel)
                if kept is not None:
                    kept.close()
                # The kernel died or was silent before its first cell. jupyter_client picks the
                # kernel's ports by binding to port 0 and releasing them, so a kernel started beside
                # others (tools/seeds.py, bin/site run two at a time) can find a port taken in between
                # and exit with "Address already in use". A new start gets new ports, as
                # jupyter_client's own restarter does (random_ports_until_alive).
                if "index" in started or attempt == KERNEL_STARTS:
                    reason = (str(e).strip().splitlines() or [type(e).__name__])[-1]
                    raise NotebookFailed(f"{name}: the kernel did not start ({attempt} tries): {reason}",
                                         error=f"{type(e).__name__}: {reason}") from None
                print(f"{name}: the kernel did not start ({e}); starting a new one", file=sys.stderr, flush=True)
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as e:
        if kept is not None:
            kept.close()
        found = first_error(nb)
        running = started["index"] + 1 if "index" in started else None
        if isinstance(e, CellTimeoutError):
            # nbclient interrupts the kernel, so the cell's error output is the interrupt's
            number = found[0] if found else running
            error = f"timed out after {CELL_TIMEOUT} s (it was interrupted)"
        elif found:
            number, out = found
            error = f"{out.get('ename')}: {out.get('evalue')}"
        else:  # a dead kernel: the cell that was running, if one was
            number = running
            error = f"{type(e).__name__}: {str(e).strip().splitlines()[-1] if str(e).strip() else ''}"
        where = f"cell {number}" if number is not None else "a cell"
        message = f"{where} {error}" if isinstance(e, CellTimeoutError) else \
            (f"{where}: {error}" if number is not None else error)
        first_line = (error.strip().splitlines() or [""])[0]
        raise NotebookFailed(f"{name}: {message}", cell=number, error=first_line) from None
    return time.perf_counter() - start


# The kernel a process keeps between the notebooks it runs (execute(path, keep=True)).
_KEPT = None


def execute(path, keep=False):
    """Execute one notebook in its own folder; returns (name, seconds). Raises NotebookFailed.
    keep=True: in this process's KeptKernel (bin/site's workers), not in a new kernel process."""
    global _KEPT
    if keep and _KEPT is None:
        _KEPT = KeptKernel()
    path = Path(path).resolve()
    nb = read_notebook(path)
    aside = places.EXECUTED / f"{path.stem}{explore_frames.ASIDE}"
    # The Explore frames (about a second of a kernel's CPU per notebook) are drawn again only when
    # the notebook or a jar changed since they were set aside.
    key = explore_frames.inputs_key(path, FRAME_JARS)
    fresh = not explore_frames.kept(aside, key)
    seconds = run(nb, path.parent, path.stem, kept=_KEPT if keep else None,
                  extra_env=explore_frames.ENV if fresh else explore_frames.OFF_ENV)
    places.EXECUTED.mkdir(parents=True, exist_ok=True)
    merge_streams(nb)
    if fresh:
        explore_frames.set_aside(nb, aside)
        explore_frames.remember(aside, key)
    nbformat.write(nb, places.EXECUTED / path.name)
    return path.stem, seconds
