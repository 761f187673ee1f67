"""The seed sweep (issue #31 §2): runs notebooks with seeds other than their own and reports which
cells fail for which seeds, and each claim's pass rate.

    seeds.py [--seeds N | --seed S,S,...] [--jobs J] [--out FILE] [NOTEBOOK ...]

Each notebook has one seed cell, `long SEED = 20190315L;`. Each run is a copy of the notebook (in
memory) with that number replaced, executed in a fresh kernel of this checkout whose working folder
is the notebook's own (so `%jars ../lib/target/dltheory-lib.jar` resolves), `--jobs` at a time
(default 2). A run stops at its first failing cell: the claims of later cells count as "not
reached" for that seed, not as passed. The default seeds are 1..N (N = 20), never the notebooks'
own. NOTEBOOK is a path or a prefix of a name in notebooks/ (`01`, `04-weight`); default: all.

Prints a table notebook × seed ("ok" or a letter naming the failing cell, explained below it:
claim id or cell number, and the error's first line), then each claim's pass rate; writes the
result as JSON to target/seeds/sweep.json (bin/site's Claims page shows it). Exit status 1 when a
run failed, 2 when a notebook has no seed cell (or more than one) or is not found.
"""

import argparse
import concurrent.futures
import copy
import datetime
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))
import claims  # noqa: E402
import notebooks as runner  # noqa: E402

ROOT = runner.ROOT
SEED_LINE = re.compile(r"^(\s*long\s+SEED\s*=\s*)-?\d+L?(\s*;)", re.M)
DEFAULT_COUNT = 20


class NoSeedCell(Exception):
    """A notebook without exactly one seed cell."""


def seed_cell(nb, name):
    """Index of the notebook's one seed cell (`long SEED = …L;`); NoSeedCell otherwise."""
    found = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and SEED_LINE.search(c.source)]
    if len(found) != 1:
        raise NoSeedCell(f"{name}: {'no' if not found else len(found)} seed cell(s) "
                         f"(a code cell `long SEED = 20190315L;`, exactly one): cannot sweep seeds")
    return found[0]


def with_seed(nb, index, seed):
    """A copy of the notebook whose seed cell sets SEED = seed."""
    nb = copy.deepcopy(nb)
    nb.cells[index].source = SEED_LINE.sub(lambda m: f"{m[1]}{seed}L{m[2]}", nb.cells[index].source, count=1)
    return nb


def run_one(path, seed):
    """Runs notebook `path` with `seed` (in a worker process); returns the run's record."""
    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    nb = with_seed(nb, seed_cell(nb, path.stem), seed)
    start, cpu = time.perf_counter(), cpu_seconds()
    failure = None
    # The kernel's own stderr (the JVM's start-up warnings) would interleave 280 lines into the
    # report: it is kept aside, and its last line joins the error when the kernel died.
    with tempfile.TemporaryFile() as kernel_err:
        try:
            runner.run(nb, path.parent, f"{path.stem} seed {seed}", stderr=kernel_err)
        except runner.NotebookFailed as e:
            claim = claims.claim_of(nb.cells[e.cell - 1]) if e.cell is not None else None
            error = e.error
            if error.startswith(("DeadKernelError", "RuntimeError")):
                kernel_err.seek(0)
                last = kernel_err.read().decode("utf-8", "replace").strip().splitlines()[-1:]
                error += f" (kernel's stderr: {last[0]})" if last else ""
            failure = {"cell": e.cell, "claim": claim.get("id") if claim else None, "error": error}
    return {"notebook": path.stem, "seed": seed, "ok": failure is None,
            "seconds": round(time.perf_counter() - start, 2), "cpu_seconds": round(cpu_seconds() - cpu, 2),
            "failure": failure}


def cpu_seconds():
    """CPU time of this process and of its ended children (the kernels it ran): a run's cost
    apart from what else runs on the machine."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def tally(notebook_claims, runs):
    """{claim id: {notebook, cell, passed: [seeds], failed: [seeds], not_reached: [seeds]}}: a claim
    passed in a run that ran its cell without error, failed where its cell failed, and was not
    reached where an earlier cell failed (or the failing cell is unknown)."""
    result = {}
    for name, found in notebook_claims.items():
        for cell, claim in found:
            t = result.setdefault(claim.get("id", f"{name} cell {cell}"),
                                  {"notebook": name, "cell": cell, "passed": [], "failed": [], "not_reached": []})
            for r in runs:
                if r["notebook"] != name:
                    continue
                failed_at = None if r["ok"] else r["failure"]["cell"]
                key = ("passed" if r["ok"] or (failed_at is not None and cell < failed_at)
                       else "failed" if cell == failed_at else "not_reached")
                t[key].append(r["seed"])
    for t in result.values():
        for key in ("passed", "failed", "not_reached"):
            t[key].sort()
    return result


def failure_label(failure):
    where = f"cell {failure['cell']}" if failure["cell"] is not None else "cell unknown"
    return f"{where} ({failure['claim']})" if failure["claim"] else where


def report(names, seeds, runs, claim_tallies, notebook_claims, out=None):
    """Prints the table notebook × seed, what failed, and each claim's pass rate."""
    out = out or sys.stdout
    by = {(r["notebook"], r["seed"]): r for r in runs}
    width = max(3, max(len(str(s)) for s in seeds) + 1)
    first = max(len(n) for n in names) + 2
    print(f"\n{'notebook':<{first}}" + "".join(f"{s:>{width}}" for s in seeds), file=out)
    legend = []
    for name in names:
        letters = {}  # one letter per failing cell; under it, each distinct error with its seeds
        row = []
        for seed in seeds:
            r = by[(name, seed)]
            if r["ok"]:
                row.append("ok")
                continue
            label = failure_label(r["failure"])
            if label not in letters:
                letters[label] = (chr(ord("a") + len(letters) % 26), {})
            letters[label][1].setdefault(r["failure"]["error"], []).append(seed)
            row.append(letters[label][0])
        print(f"{name:<{first}}" + "".join(f"{c:>{width}}" for c in row), file=out)
        for label, (letter, errors) in letters.items():
            failed = sorted(s for group in errors.values() for s in group)
            legend.append(f"  {name} {letter}: {label}, seed(s) {claims.seed_ranges(failed)}")
            for error, group in errors.items():
                legend.append(f"      {claims.seed_ranges(group)}: {error}")
    if legend:
        print("\nfailures (a run stops at its first failing cell):", file=out)
        print("\n".join(legend), file=out)
    print("\nclaims (pass rate over the runs; 'not reached': an earlier cell of that run failed):", file=out)
    for name in names:
        if not notebook_claims[name]:
            print(f"  {name}: no claims in its cells' metadata (dltheory.claim)", file=out)
    if claim_tallies:
        idw = max(len(i) for i in claim_tallies) + 2
        for cid, t in claim_tallies.items():
            print(f"  {cid:<{idw}}{claims.tally_text(t, 'passed')}", file=out)


def revision():
    """(short hash of HEAD, whether notebooks/ or lib/ have uncommitted changes); ("unknown", False)
    outside git."""
    try:
        head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--", "notebooks", "lib"],
                               capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown", False
    return head or "unknown", bool(dirty)


def resolve(args):
    """Paths of the notebooks named on the command line (paths or name prefixes); SystemExit(2)."""
    if not args:
        return runner.all_notebooks()
    paths = []
    for a in args:
        p = Path(a)
        if p.is_file():
            paths.append(p.resolve())
            continue
        matches = sorted(runner.NOTEBOOKS.glob(f"{a}*.ipynb")) if "/" not in a else []
        if len(matches) != 1:
            print(f"seeds: no such notebook: {a}" if not matches else
                  f"seeds: {a} names {len(matches)} notebooks: {', '.join(m.stem for m in matches)}", file=sys.stderr)
            raise SystemExit(2)
        paths.append(matches[0].resolve())
    return list(dict.fromkeys(paths))  # a notebook named twice runs once per seed


def parse_seeds(text):
    try:
        seeds = [int(s) for s in text.split(",") if s.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"--seed takes integers separated by commas, not {text!r}") from None
    if not seeds or len(set(seeds)) != len(seeds):
        raise argparse.ArgumentTypeError(f"--seed needs distinct seeds, got {text!r}")
    return seeds


def positive(text):
    n = int(text)
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {n}")
    return n


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--seeds", type=positive, metavar="N", help=f"seeds 1..N (default N = {DEFAULT_COUNT})")
    which.add_argument("--seed", type=parse_seeds, metavar="S,S,...", help="these seeds")
    parser.add_argument("--jobs", type=positive, default=2, help="runs at a time (default 2)")
    parser.add_argument("--out", type=Path, default=claims.SWEEP, help="the JSON record (default target/seeds/sweep.json)")
    parser.add_argument("notebooks", nargs="*")
    args = parser.parse_args(argv)
    seeds = args.seed or list(range(1, (args.seeds or DEFAULT_COUNT) + 1))
    paths = resolve(args.notebooks)
    if not paths:
        print("seeds: no notebooks found under notebooks/", file=sys.stderr)
        return 2
    names = [p.stem for p in paths]
    notebook_claims = {}
    for p in paths:
        try:
            nb = runner.read_notebook(p)
            seed_cell(nb, p.stem)
        except (NoSeedCell, runner.NotebookFailed) as e:
            print(f"seeds: {e}", file=sys.stderr)
            return 2
        notebook_claims[p.stem] = claims.claims_of(nb)

    total = len(paths) * len(seeds)
    print(f"seed sweep: {len(paths)} notebook(s) × {len(seeds)} seed(s) ({claims.seed_ranges(seeds)}) = {total} runs, "
          f"{args.jobs} at a time, each in a fresh kernel", flush=True)
    start = time.perf_counter()
    runs = []
    left = {n: len(seeds) for n in names}
    # the slowest notebooks' runs are not all left for the end: seed by seed, every notebook
    tasks = [(p, s) for s in seeds for p in paths]
    with concurrent.futures.ProcessPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(run_one, str(p), s) for p, s in tasks]
        try:
            for future in concurrent.futures.as_completed(futures):
                r = future.result()
                runs.append(r)
                left[r["notebook"]] -= 1
                outcome = "ok" if r["ok"] else f"FAILED at {failure_label(r['failure'])}: {r['failure']['error']}"
                print(f"[{len(runs)}/{total}] {r['notebook']} seed {r['seed']} … {r['seconds']:.1f} s, {outcome}",
                      flush=True)
                if left[r["notebook"]] == 0:
                    mine = [x for x in runs if x["notebook"] == r["notebook"]]
                    ok = sum(x["ok"] for x in mine)
                    print(f"  {r['notebook']}: {ok}/{len(mine)} runs ok, "
                          f"{sum(x['seconds'] for x in mine) / len(mine):.1f} s per run "
                          f"({sum(x['cpu_seconds'] for x in mine) / len(mine):.1f} CPU-s)", flush=True)
        except BaseException:
            for f in futures:
                f.cancel()
            raise
    seconds = time.perf_counter() - start
    order = {(n, s): i for i, (n, s) in enumerate((n, s) for n in names for s in seeds)}
    runs.sort(key=lambda r: order[(r["notebook"], r["seed"])])
    tallies = tally(notebook_claims, runs)
    report(names, seeds, runs, tallies, notebook_claims)

    head, dirty = revision()
    record = {"seeds": seeds, "revision": head, "dirty": dirty,
              "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
              "notebooks": names, "jobs": args.jobs, "seconds": round(seconds, 1),
              "runs": runs, "claims": tallies}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    failed = sum(not r["ok"] for r in runs)
    cpu = sum(r["cpu_seconds"] for r in runs)
    print(f"\n{total} runs in {seconds:.1f} s ({args.jobs} at a time; {cpu:.1f} CPU-s in all): "
          f"{'no run failed' if not failed else f'{failed} run(s) failed'} → {os.path.relpath(args.out)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
