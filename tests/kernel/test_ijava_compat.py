"""IJava's cell API, declarations that wait for what they use, configuration by environment, life cycle
and inspection (issue 16, items 3-5), through the protocol with the installed kernel."""
import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from conftest import Kernel


def test_printf_prints_and_shows_no_value(kernel):
    reply, outputs = kernel.execute('printf("%d + %d = %d%n", 1, 2, 1 + 2);')
    assert reply["status"] == "ok"
    assert [m["msg_type"] for m in outputs] == ["stream"]
    assert outputs[0]["content"]["text"] == "1 + 2 = 3\n"


def test_eval_runs_code_in_the_session(kernel):
    assert kernel.value('eval("int evalDeclared = 6; evalDeclared * 7")') == "42"
    assert kernel.value("evalDeclared") == "6"
    reply, outputs = kernel.execute('eval("int broken = ;")')
    assert reply["status"] == "error"
    assert "Compilation error" in reply["evalue"] or "Compilation error" in "\n".join(reply["traceback"])


def test_get_kernel_instance_is_the_running_kernel(kernel):
    assert kernel.value("getKernelInstance().getRenderer() != null") == "true"
    assert kernel.value("getKernelInstance() == kernel()") == "true"


IJAVA_RENDERER_CELL = """
import io.github.spencerpark.ijava.IJava;

record Swatch(String colour) {}

IJava.getKernelInstance().getRenderer()
    .createRegistration(Swatch.class)
    .preferring(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_HTML)
    .register((swatch, ctx) -> {
        ctx.renderIfRequested(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_HTML,
            () -> "<span style='color:" + swatch.colour() + "'>" + swatch.colour() + "</span>");
    });
"""


def test_ijava_old_entry_point_registers_a_renderer(kernel):
    """A notebook written for IJava registers an HTML renderer through io.github.spencerpark.ijava.IJava
    and IJava's MIMEType constants, as d2l-java's plot utilities do."""
    reply, _ = kernel.execute(IJAVA_RENDERER_CELL)
    assert reply["status"] == "ok", reply
    reply, outputs = kernel.execute('new Swatch("teal")')
    assert reply["status"] == "ok", reply
    data = outputs[-1]["content"]["data"]
    assert data["text/html"] == "<span style='color:teal'>teal</span>", data


def test_loaded_notebook_registers_a_renderer_through_the_old_entry_point(kernel, tmp_path):
    """d2l-java's layout: a chapter runs `%load ../utils/<notebook>` (no extension), and that notebook
    declares a type's HTML renderer through io.github.spencerpark.ijava.IJava."""
    utils = tmp_path / "utils"
    utils.mkdir()
    (tmp_path / "chapter").mkdir()
    cell = IJAVA_RENDERER_CELL.replace("Swatch", "Tile")
    nb = {"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None, "source": [cell]}],
          "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    (utils / "render-tiles.ipynb").write_text(json.dumps(nb))
    reply, _ = kernel.execute(f"%load {tmp_path}/chapter/../utils/render-tiles")
    assert reply["status"] == "ok", reply
    reply, outputs = kernel.execute('new Tile("olive")')
    assert reply["status"] == "ok", reply
    assert outputs[-1]["content"]["data"]["text/html"] == "<span style='color:olive'>olive</span>"


def test_ijava_old_entry_point_runs_code_and_magics(kernel, tmp_path):
    kernel.execute("import io.github.spencerpark.ijava.*;")
    assert kernel.value('IJava.getKernelInstance().evalRaw("int viaIJava = 5; viaIJava * 3")') == "15"
    assert kernel.value("viaIJava") == "5"
    plain = "io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN"
    same = f'IJava.getKernelInstance().eval("6 * 7").getData({plain}).equals(render(42).getData({plain}))'
    assert kernel.value(same) == "true"
    assert kernel.value('IJava.getKernelInstance().eval("int quiet = 1;") == null') == "true"
    reply, _ = kernel.execute('JavaKernel k = IJava.getKernelInstance(); Object none = k.evalRaw("int nope = ;");')
    assert reply["status"] == "error"
    assert "nope" in "\n".join(reply["traceback"]) + reply["evalue"], reply
    (tmp_path / "part.jsh").write_text("int loadedByMagic = 11;")
    code = f'IJava.getKernelInstance().getMagics().applyLineMagic("load", List.of("{tmp_path / "part.jsh"}"))'
    reply, _ = kernel.execute(code + ";")
    assert reply["status"] == "ok", reply
    assert kernel.value("loadedByMagic") == "11"
    assert kernel.value("IJava.getKernelInstance().getKernel() == getKernelInstance()") == "true"
    reply, _ = kernel.execute('IJava.getKernelInstance().getMagics().getRegistry()'
                              '.registerLineMagic("shout", (kern, args) -> String.join(" ", args).toUpperCase());')
    assert reply["status"] == "ok", reply
    assert kernel.value('IJava.getKernelInstance().getMagics().applyLineMagic("shout", List.of("a", "b"))') == "A B"


def test_display_returns_its_id_but_a_cell_ending_with_it_does_not_show_it(kernel):
    """display(x) returns the display id, as in IJava; unlike IJava, a cell ending with it shows only x."""
    reply, outputs = kernel.execute('display("once");')
    assert [m["msg_type"] for m in outputs] == ["display_data"], outputs
    reply, outputs = kernel.execute('String kept = display("kept");')
    assert kernel.value("kept") == outputs[0]["content"]["transient"]["display_id"], "the id itself still shows"


def test_method_using_a_missing_method_is_accepted_then_works(kernel):
    reply, outputs = kernel.execute("double circleArea(double r) { return Math.PI * sq(r); }")
    assert reply["status"] == "ok", reply
    assert outputs == []
    reply, _ = kernel.execute("circleArea(1)")
    assert reply["status"] == "error"
    assert "sq(double)" in reply["evalue"], reply["evalue"]
    kernel.execute("double sq(double x) { return x * x; }")
    assert kernel.value("circleArea(2) / Math.PI") == "4.0"


def test_class_using_a_missing_class_is_accepted_then_works(kernel):
    reply, _ = kernel.execute("class Orchard { Tree tree = new Tree(); int height() { return tree.height; } }")
    assert reply["status"] == "ok", reply
    reply, _ = kernel.execute("new Orchard().height()")
    assert reply["status"] == "error"
    assert any("class Orchard cannot be used until" in line for line in reply["traceback"]), reply["traceback"]
    kernel.execute("class Tree { int height = 7; }")
    assert kernel.value("new Orchard().height()") == "7"


@pytest.mark.parametrize("cursor", [0, 2, 4, 5, 7, 9])
def test_inspection_anywhere_in_a_name(kernel, cursor):
    code = "Math.sqrt(2.0)"
    msg_id = kernel.kc.inspect(code, cursor)
    content = kernel.reply_to(msg_id)["content"]
    assert content["found"], (cursor, content)
    expected = "Math" if cursor <= 4 else "sqrt(double"
    assert expected in content["data"]["text/plain"], (cursor, content["data"])


def test_settings_from_the_environment(tmp_path):
    classes = tmp_path / "classes"
    src = tmp_path / "src" / "envpkg"
    src.mkdir(parents=True)
    (src / "Greeting.java").write_text("package envpkg; public class Greeting { public static String hi() { return \"hi\"; } }")
    subprocess.run(["javac", "-d", str(classes), str(src / "Greeting.java")], check=True)
    (tmp_path / "first.jsh").write_text("int fromFile = 20;")
    k = Kernel(env={
        "IJAVA_CLASSPATH": str(classes),
        "IJAVA_STARTUP_SCRIPTS_PATH": str(tmp_path / "*.jsh"),
        "IJAVA_STARTUP_SCRIPT": "int fromIjava = 1;",
        "JJAVA_STARTUP_SCRIPT": "int fromScript = fromFile + 2;",   # the JJAVA_ name wins
        "JJAVA_TIMEOUT": "2 SECONDS",
        "IJAVA_COMPILER_OPTS": "-Xlint:deprecation",
    })
    try:
        assert k.value("envpkg.Greeting.hi()") == "hi"
        assert k.value("fromScript") == "22"
        reply, _ = k.execute("fromIjava")
        assert reply["status"] == "error", "IJAVA_STARTUP_SCRIPT should lose to JJAVA_STARTUP_SCRIPT"
        start = time.monotonic()
        reply, _ = k.execute("while (true) { }")
        assert reply["status"] == "error"
        assert reply["ename"] == "EvaluationTimeoutException", reply
        assert time.monotonic() - start < 30
        assert k.value("1 + 1") == "2"
    finally:
        k.stop()


def test_kernel_exits_when_its_parent_dies(tmp_path):
    """jupyter_client sets JPY_PARENT_PID to the launching process; the kernel ends when it dies."""
    pid_file = tmp_path / "kernel.pid"
    launcher = textwrap.dedent(f"""
        import time
        from jupyter_client.manager import KernelManager
        km = KernelManager(kernel_name="java")
        km.start_kernel()
        kc = km.client(); kc.start_channels(); kc.wait_for_ready(timeout=60)
        open({str(pid_file)!r}, "w").write(str(km.provisioner.pid))
        time.sleep(600)
    """)
    parent = subprocess.Popen([sys.executable, "-c", launcher], env=os.environ.copy())
    try:
        deadline = time.monotonic() + 90
        while not (pid_file.exists() and pid_file.read_text()):
            assert parent.poll() is None, "the launcher died"
            assert time.monotonic() < deadline, "kernel did not start"
            time.sleep(0.2)
        kernel_pid = int(pid_file.read_text())
        os.kill(kernel_pid, 0)
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                os.kill(kernel_pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.2)
        os.kill(kernel_pid, signal.SIGKILL)
        pytest.fail("the kernel outlived its parent by 20 s")
    finally:
        if parent.poll() is None:
            parent.kill()


def test_first_completion_latency_benchmark(capsys):
    """Not a timed assertion: prints the first completion's round trip after start (see
    bench/kernel/bench_completion.py for the benchmark)."""
    k = Kernel()
    try:
        k.value("1 + 1")
        time.sleep(2)
        code = "System.out.pr"
        t = time.perf_counter()
        content = k.reply_to(k.kc.complete(code, len(code)))["content"]
        first = (time.perf_counter() - t) * 1000
        assert "println(" in content["matches"]
        t = time.perf_counter()
        content = k.reply_to(k.kc.complete("Ma", 2))["content"]
        second = (time.perf_counter() - t) * 1000
        assert any(m.startswith("Math") for m in content["matches"])
        with capsys.disabled():
            print(f"\n[benchmark] first completion {first:.0f} ms, first identifier completion {second:.0f} ms "
                  f"(load average {os.getloadavg()[0]:.1f})")
    finally:
        k.stop()
