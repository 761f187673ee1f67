"""Shared by bench/init/run and bench/notebooks/run: the load average, the builds of this tree,
and a baseline tree (another git revision, exported with `git archive` into target/bench/<sha>,
built there once and reused; no git worktree is made)."""
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load():
    """The load average line, e.g. 'load average 1.52, 1.20, 0.98 (1, 5, 15 min)'."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f} (1, 5, 15 min), {os.cpu_count()} cores"


def stamp(what):
    print(f"== {what}: {time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())}, {load()}", flush=True)


def run(command, cwd, **kwargs):
    print(f"   $ {' '.join(str(c) for c in command)}   (in {os.path.relpath(cwd, ROOT) if Path(cwd) != ROOT else '.'})",
          flush=True)
    subprocess.run([str(c) for c in command], cwd=cwd, check=True, **kwargs)


def rev_sha(rev):
    return subprocess.run(["git", "rev-parse", "--verify", f"{rev}^{{commit}}"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout.strip()


def baseline_tree(rev):
    """The tree of `rev` under target/bench/<sha> (exported once), and its short sha."""
    sha = rev_sha(rev)
    tree = ROOT / "target" / "bench" / sha[:12]
    if not (tree / ".exported").is_file():
        if tree.exists():
            shutil.rmtree(tree)
        tree.mkdir(parents=True)
        archive = subprocess.run(["git", "archive", sha], cwd=ROOT, check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
        (tree / ".exported").write_text(sha + "\n")
    return tree, sha[:12]


def build_lib(tree):
    """mvn package of lib (tests compiled, for the benchmarks' mains, but not run)."""
    run(["nice", "-n", "10", "mvn", "-B", "-q", "-pl", "lib", "package", "-DskipTests"], tree)


def build_kernel(tree):
    """mvn package of lib and kernel, then the kernelspec into <tree>/target/jupyter (as setup.sh does)."""
    run(["nice", "-n", "10", "mvn", "-B", "-q", "package", "-DskipTests"], tree)
    run(["java", "-jar", "kernel/target/dltheory-kernel.jar", "install", "--prefix", tree / "target" / "jupyter"],
        tree, stdout=subprocess.DEVNULL)


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(2)
