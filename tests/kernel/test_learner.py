"""What a student meets in the first hour (issue #33): values, printing, errors, magics, the front end."""
import json
import os
import subprocess
import time
from pathlib import Path

import pytest

from conftest import Kernel, installed_spec_dir

ROOT = Path(__file__).resolve().parents[2]
LIB_JAR = ROOT / "lib" / "target" / "dltheory-lib.jar"


# ---- values ----------------------------------------------------------------------------------------

def test_arrays_show_as_jshell_shows_them(kernel):
    assert kernel.value("new double[]{1.5, 2, 3}") == "double[3] { 1.5, 2.0, 3.0 }"
    assert kernel.value("new int[][]{{1, 2}, {3}}") == "int[2][] { int[2] { 1, 2 }, int[1] { 3 } }"
    assert kernel.value('new String[]{"a", null}') == 'String[2] { "a", null }'
    assert kernel.value("new char[]{'x'}") == "char[1] { 'x' }"
    assert kernel.value("new boolean[0]") == "boolean[0] {  }"
    assert kernel.value("new Object[]{1, new long[]{2L}}") == "Object[2] { 1, long[1] { 2 } }"


def test_long_arrays_elide_their_middle_as_numpy_does(kernel):
    assert kernel.value("new int[1000]").count(", ") == 999, "1000 elements: all shown"
    assert kernel.value("java.util.stream.IntStream.range(0, 1001).toArray()") == \
        "int[1001] { 0, 1, 2, ..., 998, 999, 1000 }"
    text = kernel.value("double[] w = new double[1_000_000]; w")
    assert text == "double[1000000] { 0.0, 0.0, 0.0, ..., 0.0, 0.0, 0.0 }", text
    text = kernel.value("new int[500][4]")
    assert text.startswith("int[500][] { int[4] { 0, 0, 0, 0 }, int[4] { 0, 0, 0, 0 }, int[4] { 0, 0, 0, 0 }, ...,"), \
        "2000 elements in all: the outer level is elided, the rows of 4 are whole"


def test_display_of_an_array_and_println_use_the_same_form(kernel):
    reply, outputs = kernel.execute("display(new long[]{7L, 8L});")
    assert [m["content"]["data"]["text/plain"] for m in outputs] == ["long[2] { 7, 8 }"]
    reply, outputs = kernel.execute('println(new double[]{0.5}); print(42); println(); print("x"); '
                                    'println(new char[]{\'h\', \'i\'})')
    assert reply["status"] == "ok", reply
    assert "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream") == \
        "double[1] { 0.5 }\n42\nxhi\n"


def test_a_double_shows_in_full_with_and_without_the_library(kernel):
    assert kernel.value("Math.PI") == "3.141592653589793"
    if not LIB_JAR.exists():
        pytest.skip("lib/target/dltheory-lib.jar is not built")
    reply, _ = kernel.execute(f"%jars {LIB_JAR}")
    assert reply["status"] == "ok", reply
    assert kernel.value("Math.PI") == "3.141592653589793"
    assert kernel.value("(Double) 0.1 + 0.2") == "0.30000000000000004"
    assert kernel.value('Map.of("pi", Math.PI)').splitlines()[0].strip() == "Map of 1 entry"


# ---- printing --------------------------------------------------------------------------------------

def test_printf_as_the_last_statement_shows_only_what_it_prints(kernel):
    for code in ('System.out.printf("%d%n", 7)', 'System.out.printf("%d%n", 7);', 'System.out.format("%d%n", 7);'):
        reply, outputs = kernel.execute(code)
        assert reply["status"] == "ok", reply
        assert [(m["msg_type"], m["content"].get("text")) for m in outputs] == [("stream", "7\n")], code
    reply, outputs = kernel.execute('System.out.append("a")')
    assert [m["msg_type"] for m in outputs] == ["stream"], "append's PrintStream is not shown either"
    for code in ('display("shown once")', 'display("shown once");', 'dltheory.kernel.runtime.Notebook.display(42)'):
        reply, outputs = kernel.execute(code)
        assert [m["msg_type"] for m in outputs] == ["display_data"], (code, outputs)


def test_writers_and_builders_keep_their_values(kernel):
    assert kernel.value('new StringBuilder("a").append("b").append(1)') == "ab1"
    assert kernel.value('var sw = new StringWriter(); new PrintWriter(sw).printf("x")').startswith("java.io.PrintWriter")


# ---- errors ----------------------------------------------------------------------------------------

def test_undefined_names_give_one_error_and_a_hint(kernel):
    reply, outputs = kernel.execute("double noise = NOISE_LEVEL * SEED_VALUE + rng2.nextGaussian() * Helper.scale();")
    assert reply["status"] == "error"
    tb = reply["traceback"]
    assert sum("cannot find symbol" in line for line in tb) == 1, tb
    assert tb[-1] == ("`NOISE_LEVEL`, `SEED_VALUE`, `rng2` and `Helper` are not defined: are they defined in a cell "
                      "above that has not been run? Run → Run All Above"), tb
    reply, _ = kernel.execute("int twice = UNDEFINED_ONE * 2;")
    assert reply["traceback"][-1] == ("`UNDEFINED_ONE` is not defined: is it defined in a cell above that has not "
                                      "been run? Run → Run All Above"), reply["traceback"]


def test_a_name_whose_declaring_cell_did_not_compile_says_to_re_run_that_cell(kernel):
    """Issue 33: an answer cell edited to `Double answerSeven = 25;` does not compile, and JShell drops the
    earlier `answerSeven` with it; the check below then said only that `answerSeven` is not defined and
    asked whether a cell above had not been run, when the learner had just run it."""
    reply, _ = kernel.execute("Number answerSeven = null;")
    assert reply["status"] == "ok", reply
    reply, _ = kernel.execute("Double answerSeven = 25;")
    assert reply["status"] == "error", reply
    cell = reply["execution_count"]
    reply, _ = kernel.execute("Objects.toString(answerSeven)")
    assert reply["status"] == "error"
    assert reply["traceback"][-1] == (f"`answerSeven` is not defined: cell [{cell}] declares it but did not compile; "
                                      "correct that cell and re-run it, then this one"), reply["traceback"]
    reply, _ = kernel.execute("double twiceSeven = NEVER_DECLARED * answerSeven;")
    assert reply["traceback"][-2:] == [
        f"`answerSeven` is not defined: cell [{cell}] declares it but did not compile; correct that cell and re-run it, "
        "then this one",
        "`NEVER_DECLARED` is not defined: is it defined in a cell above that has not been run? Run → Run All Above"], \
        reply["traceback"]
    reply, _ = kernel.execute("Number answerSeven = 25;")
    assert reply["status"] == "ok", reply
    assert kernel.value("answerSeven") == "25"


def test_answer_cells_take_what_a_learner_types(kernel):
    """The notebooks' answer cells declare a Number: 25, 25.0 and an expression all compile."""
    for typed in ("25", "25.0", "Math.sqrt(4) / 4", "1.0 / 3"):
        reply, _ = kernel.execute(f"Number answerTyped = {typed};")
        assert reply["status"] == "ok", (typed, reply)
    answer_cells = [(path.name, "".join(c["source"])) for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
                    for c in json.loads(path.read_text())["cells"]
                    if c["cell_type"] == "code" and "".join(c["source"]).lstrip().startswith(("Number answer", "Double answer"))]
    assert answer_cells, "no answer cells found"
    for name, source in answer_cells:
        assert source.startswith("Number answer"), f"{name}: {source!r} does not take 25"
        assert "Exercise.check" not in source, f"{name}: the answer and its check share a cell: {source!r}"


def test_a_missing_package_is_named_in_the_hint(kernel):
    reply, _ = kernel.execute("import static nowhere.at.all.Thing.*;\nint y = 1;")
    assert reply["status"] == "error"
    assert "`nowhere.at.all`" in reply["traceback"][-1] or "`nowhere.at.all.Thing`" in reply["traceback"][-1], \
        reply["traceback"]


def test_other_compile_errors_are_all_shown(kernel):
    reply, _ = kernel.execute('void several() {\n  int a = "x";\n  int b = UNDEFINED_TWO;\n  String c = 3;\n}')
    text = "\n".join(reply["traceback"])
    assert text.count("incompatible types") == 2 and text.count("cannot find symbol") == 1, text


def test_variables_keep_their_values_across_an_import(kernel):
    # JShell writes all imports on one line of every class it recompiles; an import after a line break
    # (the cell's line above it, a comment) shifted the line numbers, so every variable declared before
    # it was recompiled into a new class and read null
    reply, _ = kernel.execute('String aboveImport = "x";\nint countAbove = 7;\nimport java.util.concurrent.locks.*;')
    assert reply["status"] == "ok", reply
    assert kernel.value("aboveImport") == "x" and kernel.value("countAbove") == "7"
    reply, _ = kernel.execute("// character sets\nimport java.nio.charset.*;")
    assert reply["status"] == "ok", reply
    assert kernel.value("aboveImport + countAbove") == "x7"


def test_declarations_an_import_broke_or_reset_are_named():
    k = Kernel()   # a kernel of its own: java.awt.* makes List ambiguous for every later cell
    try:
        k.execute("List<Integer> xs = List.of(1, 2);")
        reply, outputs = k.execute("import java.awt.*;")
        assert reply["status"] == "ok", reply
        note = stream_text(outputs)
        assert "var xs (cell [1]) no longer compiles" in note and "reference to List is ambiguous" in note, note
        reply, _ = k.execute("xs.size()")
        text = "\n".join(reply["traceback"])
        assert "reference to List is ambiguous" in text and "java.awt.List" in text and "java.util.List" in text, text
        assert "Run All Above" not in text, text
        # an import that gives a variable's type another meaning resets it: the cell says so
        k.execute("Date typed = new Date(0L);")
        reply, outputs = k.execute("import java.sql.Date;")
        note = stream_text(outputs)
        assert "note: variable typed (cell [" in note and "was reset to null: after import java.sql.Date;" in note, note
    finally:
        k.stop()


# ---- magics ----------------------------------------------------------------------------------------

def stream_text(outputs):
    return "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream")


def test_jshell_commands_as_magics(kernel):
    kernel.execute("int shownVar = 3;\nString shownText = \"a\";\ndouble halve(double x) { return x / 2; }\n"
                   "record Pair(int a, int b) { }\ninterface Shape { }\nimport java.time.*;")
    reply, outputs = kernel.execute("%vars")
    assert reply["status"] == "ok", reply
    assert "int shownVar = 3\n" in stream_text(outputs) and 'String shownText = "a"\n' in stream_text(outputs)
    _, outputs = kernel.execute("%methods")
    assert "double halve(double)\n" in stream_text(outputs)
    _, outputs = kernel.execute("%types")
    assert "record Pair\n" in stream_text(outputs) and "interface Shape\n" in stream_text(outputs)
    _, outputs = kernel.execute("%imports")
    assert "import java.time.*;\n" in stream_text(outputs) and "import java.util.*;\n" in stream_text(outputs)
    _, outputs = kernel.execute("%list")
    listing = stream_text(outputs)
    assert "int shownVar = 3;" in listing and "import java.util.*;" not in listing, listing
    _, alias = kernel.execute("%jshell /vars")
    assert "int shownVar = 3\n" in stream_text(alias)
    reply, _ = kernel.execute("%jshell /drop x")
    assert reply["status"] == "error" and "/vars" in reply["evalue"], reply


def test_vars_shows_arrays_short(kernel):
    kernel.execute("double[] manyDraws = new double[100_000];")
    _, outputs = kernel.execute("%vars")
    line = next(l for l in stream_text(outputs).splitlines() if " manyDraws " in l)
    assert line.startswith("double[] manyDraws = double[100000] { 0.0, 0.0, 0.0, ...") and len(line) < 120, line


def test_display_cell_magics(kernel):
    for magic, mime in (("html", "text/html"), ("markdown", "text/markdown"), ("latex", "text/latex")):
        reply, outputs = kernel.execute(f"%%{magic}\n<b>x</b> $x^2$")
        assert reply["status"] == "ok", reply
        assert [m["msg_type"] for m in outputs] == ["display_data"], outputs
        assert outputs[0]["content"]["data"][mime] == "<b>x</b> $x^2$"


def test_bash_and_writefile(kernel, tmp_path):
    target = tmp_path / "note.txt"
    reply, outputs = kernel.execute(f"%%writefile {target}\nfirst line\n")
    assert reply["status"] == "ok", reply
    assert stream_text(outputs) == f"Writing {target}\n" and target.read_text() == "first line\n"
    _, outputs = kernel.execute(f"%%writefile -a {target}\nsecond\n")
    assert stream_text(outputs) == f"Appending to {target}\n" and target.read_text() == "first line\nsecond\n"
    reply, outputs = kernel.execute(f"%%bash\nwc -l < {target}\necho oops >&2")
    assert reply["status"] == "ok", reply
    assert [(m["content"]["name"], m["content"]["text"].strip()) for m in outputs] == [("stdout", "2"), ("stderr", "oops")]
    reply, _ = kernel.execute("%%bash\nexit 3")
    assert reply["status"] == "error" and "status 3" in reply["evalue"], reply


def test_bash_stops_on_interrupt(kernel):
    msg_id = kernel.kc.execute("%%bash\nsleep 30")
    time.sleep(1.5)
    kernel.km.interrupt_kernel()
    start = time.monotonic()
    reply = kernel.reply_to(msg_id, timeout=15)["content"]
    assert reply["status"] == "error" and time.monotonic() - start < 5, reply
    kernel.drain_iopub()


# ---- the front end ---------------------------------------------------------------------------------

def test_language_version_is_the_major_jdk_version_the_notebooks_store(kernel):
    msg_id = kernel.kc.kernel_info()
    info = kernel.reply_to(msg_id)["content"]["language_info"]
    stored = json.loads((ROOT / "notebooks" / "00-introduction.ipynb").read_text())["metadata"]["language_info"]
    java = json.loads((installed_spec_dir() / "kernel.json").read_text())["argv"][0]
    major = subprocess.run([java, "-version"], capture_output=True, text=True).stderr.split('"')[1].split(".")[0]
    assert info["version"] == major
    if major == stored["version"]:
        assert info == stored, "JupyterLab would not mark the notebook modified"


def test_kernel_start_prints_no_warning(tmp_path):
    """No "WARNING: Using incubator modules" (or any other) on the kernel's standard error at start."""
    from jupyter_client.manager import KernelManager
    spec = json.loads((installed_spec_dir() / "kernel.json").read_text())
    assert "jdk.incubator.vector" not in spec["argv"], "no incubator module with the default C1-only JIT"
    err = tmp_path / "stderr.txt"
    km = KernelManager(kernel_name="java")
    with open(err, "w") as f:
        km.start_kernel(stderr=f)
        kc = km.client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=60)
            reply = kc.execute_interactive("1 + 1", timeout=60)
            assert reply["content"]["status"] == "ok"
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=False)
    assert "WARNING" not in err.read_text(), err.read_text()


def complete(kernel, code):
    msg_id = kernel.kc.complete(code, len(code))
    start = time.monotonic()
    reply = kernel.reply_to(msg_id)["content"]
    return reply, time.monotonic() - start


def test_completions_carry_their_kind_and_signature(kernel):
    kernel.execute("double halfOf(double x) { return x / 2; }")
    reply, seconds = complete(kernel, "Math.sq")
    types = {t["text"]: t for t in reply["metadata"]["_jupyter_types_experimental"]}
    assert types["sqrt("]["type"] == "function" and "sqrt(double" in types["sqrt("]["signature"], types
    assert seconds < 1.0, f"JupyterLab drops completion replies slower than 1 s: {seconds:.2f} s"
    reply, _ = complete(kernel, "Strin")
    assert {t["text"]: t["type"] for t in reply["metadata"]["_jupyter_types_experimental"]}["String"] == "class"
    reply, _ = complete(kernel, "%ja")
    assert reply["metadata"]["_jupyter_types_experimental"][0]["type"] == "magic"
    reply, _ = complete(kernel, "halfO")
    [t] = reply["metadata"]["_jupyter_types_experimental"]
    assert t["type"] == "function" and t["signature"] == "double halfOf(double x)", t


def inspect(kernel, code):
    msg_id = kernel.kc.inspect(code, len(code), detail_level=0)
    return kernel.reply_to(msg_id)["content"]


def test_inspect_shows_the_jdks_javadoc_where_the_jdk_has_its_sources(any_jdk_kernel):
    reply = inspect(any_jdk_kernel, "Math.sqrt")
    text = reply["data"]["text/plain"]
    home = Path(any_jdk_kernel.value('System.getProperty("java.home")').strip('"'))
    if (home / "lib" / "src.zip").resolve().exists():
        assert "square root" in text, text
    else:
        assert text.startswith("double Math.sqrt(double a)"), text


def build_documented_jar(folder: Path, sources_inside: bool) -> Path:
    src = folder / "src" / "doc" / "demo"
    src.mkdir(parents=True)
    (src / "Greeter.java").write_text(
        "package doc.demo;\n/** Says hello. */\npublic final class Greeter {\n"
        "    /**\n     * A greeting for a learner by name.\n     *\n     * @param name who\n     * @return the words\n"
        "     */\n    public static String greet(String name) { return \"hi \" + name; }\n}\n")
    classes = folder / "classes"
    subprocess.run(["javac", "-d", str(classes), str(src / "Greeter.java")], check=True)
    # Without --source-path javac also looks for sources on the class path and prefers the newer of a
    # class and its source (-Xprefer:newer): a jar whose .java is as new as its .class (same second)
    # had javac compile the source instead, and the call failed for some runs. A released jar's
    # sources are older than its classes; so are these.
    hour_ago = time.time() - 3600
    os.utime(src / "Greeter.java", (hour_ago, hour_ago))
    jar = folder / "greeter.jar"
    subprocess.run(["jar", "--create", "--file", str(jar), "-C", str(classes), "."]
                   + (["-C", str(folder / "src"), "."] if sources_inside else []), check=True)
    if not sources_inside:
        subprocess.run(["jar", "--create", "--file", str(folder / "greeter-sources.jar"), "-C", str(folder / "src"),
                        "."], check=True)
    return jar


@pytest.mark.parametrize("inside", [False, True], ids=["sources-jar-beside", "sources-inside"])
def test_inspect_shows_javadoc_of_an_added_jar_with_sources(tmp_path, inside):
    from conftest import Kernel
    jar = build_documented_jar(tmp_path, inside)
    k = Kernel()
    try:
        reply, _ = k.execute(f"%jars {jar}")
        assert reply["status"] == "ok", reply
        assert k.value('doc.demo.Greeter.greet("Ada")') == "hi Ada"
        text = inspect(k, "doc.demo.Greeter.greet")["data"]["text/plain"]
        assert "A greeting for a learner by name." in text, text
    finally:
        k.stop()


def test_inspect_shows_the_librarys_javadoc(tmp_path):
    """Shift-Tab on a library call shows its Javadoc: lib's build puts dltheory-lib-sources.jar beside
    dltheory-lib.jar, where the kernel looks for an added jar's sources."""
    if not (LIB_JAR.exists() and (LIB_JAR.parent / "dltheory-lib-sources.jar").exists()):
        pytest.skip("lib/target/dltheory-lib.jar or its -sources.jar is not built")
    k = Kernel()
    try:
        reply, _ = k.execute(f"%jars {LIB_JAR}")
        assert reply["status"] == "ok", reply
        text = inspect(k, "dltheory.check.Stats.of")["data"]["text/plain"]
        assert "Stats.of(double[] samples)" in text, text
        assert "Statistics of samples (at least 2), by Welford's update." in text, "Javadoc as text, no {@code …}: " + text
    finally:
        k.stop()


# ---- notebook 00 -----------------------------------------------------------------------------------

def executed_introduction():
    import sys
    sys.path.insert(0, str(ROOT / "tools"))
    import notebooks as runner
    path = ROOT / "notebooks" / "00-introduction.ipynb"
    copy = runner.EXECUTED / path.name
    if not copy.is_file() or copy.stat().st_mtime < path.stat().st_mtime:
        runner.execute(path)
    return json.loads(copy.read_text(encoding="utf-8"))


def test_notebook_00_teaches_the_first_hour_rules():
    """Its section "Java in a notebook" names each rule and its cells show them: the last expression's
    value, printf with no PrintStream, display(x) with no display id, an array's items, Double against
    Number for answers, running a cell again."""
    nb = executed_introduction()
    cells = [("".join(c["source"]), c) for c in nb["cells"]]
    start = next(i for i, (s, c) in enumerate(cells) if c["cell_type"] == "markdown" and s.startswith("## Java in a notebook"))
    end = next(i for i, (s, c) in enumerate(cells) if i > start and c["cell_type"] == "markdown" and s.startswith("## "))
    prose = "\n".join(s for s, c in cells[start:end] if c["cell_type"] == "markdown")
    for rule in ("The last expression is shown", "printf", "display", "`double` and `Double`", "`Number`",
                 "Looking at arrays", "Running cells again", "cannot find symbol"):
        assert rule in prose, f"notebook 00's section Java in a notebook does not mention {rule!r}"

    def outputs(source):
        [cell] = [c for s, c in cells[start:end] if c["cell_type"] == "code" and s.strip() == source.strip()
                  or c["cell_type"] == "code" and s.startswith(source)]
        return [(o["output_type"], "".join(o.get("text") or o.get("data", {}).get("text/plain", "")))
                for o in cell["outputs"]]

    assert outputs("sizes") == [("execute_result", "double[9] { 10.0, 30.0, 100.0, 300.0, 1000.0, 3000.0, 10000.0, "
                                                   "30000.0, 100000.0 }")]
    printed = outputs("System.out.printf(")
    assert [kind for kind, _ in printed] == ["stream"] and "PrintStream" not in printed[0][1], printed
    shown = outputs("display(")
    assert [kind for kind, _ in shown] == ["display_data", "execute_result"] and shown[1][1] == "9", shown
    answers = outputs("double a = 25;")
    assert answers == [("execute_result", "[25.0, 25.0, 25, 0, 0.25]")], answers
    for source, cell in cells:
        for o in cell.get("outputs", []):
            text = "".join(o.get("text") or o.get("data", {}).get("text/plain", ""))
            assert "PrintStream@" not in text and "[D@" not in text, (source, text)
