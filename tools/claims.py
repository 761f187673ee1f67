"""The claims of the notebooks' check cells (issue #31 §3) and the last seed sweep's verdict on them.

A check cell asserts a claim; its cell metadata holds the claim (schema: /work/shared and
COMMON.md, "Claims metadata"):

    "metadata": {"dltheory": {"claim": {"id": "04.growth", "statement": …, "kind": …,
                 "measures": …, "tolerance": …, "false_alarm": …, "power": …}}}

tools/seeds.py (bin/seeds) records which claims held for which seeds in target/seeds/sweep.json;
tools/notebooks.py (bin/site) writes the Claims page from the executed notebooks and that file.
"""

import json
import re
import sys
from pathlib import Path

from outputs import joined

ROOT = Path(__file__).resolve().parent.parent
SWEEP = ROOT / "target" / "seeds" / "sweep.json"
FIELDS = ("id", "statement", "kind", "measures", "tolerance", "false_alarm", "power")
KINDS = ("statistical", "deterministic", "identity")

# A check cell: a code cell with a statement that calls `Check.<name>(` or a method named
# `check…(` (`.check(`, `.checkClaims(`, `Sweep.checkVarianceAndMean(`), or passes one by
# reference (`runs.forEach(StepDiagnostics::checkGrowth)`), except
# `Exercise.check(` (an exercise's answer, not a claim), calls on the right of an assignment
# (`var c = DataDependentInit.check(…)` computes a result to check later) and comments.
CHECK_CALL = re.compile(r"(?<![\w.])Check\.\w+\s*\(|\.check\w*\s*\(|::check\w*\b")
ASSIGNMENT = re.compile(r"(?<![=!<>+\-*/%&|^])=(?!=)")


def is_check_call(line):
    """Whether one line of Java makes a check as a statement (see CHECK_CALL above)."""
    code = line.split("//", 1)[0]
    for m in CHECK_CALL.finditer(code):
        before = code[:m.start()]
        if before.rstrip().endswith("Exercise") or ASSIGNMENT.search(before):
            continue
        return True
    return False


def is_check_cell(cell):
    return cell.get("cell_type") == "code" and any(is_check_call(l) for l in joined(cell.get("source", "")).splitlines())


def claim_of(cell):
    """The cell's claim (a dict), or None."""
    claim = cell.get("metadata", {}).get("dltheory", {}).get("claim")
    return claim if isinstance(claim, dict) else None


def claims_of(nb):
    """[(cell number counted from 1, claim)] of a notebook (an nbformat node or its JSON dict)."""
    return [(n, claim_of(c)) for n, c in enumerate(nb["cells"], start=1) if claim_of(c) is not None]


def problems(claim, prefix):
    """What is wrong with one claim entry (empty when it is complete), for notebook NN = prefix."""
    found = []
    for field in FIELDS:
        value = claim.get(field)
        if not isinstance(value, str) or not value.strip():
            found.append(f"{field} missing or empty")
        elif "\n" in value.strip():
            found.append(f"{field} spans more than one line")
    if claim.get("kind") not in KINDS:
        found.append(f"kind {claim.get('kind')!r} is not one of {', '.join(KINDS)}")
    if not str(claim.get("id", "")).startswith(f"{prefix}."):
        found.append(f"id {claim.get('id')!r} does not start with {prefix}.")
    return found


def seed_ranges(seeds):
    """[1, 2, 3, 7] -> "1–3, 7"."""
    seeds = sorted(seeds)
    parts, i = [], 0
    while i < len(seeds):
        j = i
        while j + 1 < len(seeds) and seeds[j + 1] == seeds[j] + 1:
            j += 1
        parts.append(str(seeds[i]) if i == j else f"{seeds[i]}{'–' if j > i + 1 else ', '}{seeds[j]}")
        i = j + 1
    return ", ".join(parts)


RECORD_KEYS = ("seeds", "revision", "date", "notebooks", "runs", "claims")


def load_sweep(path=None):
    """The last sweep's record (target/seeds/sweep.json), or None when there is none. A record that
    cannot be read (not JSON, keys missing) counts as none, with a warning: it does not stop the site."""
    path = Path(path) if path is not None else SWEEP
    if not path.is_file():
        return None
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        missing = [k for k in RECORD_KEYS if k not in record]
    except (ValueError, TypeError) as e:
        record, missing = None, [f"not a JSON object ({e})"]
    if missing:
        print(f"site: {path} is not a sweep record (missing: {', '.join(missing)}): "
              f"the Claims page says no sweep is recorded", file=sys.stderr)
        return None
    return record


def sweep_summary(sweep):
    """One line on the sweep as a whole, or None."""
    if sweep is None:
        return None
    failed = sum(1 for r in sweep["runs"] if not r["ok"])
    revision = sweep["revision"] + (" with uncommitted changes" if sweep.get("dirty") else "")
    return (f"{len(sweep['runs'])} runs: {len(sweep['notebooks'])} notebook(s) × seeds "
            f"{seed_ranges(sweep['seeds'])}, revision {revision}, {sweep['date']}; "
            f"{failed} run(s) failed")


def verdict(claim_id, notebook, sweep):
    """A claim's result over the last sweep, as (status, text): status "pass", "fail" or "none"."""
    if sweep is None:
        return "none", "no sweep recorded"
    revision = sweep["revision"] + ("+" if sweep.get("dirty") else "")
    tally = sweep.get("claims", {}).get(claim_id)
    if notebook not in sweep["notebooks"]:
        return "none", f"not in the last sweep (revision {revision})"
    if tally is None:
        return "none", f"not a claim at the last sweep's revision {revision}"
    runs = len(tally["passed"]) + len(tally["failed"]) + len(tally["not_reached"])
    text = tally_text(tally, "seeds") + " (an earlier cell failed)" * bool(tally["not_reached"])
    text += f" (seeds {seed_ranges(sweep['seeds'])}, revision {revision})"
    return ("pass" if len(tally["passed"]) == runs else "fail"), text


def tally_text(tally, unit):
    """A claim's tally over a sweep in words: "18/20 seeds, failed for seed(s) 3, 7" (unit "seeds"),
    with the seeds it was not reached for (an earlier cell of the run failed) last."""
    runs = len(tally["passed"]) + len(tally["failed"]) + len(tally["not_reached"])
    text = f"{len(tally['passed'])}/{runs} {unit}"
    if tally["failed"]:
        text += f", failed for seed(s) {seed_ranges(tally['failed'])}"
    if tally["not_reached"]:
        text += f", not reached for seed(s) {seed_ranges(tally['not_reached'])}"
    return text
