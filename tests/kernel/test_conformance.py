"""jupyter_kernel_test conformance suite with Java samples.

Skipped by design (the kernel has no such feature): test_pager (no pager payloads),
test_clear_output (IJava/JJava define no clear-output function for cells).
"""
import unittest

import jupyter_kernel_test as jkt


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


if __name__ == "__main__":
    unittest.main()
