"""The kernel's own `dltheory_reset_request`: a new notebook in the same kernel process.

bin/site runs notebook after notebook in each of its kernels (tools/execution.py, KeptKernel) and
sends this request between them. After it, nothing of the cells before may be left: variables,
imports, the classes of `%jars` and their static fields, the execution count; and the kernel still
runs, prints, renders and stops a cell as a new process does.
"""
from pathlib import Path

from conftest import Kernel
from test_robustness import INTERRUPT_BOUND_S, run_and_interrupt

LIB_JAR = Path(__file__).resolve().parents[2] / "lib" / "target" / "dltheory-lib.jar"


def reset(k):
    request = k.kc.session.msg("dltheory_reset_request", {})
    k.kc.shell_channel.send(request)
    return k.reply_to(request["header"]["msg_id"])


def error_text(reply):
    return reply["ename"] + ": " + reply["evalue"] + "\n" + "\n".join(reply.get("traceback", []))


def test_a_reset_forgets_every_cell_and_keeps_the_process():
    k = Kernel()
    try:
        k.execute(f"%jars {LIB_JAR}")
        pid = k.value("ProcessHandle.current().pid()")
        lib_class = k.value("System.identityHashCode(dltheory.check.Arguments.class)")
        assert k.value("import java.util.concurrent.atomic.AtomicInteger;\n"
                       "AtomicInteger counter = new AtomicInteger(41);\ncounter.incrementAndGet()") == "42"

        reply = reset(k)
        assert reply["msg_type"] == "dltheory_reset_reply" and reply["content"]["status"] == "ok", reply

        forgotten, _ = k.execute("counter")
        assert forgotten["status"] == "error" and "cannot find symbol" in error_text(forgotten), forgotten
        assert forgotten["execution_count"] == 1, "the execution count did not start again"
        unimported, _ = k.execute("new AtomicInteger()")
        assert unimported["status"] == "error" and "AtomicInteger" in error_text(unimported), unimported
        off_path, _ = k.execute("dltheory.check.Arguments.class")
        assert off_path["status"] == "error", "the jar of %jars is still on the class path after the reset"

        k.execute(f"%jars {LIB_JAR}")
        assert k.value("System.identityHashCode(dltheory.check.Arguments.class)") != lib_class, \
            "the jar's classes (and so their static fields) were not loaded anew"
        assert k.value("ProcessHandle.current().pid()") == pid, "the reset started another process"
        _, printed = k.execute('System.out.println("still printing");')
        assert any("still printing" in m["content"].get("text", "") for m in printed), printed
    finally:
        k.stop()


def test_a_cell_after_a_reset_is_interrupted_as_before():
    k = Kernel()
    try:
        k.value("int before = 1; before")
        assert reset(k)["content"]["status"] == "ok"
        reply, latency = run_and_interrupt(k, "long spins = 0;", "while (true) { spins++; }")
        assert reply["status"] == "error", reply
        assert latency < INTERRUPT_BOUND_S, f"the interrupt took {latency:.2f} s"
        assert k.value("2 + 2") == "4"
    finally:
        k.stop()
