"""The seed sweep, tools/seeds.py (bin/seeds), on tiny notebooks in a temporary folder: a check that
fails for some seeds fails for exactly those, later claims of those runs count as not reached, the
JSON record has the expected shape, the exit status is 1; a notebook without a seed cell is an
error naming it, not one run with its own seed. Four runs of a tiny notebook with the project
kernel, two at a time.
"""

import json
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import claims  # noqa: E402
import seeds  # noqa: E402


def claim(cid, statement):
    return {"id": cid, "statement": statement, "kind": "deterministic", "measures": "SEED mod 3",
            "tolerance": "≠ 0 exactly", "false_alarm": "none (deterministic)", "power": "n/a"}


def notebook(folder, name, cells):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "java", "display_name": "Java", "language": "java"}
    nb.cells = [nbformat.v4.new_markdown_cell(f"# {name}")] + cells
    path = folder / f"{name}.ipynb"
    nbformat.write(nb, path)
    return path


def code(source, claim_entry=None):
    cell = nbformat.v4.new_code_cell(source)
    if claim_entry:
        cell.metadata["dltheory"] = {"claim": claim_entry}
    return cell


def test_a_check_that_fails_for_some_seeds_fails_for_exactly_those(tmp_path, capsys):
    path = notebook(tmp_path, "01-tiny", [
        code("// the seed cell keeps its comment\nlong SEED = 20190315L;"),
        code('if (SEED % 3 == 0) throw new IllegalStateException("seed " + SEED + " is a multiple of 3\\n'
             'second line");\n"checked"', claim("01.not-three", "SEED is not a multiple of 3")),
        code('if (SEED < 0) throw new IllegalStateException("negative");\n"later"', claim("01.later", "a later claim")),
    ])
    out = tmp_path / "sweep" / "sweep.json"

    status = seeds.main(["--seed", "1,2,3,6", "--jobs", "2", "--out", str(out), str(path)])

    printed = capsys.readouterr().out
    assert status == 1, printed
    record = json.loads(out.read_text(encoding="utf-8"))
    assert set(record) >= {"seeds", "revision", "dirty", "date", "notebooks", "runs", "claims"}
    assert record["seeds"] == [1, 2, 3, 6] and record["notebooks"] == ["01-tiny"]
    assert [(r["seed"], r["ok"]) for r in record["runs"]] == [(1, True), (2, True), (3, False), (6, False)]
    for r in record["runs"]:
        assert r["notebook"] == "01-tiny" and r["seconds"] > 0
        if not r["ok"]:
            assert r["failure"]["cell"] == 3 and r["failure"]["claim"] == "01.not-three"
            assert f"seed {r['seed']} is a multiple of 3" in r["failure"]["error"]
            assert "second line" not in r["failure"]["error"], "more than the error's first line"
    assert record["claims"]["01.not-three"] == {"notebook": "01-tiny", "cell": 3, "passed": [1, 2],
                                                "failed": [3, 6], "not_reached": []}
    assert record["claims"]["01.later"] == {"notebook": "01-tiny", "cell": 4, "passed": [1, 2],
                                            "failed": [], "not_reached": [3, 6]}
    # the table: one row, ok ok a a; the failure explained once, with its seeds
    row = next(line for line in printed.splitlines() if line.startswith("01-tiny"))
    assert row.split() == ["01-tiny", "ok", "ok", "a", "a"], printed
    assert "01-tiny a: cell 3 (01.not-three), seed(s) 3, 6" in printed, printed
    assert "      6: IllegalStateException: seed 6 is a multiple of 3" in printed, printed
    assert "01.later" in printed and "2/4 passed, not reached for seed(s) 3, 6" in printed
    # what the Claims page says of these claims, from this record
    assert claims.verdict("01.not-three", "01-tiny", record) == (
        "fail", f"2/4 seeds, failed for seed(s) 3, 6 (seeds 1–3, 6, revision {record['revision']}"
                f"{'+' if record['dirty'] else ''})")
    assert claims.verdict("01.later", "01-tiny", record)[0] == "fail"


def test_a_notebook_without_a_seed_cell_is_an_error_naming_it(tmp_path, capsys):
    fine = notebook(tmp_path, "01-fine", [code("long SEED = 1L;")])
    seedless = notebook(tmp_path, "02-seedless", [code("long seed = 1L; // not the seed cell's form")])
    out = tmp_path / "sweep.json"

    assert seeds.main(["--seeds", "2", "--out", str(out), str(fine), str(seedless)]) == 2

    captured = capsys.readouterr()
    assert "02-seedless" in captured.err and "no seed cell" in captured.err, captured.err
    assert "runs" not in captured.out and not out.exists(), "a notebook without a seed cell was run"

    (tmp_path / "03-broken.ipynb").write_text("{not json", encoding="utf-8")
    assert seeds.main(["--out", str(out), str(fine), str(tmp_path / "03-broken.ipynb")]) == 2
    assert "03-broken.ipynb is not a readable notebook" in capsys.readouterr().err


def test_the_seed_is_replaced_in_the_seed_cell_only():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("// seed\nlong SEED = 20190315L;  // change me"),
                nbformat.v4.new_code_cell("var rng = Seeded.rng(SEED, \"a\");")]
    index = seeds.seed_cell(nb, "x")
    changed = seeds.with_seed(nb, index, 17)
    assert changed.cells[0].source == "// seed\nlong SEED = 17L;  // change me"
    assert changed.cells[1].source == nb.cells[1].source
    assert nb.cells[0].source.endswith("20190315L;  // change me"), "the original was changed"
