package dltheory.kernel.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorReportsTest {
    private final ErrorReports reports = new ErrorReports(new SnippetOrigins());

    @Test
    void compileErrorHasLineTextAndCaret() {
        String cell = "int a = 1;\nint b = a + nope;";
        int at = cell.indexOf("nope");
        CellError e = reports.compile(new SourceText(cell),
                List.of(new ErrorReports.Problem("cannot find symbol\n  symbol: variable nope", at, at, at + 4)));
        assertEquals("CompilationException", e.ename());
        assertEquals("cannot find symbol", e.evalue());
        assertEquals(List.of("Compilation error, line 2: cannot find symbol", "    int b = a + nope;",
                "                ^^^^", "      symbol: variable nope",
                "`nope` is not defined: is it defined in a cell above that has not been run? Run → Run All Above"),
                e.traceback());
    }

    @Test
    void severalUndefinedNamesGiveOneErrorAndOneHintLine() {
        String cell = "double x = SEED * rng.nextDouble() + Seeded.f(SEED) + (1 + \"a\");";
        List<ErrorReports.Problem> problems = List.of(
                problem(cell, "SEED", "cannot find symbol\n  symbol:   variable SEED\n  location: class"),
                problem(cell, "rng", "cannot find symbol\n  symbol:   variable rng\n  location: class"),
                problem(cell, "Seeded", "cannot find symbol\n  symbol:   variable Seeded\n  location: class"),
                problem(cell, "(1", "bad operand types for binary operator '+'"));
        List<String> tb = reports.compile(new SourceText(cell), problems).traceback();
        assertEquals(1, tb.stream().filter(l -> l.contains("cannot find symbol")).count(), String.join("\n", tb));
        assertTrue(tb.stream().anyMatch(l -> l.contains("bad operand types")), "other errors are all shown");
        assertEquals("`SEED`, `rng` and `Seeded` are not defined: are they defined in a cell above that has not "
                + "been run? Run → Run All Above", tb.get(tb.size() - 1));
        assertEquals("dltheory.random", ErrorReports.missingName("package dltheory.random does not exist"));
        assertEquals("sq", ErrorReports.missingName("cannot find symbol\n  symbol:   method sq(double)\n  location: class"));
        assertEquals(null, ErrorReports.missingName("incompatible types: String cannot be converted to int"));
    }

    @Test
    void aNameWhoseDeclarationWasRejectedNamesItsCellUntilItIsDeclared() {
        String cell = "Exercise.check(EXERCISE_1, answer1, SEED);";
        List<ErrorReports.Problem> problems = List.of(
                problem(cell, "answer1", "cannot find symbol\n  symbol:   variable answer1\n  location: class"),
                problem(cell, "SEED", "cannot find symbol\n  symbol:   variable SEED\n  location: class"));
        ErrorReports own = new ErrorReports(new SnippetOrigins());
        own.declarationRejected("answer1", 7);
        List<String> tb = own.compile(new SourceText(cell), problems).traceback();
        assertEquals(List.of("`answer1` is not defined: cell [7] declares it but did not compile; correct that cell "
                        + "and re-run it, then this one",
                "`SEED` is not defined: is it defined in a cell above that has not been run? Run → Run All Above"),
                tb.subList(tb.size() - 2, tb.size()));
        own.declarationRejected("SEED", 2);
        tb = own.compile(new SourceText(cell), problems).traceback();
        assertEquals("`answer1` (cell [7]) and `SEED` (cell [2]) are not defined: the cells that declare them did not "
                + "compile; correct those cells and re-run them, then this one", tb.get(tb.size() - 1));
        own.declared("answer1");
        own.declared("SEED");
        tb = own.compile(new SourceText(cell), problems).traceback();
        assertEquals("`answer1` and `SEED` are not defined: are they defined in a cell above that has not been run? "
                + "Run → Run All Above", tb.get(tb.size() - 1));
        assertEquals(List.of("Compilation error: variable x uses undefined variable answer1",
                "`answer1` is not defined: is it defined in a cell above that has not been run? Run → Run All Above"),
                own.unresolved("variable x", List.of("variable answer1")).traceback());
    }

    private static ErrorReports.Problem problem(String cell, String at, String message) {
        int i = cell.indexOf(at);
        return new ErrorReports.Problem(message, i, i, i + at.length());
    }

    @Test
    void runtimeErrorUsesSimpleNameAndDropsKernelFrames() {
        IllegalStateException ex = new IllegalStateException("bad state");
        ex.setStackTrace(new StackTraceElement[]{
                new StackTraceElement("java.util.Objects", "check", "Objects.java", 10),
                new StackTraceElement("REPL.$JShell$12", "do_it$", "$JShell$12.java", 5),
                new StackTraceElement("jdk.internal.reflect.NativeMethodAccessorImpl", "invoke0", null, -2),
                new StackTraceElement("dltheory.kernel.eval.CellRunner", "run", "CellRunner.java", 1)});
        CellError e = reports.runtime(ex);
        assertEquals("IllegalStateException", e.ename());
        assertEquals("bad state", e.evalue());
        String tb = String.join("\n", e.traceback());
        assertTrue(tb.contains("java.util.Objects.check(Objects.java:10)"), tb);
        assertTrue(tb.contains("at cell code"), tb);
        assertFalse(tb.contains("reflect") || tb.contains("CellRunner"), tb);
    }

    @Test
    void wrapperClassNamesAreRemovedFromMessages() {
        assertEquals("Cannot invoke \"String.length()\" because \"s\" is null",
                ErrorReports.clean("Cannot invoke \"String.length()\" because \"REPL.$JShell$31.s\" is null"));
    }

    @Test
    void caretNeverPassesTheLineEnd() {
        SourceText t = new SourceText("abc\ndef");
        assertEquals("  ^", t.caret(2, 20));
        assertEquals("^", t.caret(4, 4));
        assertEquals(2, t.lineOf(5));
        assertEquals("def", t.lineText(5));
    }
}
