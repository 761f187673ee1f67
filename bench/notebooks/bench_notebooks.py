"""bench/notebooks: each notebook alone (a fresh kernel of the tree's target/jupyter kernelspec),
cell by cell, and bin/site's total; optionally against a baseline revision in the same run.

    bench/notebooks/run [--baseline REV] [--site] [--top N] [--twice] [--all-cells] [NOTEBOOK ...]

Per notebook it prints the time from launching the kernel to the end of the last cell (the budget:
6 s), split into the kernel's start (launch -> kernel_info reply) and the cells (each cell from its
execute request to its reply, timed by nbclient's on_cell_execute / on_cell_executed hooks), and
the slowest cells. With --baseline REV the notebooks of that revision (exported to
target/bench/<sha>, built there, its own kernelspec) run just before this tree's, notebook by
notebook, so a change of the machine's load hits both alike. --twice runs each notebook a second
time in the same kernel and prints those cell times too (what is left once classes are loaded and
the JIT is warm). Beside each wall-clock time it prints the kernel process's CPU seconds (all its
threads: JIT, GC, BLAS), which a busy machine disturbs less. --site times `bin/site --no-user-kernel` of each tree (budget: 35 s). The load
average is printed at the start, before each notebook and at the end. Not a test: budgets are
printed as pass/over, never asserted.
"""
import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from common import ROOT, baseline_tree, build_kernel, load, stamp  # noqa: E402

NOTEBOOK_BUDGET = 6.0
SITE_BUDGET = 35.0


TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    """User + system CPU seconds of process pid (all its threads) so far, or None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS
    except (OSError, IndexError, ValueError):
        return None


def first_line(source):
    lines = [s for s in source.strip().splitlines() if s.strip() and not s.strip().startswith("//")]
    text = (lines[0] if lines else source.strip().splitlines()[0] if source.strip() else "").strip()
    return text if len(text) <= 70 else text[:67] + "..."


class Timed:
    """One execution of a notebook in a fresh kernel, with the times of its parts."""

    def __init__(self, tree, path, twice):
        self.tree, self.path, self.twice = tree, path, twice
        self.cells = {}          # (pass, cell index) -> seconds
        self.cpu = {}            # (pass, cell index) -> CPU seconds of the kernel process
        self.kernel_start = None
        self.total = None
        self.shutdown = None

    def run(self):
        nb = nbformat.read(self.path, as_version=4)
        spec_dir = self.tree / "target" / "jupyter" / "share" / "jupyter" / "kernels"
        km = KernelManager(kernel_name="java", kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(spec_dir)]))
        started = {}
        current = {"pass": 1}

        def on_notebook_start(notebook):
            started["ready"] = time.perf_counter()
            started["pid"] = km.provisioner.pid
            started["ready cpu"] = cpu_seconds(started["pid"])

        def on_cell_execute(cell, cell_index):
            started[cell_index] = time.perf_counter()
            started[("cpu", cell_index)] = cpu_seconds(started["pid"])

        def on_cell_executed(cell, cell_index, execute_reply):
            self.cells[(current["pass"], cell_index)] = time.perf_counter() - started[cell_index]
            self.cpu[(current["pass"], cell_index)] = cpu_seconds(started["pid"]) - started[("cpu", cell_index)]
            self.end_cpu = cpu_seconds(started["pid"])
            if execute_reply["content"].get("status") != "ok":
                raise RuntimeError(f"{self.path.name} cell {cell_index + 1} failed: "
                                   f"{execute_reply['content'].get('ename')}: {execute_reply['content'].get('evalue')}")

        client = NotebookClient(nb, km=km, timeout=300, allow_errors=False,
                                resources={"metadata": {"path": str(self.path.parent)}},
                                on_notebook_start=on_notebook_start, on_cell_execute=on_cell_execute,
                                on_cell_executed=on_cell_executed)
        t0 = time.perf_counter()
        try:
            with client.setup_kernel():
                self.kernel_start = started["ready"] - t0
                self.kernel_start_cpu = started["ready cpu"]
                for index, cell in enumerate(client.nb.cells):
                    client.execute_cell(cell, index)
                end = time.perf_counter()
                self.total_cpu = self.end_cpu
                if self.twice:
                    current["pass"] = 2
                    for index, cell in enumerate(client.nb.cells):
                        client.execute_cell(cell, index)
        finally:
            before_shutdown = time.perf_counter()
            if km.has_kernel:      # nbclient leaves a kernel manager it was given running
                km.shutdown_kernel(now=False)
            self.shutdown = time.perf_counter() - before_shutdown
        self.total = end - t0
        self.sources = {i: c.source for i, c in enumerate(nb.cells)}
        return self

    def cell_sum(self, run=1):
        return sum(s for (p, _), s in self.cells.items() if p == run)

    def cpu_sum(self, run=1):
        return sum(s for (p, _), s in self.cpu.items() if p == run)

    def slowest(self, n, run=1):
        cells = sorted(((s, i) for (p, i), s in self.cells.items() if p == run), reverse=True)
        return cells[:n]


def report(label, t, top, all_cells):
    verdict = "pass" if t.total <= NOTEBOOK_BUDGET else "over"
    n = sum(1 for (p, _) in t.cells if p == 1)
    print(f"   {label:<30} total {t.total:6.2f} s = kernel start {t.kernel_start:5.2f} s + {n} code cells "
          f"{t.cell_sum():6.2f} s (+ overhead {t.total - t.kernel_start - t.cell_sum():4.2f} s; shutdown "
          f"{t.shutdown:4.2f} s not counted)   budget {NOTEBOOK_BUDGET:.0f} s: {verdict}", flush=True)
    print(f"   {'':<30} kernel CPU {t.total_cpu:6.2f} s = start {t.kernel_start_cpu:5.2f} s + cells {t.cpu_sum():6.2f} s",
          flush=True)
    shown = sorted(((s, i) for (p, i), s in t.cells.items() if p == 1), key=lambda x: x[1]) if all_cells \
        else t.slowest(top)
    for s, i in shown:
        again = f"   (2nd run {t.cells[(2, i)]:5.2f} s, CPU {t.cpu[(2, i)]:5.2f} s)" if (2, i) in t.cells else ""
        print(f"      cell {i + 1:3d} {s:6.2f} s, CPU {t.cpu[(1, i)]:5.2f} s{again}  {first_line(t.sources[i])}")
    if t.twice:
        print(f"      2nd run in the same kernel: cells {t.cell_sum(2):6.2f} s, CPU {t.cpu_sum(2):6.2f} s; so the first "
              f"run's cold start (class loading, first compiles, JIT) is {t.cell_sum() - t.cell_sum(2):5.2f} s wall, "
              f"{t.cpu_sum() - t.cpu_sum(2):5.2f} s CPU")


def time_site(tree):
    """Seconds of `bin/site --no-user-kernel` in tree, and its last output lines."""
    start = time.perf_counter()
    result = subprocess.run(["bin/site", "--no-user-kernel"], cwd=tree, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"bin/site failed in {tree}:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return seconds, result.stdout.strip().splitlines()


def share_environment(tree):
    """The baseline tree uses this tree's .venv and npm packages (bin/site would reinstall them)."""
    for rel in (".venv", "tools/site/node_modules"):
        src, dst = ROOT / rel, tree / rel
        if src.exists() and not dst.exists() and dst.parent.is_dir():
            dst.symlink_to(src)
    (tree / "target").mkdir(exist_ok=True)
    if (ROOT / "target" / "python").is_file():
        shutil.copy(ROOT / "target" / "python", tree / "target" / "python")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="*", help="names or paths (default: every notebooks/NN-*.ipynb)")
    parser.add_argument("--baseline", metavar="REV")
    parser.add_argument("--site", action="store_true", help="also time bin/site of each tree")
    parser.add_argument("--top", type=int, default=5, help="slowest cells shown per notebook")
    parser.add_argument("--twice", action="store_true", help="run each notebook a second time in its kernel")
    parser.add_argument("--all-cells", action="store_true", help="show every cell, not only the slowest")
    parser.add_argument("--no-build", action="store_true", help="use the kernelspecs already installed")
    args = parser.parse_args()

    stamp("bench/notebooks start")
    trees = []
    if args.baseline:
        tree, sha = baseline_tree(args.baseline)
        trees.append((f"before ({args.baseline} = {sha})", tree))
    trees.append(("after (this tree)", ROOT))
    if not args.no_build:
        for label, tree in trees:
            build_kernel(tree)
    for _, tree in trees[:-1]:
        share_environment(tree)

    names = [Path(n).stem for n in args.notebooks] or sorted(p.stem for p in (ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    results = {}
    for name in names:
        stamp(name)
        for label, tree in trees:
            path = tree / "notebooks" / f"{name}.ipynb"
            if not path.is_file():
                print(f"   {label:<30} (no such notebook)")
                continue
            t = Timed(tree, path, args.twice).run()
            results[(name, label)] = t
            report(label, t, args.top, args.all_cells)
    site = {}
    if args.site:
        for label, tree in trees:
            stamp(f"bin/site, {label}")
            seconds, lines = time_site(tree)
            site[label] = seconds
            for line in lines[-3:]:
                print(f"   | {line}")
            print(f"   bin/site {seconds:6.1f} s   budget {SITE_BUDGET:.0f} s: {'pass' if seconds <= SITE_BUDGET else 'over'}")
    stamp("bench/notebooks end")

    print("\nsummary: each notebook alone, fresh kernel (launch -> last cell done), seconds")
    header = "".join(f" {label[:22]:>22}" for label, _ in trees)
    print(f"{'notebook':<28}{header} {'after/before' if args.baseline else '':>12}  budget {NOTEBOOK_BUDGET:.0f} s")
    for name in names:
        cells = [results.get((name, label)) for label, _ in trees]
        row = "".join(f" {t.total:22.2f}" if t else f" {'-':>22}" for t in cells)
        ratio = f"{cells[-1].total / cells[0].total:12.2f}" if args.baseline and all(cells) else f"{'':>12}"
        verdict = ("pass" if cells[-1].total <= NOTEBOOK_BUDGET else "over") if cells[-1] else ""
        print(f"{name:<28}{row} {ratio}  {verdict}")
    if site:
        row = "".join(f" {site[label]:22.1f}" for label, _ in trees)
        ratio = f"{site[trees[-1][0]] / site[trees[0][0]]:12.2f}" if args.baseline else f"{'':>12}"
        verdict = "pass" if site[trees[-1][0]] <= SITE_BUDGET else "over"
        print(f"{'bin/site (budget 35 s)':<28}{row} {ratio}  {verdict}")
    print(f"(load at the end: {load()})")


if __name__ == "__main__":
    main()
