"""jupyter_kernel_test conformance suite with Java samples.

Skipped by design (the kernel has no such feature): test_pager (no pager payloads),
test_clear_output (IJava/JJava define no clear-output function for cells).
"""
import inspect
import unittest

import jupyter_client.utils
import jupyter_kernel_test as jkt
from jupyter_kernel_test.msgspec_v5 import validate_message


def run_sync(f):
    """`jupyter_client.utils.run_sync` for coroutine functions, `f` itself for plain ones.

    Debian's jupyter_kernel_test 0.4.5 (the one the set-up installs where pip's index lacks the
    package) wraps the blocking client's `get_msg` in `run_sync`; jupyter_client 8.10 (pip's, with
    JupyterLab 4) accepts only coroutine functions there, jupyter_client 7 (Debian's) both.
    """
    return jupyter_client.utils.run_sync(f) if inspect.iscoroutinefunction(f) else f


jkt.run_sync = run_sync

# Upstream waits 0.1 s for each IOPub message after the reply; on a loaded 2-core machine the
# kernel's trailing `idle` status can come later than that, and the test then fails with Empty.
IOPUB_TIMEOUT = 10


class JavaKernelTests(jkt.KernelTests):
    kernel_name = "java"
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("oops");'

    completion_samples = [{"text": "Math.ab", "matches": {"abs(", "absExact("}}]

    complete_code_samples = ["1 + 1", "int x = 1;", 'System.out.println("x");', "%jars a.jar"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "int f(int x) {", "foo(", "int[] a = {1,"]
    invalid_code_samples = ["}", "int x = ;", "else { }"]

    code_generate_error = 'throw new IllegalStateException("boom");'

    code_execute_result = [
        {"code": "1 + 2", "result": "3"},
        {"code": '"a" + "b"', "result": "ab"},
        {"code": "Math.max(3, 9)", "result": "9"},
    ]
    code_display_data = [
        {"code": 'display("shown");', "mime": "text/plain"},
        {"code": "var d = new org.dflib.jjava.jupyter.kernel.display.DisplayData();\n"
                 "d.putHTML(\"<b>x</b>\");\ndisplay(d);", "mime": "text/html"},
    ]

    code_history_pattern = "1?+?2"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "Math.abs"

    def execute_helper(self, code, timeout=jkt.TIMEOUT, silent=False, store_history=True, stop_on_error=True):
        """Upstream's helper with a patient IOPub read: returns (reply, output messages)."""
        msg_id = self.kc.execute(code=code, silent=silent, store_history=store_history,
                                 stop_on_error=stop_on_error)
        reply = self.get_non_kernel_info_reply(timeout=timeout)
        validate_message(reply, "execute_reply", msg_id)
        busy = run_sync(self.kc.iopub_channel.get_msg)(timeout=IOPUB_TIMEOUT)
        validate_message(busy, "status", msg_id)
        self.assertEqual(busy["content"]["execution_state"], "busy")
        outputs = []
        while True:
            msg = run_sync(self.kc.iopub_channel.get_msg)(timeout=IOPUB_TIMEOUT)
            validate_message(msg, msg["msg_type"], msg_id)
            if msg["msg_type"] == "status":
                self.assertEqual(msg["content"]["execution_state"], "idle")
                return reply, outputs
            if msg["msg_type"] != "execute_input":
                outputs.append(msg)


if __name__ == "__main__":
    unittest.main()
