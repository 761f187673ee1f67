"""bench/site: where bin/site's time goes, and what keeping the Explore frames saves.

    bench/site/run [--pairs N] [--no-pdf]

Runs `bin/site --no-user-kernel` in pairs, one after the other in the same invocation, so that the
machine's load (shared with other work) hits both runs of a pair alike:

- **drawn**: the frames' keys (target/executed/NN-x.explore.key) are removed first, so every site
  kernel draws its Explore frames again: what bin/site costs after a notebook or the library
  changed, and what every run cost before the frames were kept;
- **kept**: the keys are left, so a notebook whose file and jars are unchanged runs with
  DLTHEORY_EXPLORE_FRAMES=off and its frames come from the last run.

For each run it prints the wall time, the CPU seconds (user + system) of bin/site and everything it
started (RUSAGE_CHILDREN: the kernels, nbclient's workers, Node and Chromium), and the stages as
bin/site reports them; for each pair the ratios kept/drawn. CPU seconds are the figure to compare
on a loaded machine: wall times stretch with the load, CPU much less. It also compares the two
runs' sites file by file (SHA-256 of every file but the PDF, whose bytes carry a date): the pages
must not change. A benchmark, not a test: nothing is asserted.
"""
import argparse
import hashlib
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
from common import stamp  # noqa: E402

SITE_BUDGET = 35.0


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def site_digest():
    """{relative path: sha256} of every file of site/ but the PDF."""
    site = ROOT / "site"
    return {str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file() and p.suffix != ".pdf"}


def run_site(mode, pdf):
    if mode == "drawn":
        for key in (ROOT / "target" / "executed").glob("*.explore.key"):
            key.unlink()
    command = ["bin/site", "--no-user-kernel"] + ([] if pdf else ["--no-pdf"])
    cpu0, t0 = children_cpu(), time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    wall, cpu = time.perf_counter() - t0, children_cpu() - cpu0
    if result.returncode != 0:
        raise SystemExit(f"bin/site failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    lines = result.stdout.strip().splitlines()
    stages = {}
    for line in lines:
        m = re.search(r"executed in ([\d.]+) s .* rest done in ([\d.]+) s \((.*)\) \(total", line)
        if m:
            stages["notebooks"] = float(m.group(1))
            stages["after the last notebook"] = float(m.group(2))
            for part in m.group(3).split(", "):
                name, seconds = part.rsplit(" ", 2)[0], part.rsplit(" ", 2)[1]
                stages[name] = float(seconds)
    notebooks = {m.group(1): float(m.group(2)) for line in lines
                 if (m := re.match(r"\[\d+/\d+\] (\S+) … ([\d.]+) s", line))}
    return {"wall": wall, "cpu": cpu, "stages": stages, "notebooks": notebooks, "site": site_digest()}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pairs", type=int, default=2)
    parser.add_argument("--no-pdf", dest="pdf", action="store_false")
    args = parser.parse_args()
    stamp("bench/site start")
    # one run first so that set-up, build and the frames' keys are in place for the pairs
    stamp("warm-up run (set-up, build, keys)")
    run_site("kept", args.pdf)
    pairs = []
    for k in range(args.pairs):
        pair = {}
        order = ("drawn", "kept") if k % 2 == 0 else ("kept", "drawn")
        for mode in order:
            stamp(f"pair {k + 1}: {mode}")
            r = run_site(mode, args.pdf)
            pair[mode] = r
            stages = ", ".join(f"{name} {s:.1f} s" for name, s in r["stages"].items())
            print(f"   {mode:5}: wall {r['wall']:6.1f} s, CPU {r['cpu']:6.1f} s; {stages}", flush=True)
            print("          " + ", ".join(f"{n[:2]} {s:.1f}" for n, s in sorted(r["notebooks"].items())), flush=True)
        differ = sorted(p for p in set(pair["drawn"]["site"]) | set(pair["kept"]["site"])
                        if pair["drawn"]["site"].get(p) != pair["kept"]["site"].get(p))
        print(f"   kept/drawn: wall {pair['kept']['wall'] / pair['drawn']['wall']:.2f}, "
              f"CPU {pair['kept']['cpu'] / pair['drawn']['cpu']:.2f}; files of site/ that differ (PDF aside): "
              f"{len(differ)}{' ' + ', '.join(differ[:5]) if differ else ''}", flush=True)
        pairs.append(pair)
    stamp("bench/site end")
    print("\nsummary (median over the pairs)")
    for what in ("wall", "cpu"):
        drawn = statistics.median(p["drawn"][what] for p in pairs)
        kept = statistics.median(p["kept"][what] for p in pairs)
        ratio = statistics.median(p["kept"][what] / p["drawn"][what] for p in pairs)
        print(f"   {what:4}: frames drawn {drawn:6.1f} s, frames kept {kept:6.1f} s, kept/drawn {ratio:.2f}")
    print(f"   budget {SITE_BUDGET:.0f} s (wall, on a quiet machine)")


if __name__ == "__main__":
    main()
