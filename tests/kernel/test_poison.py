"""Cells that used to break every later cell, or failed without the notebook showing why.

The kernel is started for this module alone: before the fixes, these cells left it unusable.
"""
import os
from pathlib import Path

import pytest

from conftest import Kernel


@pytest.fixture(scope="module")
def k():
    kernel = Kernel()
    yield kernel
    kernel.stop()


def errors(outputs):
    return [m["content"] for m in outputs if m["msg_type"] == "error"]


def stdout(outputs):
    return "".join(m["content"]["text"] for m in outputs
                   if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")


def assert_shown(reply, outputs):
    """An error reply is also published on IOPub (what the notebook shows), with the same name."""
    assert reply["status"] == "error", reply
    shown = errors(outputs)
    assert [e["ename"] for e in shown] == [reply["ename"]], (reply, outputs)
    return shown[0]


@pytest.mark.parametrize("content", [b"", b"<html><body>404 Not Found</body></html>",
                                     b"PK\x03\x04\x14\x00\x00\x00\x08\x00truncated"],
                         ids=["empty", "html", "truncated-zip"])
def test_jars_refuses_a_file_that_is_not_a_jar(k, tmp_path, content):
    bad = tmp_path / "download.jar"
    bad.write_bytes(content)
    reply, outputs = k.execute(f"%jars {bad}")
    shown = assert_shown(reply, outputs)
    assert "not a jar" in shown["evalue"] and str(bad) in shown["evalue"], shown
    assert k.value("1 + 1") == "2"
    assert k.value('new ArrayList<>(List.of("ok")).get(0)') == "ok"


def test_jars_of_a_folder_is_refused_with_advice(k, tmp_path):
    reply, outputs = k.execute(f"%jars {tmp_path}")
    shown = assert_shown(reply, outputs)
    assert "folder" in shown["evalue"] and "%classpath" in shown["evalue"], shown
    assert k.value("2 + 2") == "4"


def test_jars_glob_says_what_it_added(k, tmp_path):
    import zipfile
    for name in ("a.jar", "b.jar"):
        with zipfile.ZipFile(tmp_path / name, "w") as z:
            z.writestr("p/R" + name[0] + ".txt", "x")
    reply, outputs = k.execute(f"%jars {tmp_path}/*.jar")
    assert reply["status"] == "ok", reply
    text = stdout(outputs)
    assert "a.jar" in text and "b.jar" in text, outputs


def test_jars_of_one_named_file_says_what_it_added_as_the_notebook_names_it(k, tmp_path):
    # A notebook's ../lib/target/dltheory-lib.jar is shown so, relative to the kernel's working folder
    # (the same line on every machine), not as an absolute path; a far file keeps its absolute path.
    import zipfile
    here = Path(k.value('System.getProperty("user.dir")').strip('"'))
    near = here.parent / "near-poison-test.jar"
    try:
        with zipfile.ZipFile(near, "w") as z:
            z.writestr("p/near.txt", "x")
        reply, outputs = k.execute(f"%jars {near}")
        assert reply["status"] == "ok", reply
        shown = "../near-poison-test.jar" if len(here.parts) > 2 else str(near)  # "/near…" is shorter at /tmp
        assert stdout(outputs).strip() == f"%jars added 1 jar: {shown}", outputs
    finally:
        near.unlink()
    # a file elsewhere: relative only if that is shorter than its absolute path
    far = tmp_path / "far.jar"
    with zipfile.ZipFile(far, "w") as z:
        z.writestr("p/far.txt", "x")
    reply, outputs = k.execute(f"%jars {far}")
    relative = os.path.relpath(far, here)
    shown = relative if len(relative) < len(str(far)) else str(far)
    assert stdout(outputs).strip() == f"%jars added 1 jar: {shown}", outputs


@pytest.mark.parametrize("text, reason", [
    ("x" * 70000, "constant string too long"),
    # 40,000 characters but 80,000 bytes in the class file's UTF-8: javac's other wording
    ("\u00e9" * 40000, "is too long for the constant pool"),
    ('"""\n' + ("y" * 100 + "\n") * 700 + '"""', "constant string too long"),
], ids=["ascii", "two-byte-characters", "text-block"])
def test_string_constant_too_long_is_reported_and_the_kernel_goes_on(k, text, reason):
    literal = text if text.startswith('"""') else '"' + text + '"'
    reply, outputs = k.execute("String big = " + literal + ";")
    shown = assert_shown(reply, outputs)
    assert reason in shown["evalue"] + "\n".join(shown["traceback"]), shown
    assert k.value("1 + 1") == "2"
    assert k.value('"small".length()') == "5"


def test_method_too_large_says_code_too_large(k):
    body = "\n".join(f"  x += {i} * x + {i};" for i in range(12000))
    reply, outputs = k.execute("long huge(long x) {\n" + body + "\n  return x;\n}")
    shown = assert_shown(reply, outputs)
    assert "code too large" in shown["evalue"] + "\n".join(shown["traceback"]), shown
    assert k.value("3 + 3") == "6"


def test_pasted_array_too_large_says_code_too_large(k):
    """Data pasted as an array initializer (20,000 numbers) is compiled into one method."""
    reply, outputs = k.execute("double[] pasted = {" + ", ".join(f"{i}.5" for i in range(20000)) + "};")
    shown = assert_shown(reply, outputs)
    assert "code too large" in shown["evalue"], shown
    assert k.value("4 + 4") == "8"


@pytest.mark.parametrize("thrown", ["AssertionError", "IllegalStateException"])
def test_error_while_showing_a_value_reaches_the_notebook(k, thrown):
    """A value whose toString() throws: the error (an Error too) is published on IOPub, not only
    in the reply, and the kernel goes on."""
    code = f'new Object() {{ public String toString() {{ throw new {thrown}("no text"); }} }}'
    reply, outputs = k.execute(code)
    shown = assert_shown(reply, outputs)
    assert (shown["ename"], shown["evalue"]) == (thrown, "no text"), shown
    assert k.value("5 + 5") == "10"


def test_exception_whose_causes_form_a_cycle_is_named(k):
    """A cause chain that loops (a.initCause(b) with b caused by a) is reported as what was thrown,
    each cause once; JShell's copy of the exception recursed on it and the cell showed only
    StackOverflowError."""
    reply, outputs = k.execute('Exception a = new Exception("first"); Exception b = new Exception("second", a);\n'
                               'a.initCause(b);\nthrow new IllegalStateException("looped", a);')
    shown = assert_shown(reply, outputs)
    assert (shown["ename"], shown["evalue"]) == ("IllegalStateException", "looped"), shown
    causes = [line for line in shown["traceback"] if line.startswith("Caused by: ")]
    assert causes == ["Caused by: java.lang.Exception: first", "Caused by: java.lang.Exception: second"], shown
    assert k.value("8 + 8") == "16"


def test_closing_system_out_does_not_silence_later_cells(k):
    reply, _ = k.execute("System.out.close();")
    assert reply["status"] == "ok", reply
    _, outputs = k.execute('System.out.println("after close");')
    assert "after close" in stdout(outputs)
    k.execute("System.setOut(new PrintStream(OutputStream.nullOutputStream()));")
    _, outputs = k.execute('System.out.println("after setOut");')
    assert "after setOut" in stdout(outputs)
    k.execute("System.err.close();")
    _, outputs = k.execute('System.err.println("err after close");')
    assert any("err after close" in m["content"]["text"] for m in outputs if m["msg_type"] == "stream")


def test_redeclared_class_names_the_variable_it_resets(k):
    k.execute("class Box { int v = 1; }")
    k.execute("Box b = new Box();")
    reply, outputs = k.execute("class Box { int v = 2; int w = 3; }")
    assert reply["status"] == "ok", reply
    text = "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream")
    assert "variable b was reset to null because class Box was redeclared" in text, outputs
    # the replaced declaration is not broken: no note says the class no longer compiles
    assert "no longer compiles" not in text, text


def test_method_whose_dependency_changed_type_names_it(k):
    k.execute("int dep = 1;")
    k.execute("int twice() { return dep * 2; }")
    k.execute('String dep = "now a string";')
    reply, outputs = k.execute("twice()")
    shown = assert_shown(reply, outputs)
    # names the method, the declaration that changed and javac's reason (it said "uses undefined" and
    # listed nothing)
    assert shown["evalue"].startswith("method twice no longer compiles since var dep changed: "), shown
    assert "bad operand types" in shown["evalue"] and "undefined" not in shown["evalue"], shown


@pytest.mark.parametrize("code", [
    'System.class.getMethod("exit", int.class).invoke(null, 3);',
    'Runtime.class.getDeclaredMethod("halt", int.class).invoke(Runtime.getRuntime(), 3);',
    # getMethods() leaves exit out: the search finds nothing
    'java.util.Arrays.stream(System.class.getMethods()).filter(m -> m.getName().equals("exit"))'
    '.findFirst().orElseThrow(() -> new SecurityException("exit not allowed: not listed")).invoke(null, 3);',
    'java.lang.invoke.MethodHandles.lookup().findStatic(System.class, "exit", '
    'java.lang.invoke.MethodType.methodType(void.class, int.class)).invoke(3);',
    'java.lang.invoke.MethodHandles.lookup().findVirtual(Runtime.class, "exit", '
    'java.lang.invoke.MethodType.methodType(void.class, int.class)).invoke(Runtime.getRuntime(), 3);',
    'java.util.function.IntConsumer f = System::exit; f.accept(3);',
    'java.util.function.IntConsumer g = Runtime.getRuntime()::halt; g.accept(3);',
    # reflection applied to the reflection API: each found a real Method or MethodHandle for exit
    '((java.lang.reflect.Method) Class.class.getMethod("getMethod", String.class, Class[].class)'
    '.invoke(System.class, "exit", new Class<?>[] {int.class})).invoke(null, 3);',
    'java.util.Arrays.stream((java.lang.reflect.Method[]) Class.class.getMethod("getMethods").invoke(System.class))'
    '.filter(m -> m.getName().equals("exit")).findFirst().get().invoke(null, 3);',
    '((java.lang.invoke.MethodHandle) java.lang.invoke.MethodHandles.Lookup.class.getMethod("findStatic", Class.class,'
    ' String.class, java.lang.invoke.MethodType.class).invoke(java.lang.invoke.MethodHandles.lookup(), System.class,'
    ' "exit", java.lang.invoke.MethodType.methodType(void.class, int.class))).invoke(3);',
    'java.lang.invoke.MethodHandle inv = java.lang.invoke.MethodHandles.lookup().findVirtual('
    'java.lang.reflect.Method.class, "invoke", java.lang.invoke.MethodType.methodType(Object.class, Object.class,'
    ' Object[].class));\n'
    'inv.invoke(Runtime.class.getMethods()[0], Runtime.getRuntime(), new Object[0]);',
    'java.util.function.Function<Class<?>, java.lang.reflect.Method[]> all = Class::getMethods;\n'
    'java.util.Arrays.stream(all.apply(System.class)).filter(m -> m.getName().equals("exit")).findFirst()'
    '.orElseThrow(() -> new SecurityException("exit not allowed: not listed")).invoke(null, 3);',
], ids=["getMethod", "getDeclaredMethod-halt", "getMethods", "findStatic", "findVirtual",
        "method-reference", "bound-method-reference", "reflective-getMethod", "reflective-getMethods",
        "reflective-findStatic", "handle-to-Method.invoke", "reference-to-getMethods"])
def test_exit_through_reflection_or_method_handle_is_refused(k, code):
    reply, outputs = k.execute(code)
    shown = assert_shown(reply, outputs)
    assert "not allowed" in shown["evalue"] or "ExitNotAllowed" in shown["ename"], shown
    assert k.value("7 * 6") == "42"


def test_reflection_runs_as_the_cell_that_calls_it(k):
    """Method.invoke is checked in the cell's own code, not called on its behalf: a package-private
    method of a cell's class and a caller-sensitive method (Class.forName finds cell classes) still work."""
    k.execute("class Hidden { int secret() { return 41; } }")
    assert k.value('Hidden.class.getDeclaredMethod("secret").invoke(new Hidden())') == "41"
    assert k.value('((Class<?>) Class.class.getMethod("forName", String.class)'
                   '.invoke(null, Hidden.class.getName())).getSimpleName()') == "Hidden"
    assert k.value('Class.class.getMethod("getSimpleName").invoke(String.class)') == "String"


def test_reflection_on_other_methods_still_works(k):
    assert k.value('String.class.getMethod("length").invoke("abcd")') == "4"
    assert k.value('java.lang.invoke.MethodHandles.lookup().findVirtual(String.class, "length", '
                   'java.lang.invoke.MethodType.methodType(int.class)).invoke("abc")') == "3"
    assert k.value("(int) java.util.Arrays.stream(Math.class.getMethods())"
                   ".filter(m -> m.getName().equals(\"abs\")).count()") == "4"


def test_a_bad_jar_in_the_start_up_class_path_is_named_and_the_kernel_works(tmp_path):
    """IJAVA_CLASSPATH naming an HTML page saved as a jar: the first cell says so, and runs."""
    bad = tmp_path / "saved-page.jar"
    bad.write_bytes(b"<html><body>404 Not Found</body></html>")
    other = Kernel(env={"IJAVA_CLASSPATH": str(bad)})
    try:
        reply, outputs = other.execute("1 + 1")
        assert reply["status"] == "ok", reply
        said = "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream")
        assert "not a jar" in said and str(bad) in said, outputs
        assert other.value('new ArrayList<>(List.of("ok")).get(0)') == "ok"
    finally:
        other.stop()
