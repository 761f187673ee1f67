#!/usr/bin/python3
"""Latency of the first completion and inspection after the Java kernel starts (a benchmark, not a test).

    java -jar kernel/target/dltheory-kernel.jar install --prefix target/jupyter
    JUPYTER_PATH=$PWD/target/jupyter/share/jupyter .venv/bin/python bench/kernel/bench_completion.py

For each of --runs fresh kernels: wait for kernel_info_reply, run a first cell (`1+1`), wait --idle
seconds (a user reads and starts typing), then time a complete_request for `System.out.pr`, a second
one for `Ma` (identifiers in scope), and an inspect_request. Prints each run and the medians, with the
load average before and after (the machine is shared; compare runs of one invocation).
"""
import argparse
import os
import statistics
import time

from jupyter_client.manager import KernelManager


def reply(kc, msg_id, timeout=60):
    while True:
        m = kc.get_shell_msg(timeout=timeout)
        if m["parent_header"].get("msg_id") == msg_id:
            return m


def timed(kc, send):
    t = time.perf_counter()
    m = reply(kc, send())
    return (time.perf_counter() - t) * 1000, m["content"]


def one_run(idle, first_cell):
    km = KernelManager(kernel_name="java")
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=60)
        if first_cell:
            reply(kc, kc.execute("1 + 1"))
        time.sleep(idle)
        code = "System.out.pr"
        first, c1 = timed(kc, lambda: kc.complete(code, len(code)))
        second, c2 = timed(kc, lambda: kc.complete("Ma", 2))
        insp, c3 = timed(kc, lambda: kc.inspect("Math.sqrt(2)", 7))
        assert "println(" in c1["matches"], c1
        assert any(m.startswith("Math") for m in c2["matches"]), c2["matches"][:20]
        return first, second, insp, c3["found"]
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--idle", type=float, default=2.0, help="seconds between the first cell and the completion")
    ap.add_argument("--no-cell", action="store_true", help="complete without running a cell first")
    a = ap.parse_args()
    print(f"load average before: {os.getloadavg()}")
    rows = []
    for i in range(a.runs):
        *r, found = one_run(a.idle, not a.no_cell)
        rows.append(r)
        print(f"run {i + 1}: first completion {r[0]:.0f} ms, second {r[1]:.0f} ms, "
              f"first inspection {r[2]:.0f} ms (mid-identifier, found: {found})")
    med = [statistics.median(c) for c in zip(*rows)]
    print(f"median: first completion {med[0]:.0f} ms, second {med[1]:.0f} ms, first inspection {med[2]:.0f} ms")
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
