"""Cell execution through the protocol: results, display, streams, errors, magics."""
import base64
import re
import time
from pathlib import Path


def test_last_expression_is_execute_result(kernel):
    assert kernel.value("int a = 40;\nint b = 2;\na + b") == "42"


def test_semicolon_does_not_hide_the_result(kernel):
    """As in IJava and JJava: the value of the last expression shows, ';' or not."""
    assert kernel.value("1 + 1;") == "2"
    assert kernel.value("int semi = 4;\nsemi * 2;   // doubled") == "8"


def test_statements_void_calls_and_assignments_show_nothing(kernel):
    for code in ('System.out.print("");', "int assignedLater = 0;\nassignedLater = 3;", "int declared = 5;",
                 "for (int i = 0; i < 2; i++) { }"):
        reply, outputs = kernel.execute(code)
        assert reply["status"] == "ok", reply
        assert [m for m in outputs if m["msg_type"] == "execute_result"] == [], code


def test_state_is_kept_between_cells(kernel):
    kernel.execute("var names = new ArrayList<String>();")
    kernel.execute('names.add("x");')
    assert kernel.value("names.size()") == "1"


def test_display_publishes_display_data_with_an_id(kernel):
    reply, outputs = kernel.execute('String id = display("shown");')
    assert reply["status"] == "ok"
    [msg] = outputs
    assert msg["msg_type"] == "display_data"
    assert msg["content"]["data"]["text/plain"] == "shown"
    display_id = msg["content"]["transient"]["display_id"]
    assert kernel.value("id") == display_id


def test_update_display_targets_the_id(kernel):
    reply, outputs = kernel.execute('String d = display("one");\nupdateDisplay(d, "two");')
    assert reply["status"] == "ok"
    assert [m["msg_type"] for m in outputs] == ["display_data", "update_display_data"]
    assert outputs[1]["content"]["transient"]["display_id"] == outputs[0]["content"]["transient"]["display_id"]
    assert outputs[1]["content"]["data"]["text/plain"] == "two"


def test_display_with_mime_types_and_render(kernel):
    code = ('var d = new org.dflib.jjava.jupyter.kernel.display.DisplayData();\n'
            'd.putHTML("<b>bold</b>");\ndisplay(d);\nrender(42).getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN)')
    reply, outputs = kernel.execute(code)
    assert reply["status"] == "ok", reply
    assert outputs[0]["content"]["data"]["text/html"] == "<b>bold</b>"
    assert outputs[1]["content"]["data"]["text/plain"] == "42"


def test_stdout_streams_while_the_cell_runs(kernel):
    code = 'for (int i = 0; i < 3; i++) { System.out.println("tick " + i); Thread.sleep(400); }'
    reply, outputs = kernel.execute(code)
    assert reply["status"] == "ok"
    ticks = [m for m in outputs if m["msg_type"] == "stream"]
    text = "".join(m["content"]["text"] for m in ticks)
    assert text == "tick 0\ntick 1\ntick 2\n"
    # each line is published on its own, while the cell is still sleeping
    assert len(ticks) == 3


def test_stderr_is_a_separate_stream(kernel):
    reply, outputs = kernel.execute('System.err.println("warn"); System.out.println("info");')
    names = {m["content"]["name"]: m["content"]["text"] for m in outputs}
    assert names == {"stderr": "warn\n", "stdout": "info\n"}


def test_compile_error_shows_message_line_and_caret(kernel):
    reply, outputs = kernel.execute("int fine = 1;\nint broken = undefinedThing * 2;")
    assert reply["status"] == "error"
    assert reply["ename"] == "CompilationException"
    assert "cannot find symbol" in reply["evalue"]
    tb = reply["traceback"]
    assert "line 2" in tb[0]
    assert tb[1] == "    int broken = undefinedThing * 2;"
    assert tb[2] == "                 " + "^" * len("undefinedThing")
    assert [m["msg_type"] for m in outputs] == ["error"]


def test_runtime_error_has_simple_name_and_trimmed_traceback(kernel):
    code = 'int[] small = new int[2];\nint get(int i) { return small[i]; }\nget(5)'
    reply, _ = kernel.execute(code)
    assert reply["status"] == "error"
    assert reply["ename"] == "ArrayIndexOutOfBoundsException"
    assert "5" in reply["evalue"]
    tb = "\n".join(reply["traceback"])
    assert "get (cell [" in tb and "line 2)" in tb
    for internal in ("jdk.jshell", "dltheory.kernel", "java.lang.reflect", "jdk.internal"):
        assert internal not in tb


def test_cells_cannot_see_kernel_dependencies(kernel):
    for name in ("com.google.gson.Gson", "org.zeromq.ZMQ", "org.slf4j.Logger"):
        reply, _ = kernel.execute(f'Class.forName("{name}")')
        assert reply["ename"] == "ClassNotFoundException", name
    reply, _ = kernel.execute("org.slf4j.Logger log = null;")
    assert reply["ename"] == "CompilationException"


def test_unknown_magic_lists_the_known_ones(kernel):
    reply, _ = kernel.execute("%nosuchmagic arg")
    assert reply["status"] == "error"
    for known in ("%jars", "%classpath", "%load", "%time", "%%time", "%maven", "%mavenRepo", "%%loadFromPOM"):
        assert known in reply["evalue"]


def time_report(outputs):
    """The text of %time's display_data (JJava's format), or None."""
    for m in outputs:
        text = m["content"].get("data", {}).get("text/plain", "")
        if m["msg_type"] == "display_data" and "Wall time:" in text:
            return text
    return None


def test_time_magics_show_cpu_and_wall_time(kernel):
    reply, outputs = kernel.execute("%%time\nint slept = 1;\nThread.sleep(200);\nslept + 1")
    assert reply["status"] == "ok"
    report = time_report(outputs)
    assert re.fullmatch(r"CPU times: user \d+\.\d{3} s, sys \d+\.\d{3} s, total \d+\.\d{3} s\nWall time: \d+\.\d{3} s",
                        report), report
    wall = float(re.search(r"Wall time: (\S+) s", report).group(1))
    cpu = float(re.search(r"total (\S+) s", report).group(1))
    assert wall >= 0.2, report  # the sleep is timed
    assert cpu < wall, report  # sleeping takes no CPU
    assert [m for m in outputs if m["msg_type"] == "execute_result"][0]["content"]["data"]["text/plain"] == "2"
    reply, outputs = kernel.execute("%time 6 * 7")
    assert time_report(outputs) is not None
    assert [m for m in outputs if m["msg_type"] == "execute_result"][0]["content"]["data"]["text/plain"] == "42"


def test_load_runs_a_source_file(kernel, tmp_path):
    src = tmp_path / "helper.jshell"
    src.write_text("int helper(int x) { return x * 10; }\n")
    reply, _ = kernel.execute(f'%load "{src}"')
    assert reply["status"] == "ok", reply
    assert kernel.value("helper(4)") == "40"


def test_jars_adds_a_jar_and_installs_its_extension(kernel, tmp_path):
    jar = build_extension_jar(tmp_path)
    reply, _ = kernel.execute(f"%jars {tmp_path}/*.jar")
    assert reply["status"] == "ok", reply
    reply, outputs = kernel.execute("new demo.Point(3, 4)")
    assert reply["status"] == "ok", reply
    data = outputs[0]["content"]["data"]
    assert data["text/html"] == "<i>(3, 4)</i>"
    assert jar.exists()


def test_jars_with_a_missing_file_is_an_error(kernel):
    reply, _ = kernel.execute("%jars /nonexistent/*.jar")
    assert reply["status"] == "error"
    assert "no file matches" in reply["evalue"]


def build_extension_jar(folder: Path) -> Path:
    """Compiles a tiny jar with a class and an Extension that registers an HTML renderer for it."""
    import subprocess
    from conftest import kernel_jar
    src = folder / "src" / "demo"
    src.mkdir(parents=True)
    (src / "Point.java").write_text(
        "package demo; public record Point(int x, int y) {}\n")
    (src / "PointDisplay.java").write_text(
        "package demo;\n"
        "import org.dflib.jjava.jupyter.Extension;\n"
        "import org.dflib.jjava.jupyter.kernel.BaseKernel;\n"
        "public class PointDisplay implements Extension {\n"
        "  public void install(BaseKernel k) {\n"
        "    k.getRenderer().createRegistration(Point.class).preferring(\"text/html\").supporting(\"text/html\")\n"
        "      .register((p, ctx) -> ctx.renderIfRequested(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_HTML,\n"
        "        () -> \"<i>(\" + p.x() + \", \" + p.y() + \")</i>\"));\n"
        "  }\n"
        "}\n")
    classes = folder / "classes"
    subprocess.run(["javac", "-d", str(classes), "-cp", kernel_jar(),
                    str(src / "Point.java"), str(src / "PointDisplay.java")], check=True)
    services = classes / "META-INF" / "services"
    services.mkdir(parents=True)
    (services / "org.dflib.jjava.jupyter.Extension").write_text("demo.PointDisplay\n")
    jar = folder / "demo.jar"
    subprocess.run(["jar", "cf", str(jar), "-C", str(classes), "."], check=True)
    return jar


def test_cells_queued_behind_a_failed_cell_are_aborted(kernel):
    """Run All: once a cell fails, the cells already sent are answered 'aborted' and do not run."""
    kernel.execute("int ranAfterFailure = 0;")
    # the failing cell runs for half a second, so that the two cells sent after it are queued in the
    # kernel when it fails even on a loaded machine (a test client descheduled between its sends
    # would otherwise send them after the failure, and they would rightly run)
    failing = kernel.kc.execute('Thread.sleep(500); throw new IllegalStateException("stop here");')
    queued = [kernel.kc.execute("ranAfterFailure++;") for _ in range(2)]
    assert kernel.reply_to(failing)["content"]["status"] == "error"
    assert [kernel.reply_to(m)["content"]["status"] for m in queued] == ["aborted", "aborted"]
    kernel.drain_iopub()
    assert kernel.value("ranAfterFailure") == "0"


def test_stop_on_error_false_keeps_running_queued_cells(kernel):
    kernel.execute("int ranAnyway = 0;")
    failing = kernel.kc.execute('throw new IllegalStateException("no stop");', stop_on_error=False)
    queued = kernel.kc.execute("ranAnyway++;")
    assert kernel.reply_to(failing)["content"]["status"] == "error"
    assert kernel.reply_to(queued)["content"]["status"] == "ok"
    kernel.drain_iopub()
    assert kernel.value("ranAnyway") == "1"


def collect_iopub(kernel, msg_id):
    """The IOPub messages of a request up to its idle status."""
    messages = []
    while True:
        msg = kernel.kc.get_iopub_msg(timeout=30)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return messages
        messages.append(msg)


def test_scanner_reads_lines_typed_in_the_front_end(kernel):
    """allow_stdin: reading System.in sends input_request (the prompt printed before it is flushed first)."""
    msg_id = kernel.kc.execute('var in = new Scanner(System.in);\nSystem.out.print("Width: ");\n'
                               'int width = Integer.parseInt(in.nextLine());\nString name = in.nextLine();\n'
                               'name + " " + width', allow_stdin=True)
    request = kernel.kc.get_stdin_msg(timeout=30)
    assert request["msg_type"] == "input_request"
    assert request["parent_header"]["msg_id"] == msg_id
    assert request["content"]["password"] is False
    kernel.kc.input("256")
    kernel.kc.get_stdin_msg(timeout=30)
    kernel.kc.input("He")
    assert kernel.reply_to(msg_id)["content"]["status"] == "ok"
    outputs = collect_iopub(kernel, msg_id)
    streams = [m["content"]["text"] for m in outputs if m["msg_type"] == "stream"]
    assert "".join(streams) == "Width: "
    [result] = [m for m in outputs if m["msg_type"] == "execute_result"]
    assert result["content"]["data"]["text/plain"] == "He 256"


def test_without_allow_stdin_input_is_at_its_end(kernel):
    """nbconvert sends allow_stdin false: System.in reads as an empty stream, nothing waits."""
    msg_id = kernel.kc.execute("System.in.read()", allow_stdin=False)
    assert kernel.reply_to(msg_id)["content"]["status"] == "ok"
    [result] = [m for m in collect_iopub(kernel, msg_id) if m["msg_type"] == "execute_result"]
    assert result["content"]["data"]["text/plain"] == "-1"


def test_an_interrupt_ends_a_wait_for_input(kernel):
    msg_id = kernel.kc.execute("new Scanner(System.in).nextLine()", allow_stdin=True)
    assert kernel.kc.get_stdin_msg(timeout=30)["msg_type"] == "input_request"
    start = time.monotonic()
    kernel.km.interrupt_kernel()
    reply = kernel.reply_to(msg_id)["content"]
    assert reply["status"] == "error"
    assert reply["evalue"].startswith("interrupted")
    assert time.monotonic() - start < 1.0
    kernel.drain_iopub()
    assert kernel.value("1 + 1") == "2"


def test_a_thread_left_waiting_for_input_gets_end_of_input_when_its_cell_ends(kernel):
    msg_id = kernel.kc.execute(
        "var got = new java.util.concurrent.CompletableFuture<Integer>();\n"
        "new Thread(() -> { try { got.complete(System.in.read()); } catch (Exception e) { got.completeExceptionally(e); } }).start();\n"
        "Thread.sleep(500);", allow_stdin=True)
    assert kernel.kc.get_stdin_msg(timeout=30)["msg_type"] == "input_request"
    assert kernel.reply_to(msg_id)["content"]["status"] == "ok"
    kernel.drain_iopub()
    assert kernel.value("got.get(5, java.util.concurrent.TimeUnit.SECONDS)") == "-1"
