#!/usr/bin/python3
"""Benchmark of the Java kernel against Debian's IPython kernel, measured in the same run.

Not a test: it prints medians of several runs and their ratios to IPython's.

    java -jar kernel/target/dltheory-kernel.jar install --prefix target/jupyter
    JUPYTER_PATH=$PWD/target/jupyter/share/jupyter /usr/bin/python3 bench/kernel/bench_kernel.py

Metrics (each the median of --runs runs, fresh kernel per run for the start-up ones; the kernels are
run in turn within each run, so a drift of the machine's speed hits both alike):
  launch -> kernel_info_reply; launch -> first `1+1` result; warm trivial-cell round trip
  (median of 100 cells after 20 warm-up cells); and a long session (--cells, default 10000):
  round trip over the first and the last 100 cells (edited and identical redeclarations mixed
  in), errors, heap used after GC at the end.

The first-result and warm rows also show the floor under the Java kernel: bare JShell in a plain
program (JShellFloor.java: same JDK, JVM options, default imports and kind of start-up archive as the
installed kernel, but no sockets or protocol), launch -> value of `1+1`, and the median time of one
`1+1` evaluation at the same point of the session.
"""
import argparse
import json
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager


def ipython_kernels_dir():
    d = Path(tempfile.mkdtemp(prefix="bench-ipy-")) / "python3"
    d.mkdir()
    (d / "kernel.json").write_text(json.dumps({
        "argv": ["/usr/bin/python3", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "IPython (Debian)", "language": "python"}))
    return str(d.parent)


class Kernel:
    def __init__(self, name, kernels_dir=None):
        ksm = KernelSpecManager(kernel_dirs=[kernels_dir]) if kernels_dir else KernelSpecManager()
        self.km = KernelManager(kernel_name=name, kernel_spec_manager=ksm)

    def start(self):
        self.t0 = time.perf_counter()
        self.km.start_kernel()
        self.kc = self.km.client()
        self.kc.start_channels()

    def reply(self, msg_id, timeout=120):
        while True:
            m = self.kc.get_shell_msg(timeout=timeout)
            if m["parent_header"].get("msg_id") == msg_id:
                return m

    def run(self, code, timeout=120):
        """Executes a cell and waits for its reply and idle status; returns (seconds, reply)."""
        t = time.perf_counter()
        msg_id = self.kc.execute(code)
        reply = self.reply(msg_id, timeout)
        while True:
            m = self.kc.get_iopub_msg(timeout=timeout)
            if (m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "status"
                    and m["content"]["execution_state"] == "idle"):
                break
        return time.perf_counter() - t, reply

    def stop(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)


def launch_to_kernel_info(name, kdir):
    k = Kernel(name, kdir)
    k.start()
    k.reply(k.kc.kernel_info())
    dt = time.perf_counter() - k.t0
    k.stop()
    return dt


def launch_to_first_result(name, kdir):
    k = Kernel(name, kdir)
    k.start()
    msg_id = k.kc.execute("1+1")
    k.reply(msg_id)
    dt = time.perf_counter() - k.t0
    k.stop()
    return dt


def warm_round_trip(name, kdir, cells=100):
    k = Kernel(name, kdir)
    k.start()
    k.kc.wait_for_ready(timeout=120)
    for _ in range(20):
        k.run("1+1")
    times = [k.run("1+1")[0] for _ in range(cells)]
    k.stop()
    return statistics.median(times)


def session_cell(i):
    """Cell i of the long session: edited and identical (re-run) redeclarations, expressions."""
    if i % 4 == 1:
        return f"int v{i % 50} = {i};\n v{i % 50} + 1"
    if i % 4 == 3:
        return "int same = 7;\nint twice(int x) { return 2 * x; }\ntwice(same)"
    return "1+1"


def long_session(kdir, cells):
    k = Kernel("java", kdir)
    k.start()
    k.kc.wait_for_ready(timeout=120)
    times, errors = [], 0
    for i in range(cells):
        dt, reply = k.run(session_cell(i))
        times.append(dt)
        errors += reply["content"]["status"] != "ok"
    _, reply = k.run("System.gc(); System.gc();")
    msg_id = k.kc.execute("Runtime rt = Runtime.getRuntime();\n(rt.totalMemory() - rt.freeMemory()) / (1024 * 1024)")
    heap_mb = None
    while True:
        m = k.kc.get_iopub_msg(timeout=60)
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        if m["msg_type"] == "execute_result":
            heap_mb = int(m["content"]["data"]["text/plain"])
        if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            break
    k.stop()
    return statistics.median(times[:100]), statistics.median(times[-100:]), errors, heap_mb


class Floor:
    """Bare JShell (JShellFloor.java) on the installed kernel's JDK, JVM options and kind of archive."""

    def __init__(self):
        argv = KernelSpecManager().get_kernel_spec("java").argv
        self.java = argv[0]
        jvm = argv[1:argv.index("-jar")]
        self.dir = Path(tempfile.mkdtemp(prefix="bench-floor-"))
        bin_dir = Path(self.java).parent
        subprocess.run([str(bin_dir / "javac"), "-d", str(self.dir / "classes"),
                        str(Path(__file__).with_name("JShellFloor.java"))], check=True)
        self.jar = self.dir / "floor.jar"
        subprocess.run([str(bin_dir / "jar"), "cf", str(self.jar), "-C", str(self.dir / "classes"), "."], check=True)
        self.options = [a for a in jvm if not a.startswith(("-XX:AOTCache=", "-XX:SharedArchiveFile="))]
        if any(a.startswith("-XX:AOTCache=") for a in jvm):
            archive = self.dir / "floor.aot"
            self._run(["-XX:AOTCacheOutput=" + str(archive)], "train")
            self.options.append("-XX:AOTCache=" + str(archive))
        elif any(a.startswith("-XX:SharedArchiveFile=") for a in jvm):
            archive = self.dir / "floor.jsa"
            self._run(["-XX:ArchiveClassesAtExit=" + str(archive)], "first")
            self.options.append("-XX:SharedArchiveFile=" + str(archive))

    def _command(self, extra, mode):
        return [self.java, *extra, *self.options, "-cp", str(self.jar), "JShellFloor", mode]

    def _run(self, extra, mode):
        subprocess.run(self._command(extra, mode), check=True, capture_output=True)

    def first(self):
        """Seconds from launch to the printed value of 1+1."""
        t = time.perf_counter()
        p = subprocess.Popen(self._command([], "first"), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        assert p.stdout.readline().strip() == "2"
        dt = time.perf_counter() - t
        p.wait()
        return dt

    def warm(self):
        """Seconds of one 1+1 evaluation: median of evaluations 21-120."""
        out = subprocess.run(self._command([], "warm"), capture_output=True, text=True, check=True).stdout.split()
        return float(out[1]) / 1000


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--cells", type=int, default=10000, help="cells in the long session (0 to skip)")
    ap.add_argument("--only", default="", help="comma-separated subset: info,first,warm")
    args = ap.parse_args()
    ipy = ipython_kernels_dir()
    floor = Floor() if not args.only or {"first", "warm"} & set(args.only.split(",")) else None
    for key, label, fn in (("info", "launch -> kernel_info_reply", launch_to_kernel_info),
                           ("first", "launch -> first 1+1 result", launch_to_first_result),
                           ("warm", "warm round trip (1+1)", warm_round_trip)):
        if args.only and key not in args.only.split(","):
            continue
        java, python, bare = [], [], []
        for _ in range(args.runs):
            java.append(fn("java", None))
            python.append(fn("python3", ipy))
            if key == "first":
                bare.append(floor.first())
            elif key == "warm":
                bare.append(floor.warm())
        java, python = statistics.median(java), statistics.median(python)
        line = f"{label:30s} java {java * 1000:8.1f} ms   ipython {python * 1000:8.1f} ms   ratio {java / python:5.2f}x"
        if bare:
            floor_s = statistics.median(bare)
            line += f"   bare JShell {floor_s * 1000:7.1f} ms ({floor_s / python:.2f}x ipython)"
        print(line, flush=True)
    if args.cells:
        start, end, errors, heap = long_session(None, args.cells)
        print(f"session of {args.cells} cells: round trip first 100 {start * 1000:.1f} ms, last 100 {end * 1000:.1f} ms "
              f"(end/start {end / start:.2f}x), errors {errors}, heap after GC {heap} MB", flush=True)


if __name__ == "__main__":
    main()
