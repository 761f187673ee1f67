"""The kernel survives what notebook cells do wrong; each case runs on JDK 17 and on JDK 25.

Interrupts arrive as ``interrupt_request`` on the control channel (``interrupt_mode`` is
``message``). Behaviour with a loop that catches Throwable: the interrupt makes every loop
back-edge and method entry of cell code throw, so such a loop still stops at its next
iteration; if a cell is stuck in library code that ignores interrupts, the kernel abandons
that thread after 0.5 s, answers with the interrupt error and carries on with a new thread.
"""
import time

INTERRUPT_BOUND_S = 1.0


def run_and_interrupt(k, setup, body):
    """Runs a cell made of ``setup`` and a block that prints a marker and then runs ``body``; once
    the marker arrives (the body is running), sends an interrupt. Returns (reply content, seconds
    from the interrupt to the reply)."""
    code = setup + '\n{\n  System.out.println("cell-started");\n' + body + "\n}"
    msg_id = k.kc.execute(code)
    deadline = time.monotonic() + 60
    while True:
        msg = k.kc.get_iopub_msg(timeout=max(0.1, deadline - time.monotonic()))
        if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream"
                and "cell-started" in msg["content"]["text"]):
            break
    time.sleep(0.2)
    sent = time.monotonic()
    k.km.interrupt_kernel()
    reply = k.reply_to(msg_id, timeout=30)
    return reply["content"], time.monotonic() - sent


def test_cpu_bound_loop_is_interrupted_within_one_second(any_jdk_kernel):
    k = any_jdk_kernel
    k.execute("long kept = 41;")
    reply, latency = run_and_interrupt(k, "long spins = 0;", "while (true) { spins++; }")
    assert reply["status"] == "error"
    assert "interrupted" in reply["evalue"]
    assert latency < INTERRUPT_BOUND_S, f"reply came {latency:.3f}s after the interrupt"
    assert k.value("kept + 1") == "42"


def test_sleep_is_interrupted(any_jdk_kernel):
    k = any_jdk_kernel
    reply, latency = run_and_interrupt(k, "", "Thread.sleep(60_000);")
    assert reply["status"] == "error"
    assert reply["ename"] in ("InterruptedException",)
    assert latency < INTERRUPT_BOUND_S
    assert k.value("2 + 2") == "4"


def test_loop_catching_throwable_still_stops(any_jdk_kernel):
    k = any_jdk_kernel
    body = "while (true) {\n  try { Thread.sleep(5); } catch (Throwable t) { caught++; }\n}"
    reply, latency = run_and_interrupt(k, "long caught = 0;", body)
    assert reply["status"] == "error"
    assert "interrupted" in reply["evalue"]
    assert latency < INTERRUPT_BOUND_S
    # the kernel answers other requests and keeps the state the cell made
    msg_id = k.kc.kernel_info()
    assert k.reply_to(msg_id, timeout=10)["content"]["status"] == "ok"
    assert int(k.value("caught")) >= 1


def test_cell_blocked_uninterruptibly_is_abandoned(any_jdk_kernel):
    k = any_jdk_kernel
    reply, latency = run_and_interrupt(
        k, "", "new java.util.concurrent.Semaphore(0).acquireUninterruptibly();")
    assert reply["status"] == "error"
    assert "interrupted" in reply["evalue"]
    assert latency < INTERRUPT_BOUND_S
    assert k.value('"still " + "here"') == "still here"


def test_interrupt_between_cells_does_not_affect_the_next_cell(any_jdk_kernel):
    k = any_jdk_kernel
    k.km.interrupt_kernel()
    time.sleep(0.2)
    assert k.value("10 * 10") == "100"


def test_stack_overflow_is_an_error(any_jdk_kernel):
    k = any_jdk_kernel
    reply, _ = k.execute("int deeper(int n) { return deeper(n + 1) + 1; }\ndeeper(0)")
    assert reply["status"] == "error"
    assert reply["ename"] == "StackOverflowError"
    assert k.value("3 + 4") == "7"


def test_out_of_memory_is_an_error(any_jdk_kernel):
    k = any_jdk_kernel
    reply, _ = k.execute(
        "{ var hog = new ArrayList<long[]>(); while (true) hog.add(new long[1 << 20]); }", timeout=120)
    assert reply["status"] == "error"
    assert reply["ename"] == "OutOfMemoryError"
    assert k.value("new long[1 << 20].length") == str(1 << 20)


def test_system_exit_is_refused(any_jdk_kernel):
    k = any_jdk_kernel
    k.execute("int survivor = 5;")
    reply, _ = k.execute("System.exit(3);")
    assert reply["status"] == "error"
    assert reply["ename"] == "ExitNotAllowedException"
    assert "not allowed in a notebook cell" in reply["evalue"]
    reply, _ = k.execute("Runtime.getRuntime().exit(1);")
    assert reply["ename"] == "ExitNotAllowedException"
    assert k.value("survivor") == "5"
    assert k.km.is_alive()


def test_bad_cell_then_good_cell(any_jdk_kernel):
    k = any_jdk_kernel
    reply, _ = k.execute("this is not java")
    assert reply["status"] == "error"
    assert k.value('"ok"') == "ok"
