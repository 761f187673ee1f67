package dltheory.kernel.eval;

import dltheory.kernel.runtime.CellInterruptedError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Evaluation in-process: values, errors, guards. One JShell for the class (start-up is slow). */
class EvaluatorTest {
    private static Evaluator ev;
    private static CellRunner runner;

    @BeforeAll
    static void start() throws Exception {
        CellClassLoader loader = new CellClassLoader(EvaluatorTest.class.getClassLoader());
        runner = new CellRunner(loader, 16L << 20);
        ev = new Evaluator(loader, runner, ApiClasspath.resolve(), List.of("-Xlint:none"));
        ev.start();
    }

    @AfterAll
    static void stop() {
        ev.close();
    }

    @BeforeEach
    void newCell() {
        runner.beginCell();
    }

    @Test
    void lastExpressionIsTheValue() throws Exception {
        Evaluator.Result r = ev.eval("int a = 20;\nint b = 22;\na + b", 1);
        assertTrue(r.hasValue());
        assertEquals(42, r.value());
    }

    @Test
    void trailingSemicolonDoesNotHideTheValue() throws Exception {
        assertEquals(2, ev.eval("1 + 1;", 1).value());
        assertEquals(2, ev.eval("1 + 1; // done", 1).value());
        assertEquals("ab", ev.eval("String ab = \"a\";\nab + \"b\";", 1).value());
    }

    @Test
    void voidCallsAssignmentsAndNullShowNothing() throws Exception {
        ev.eval("int assigned = 1;", 1);
        assertFalse(ev.eval("assigned = 5;", 1).hasValue());
        assertFalse(ev.eval("assigned = 6", 1).hasValue());
        assertEquals(6, ev.eval("assigned;", 1).value());
        assertFalse(ev.eval("void nothing() { }\nnothing();", 1).hasValue());
        assertFalse(ev.eval("System.getProperty(\"no.such.property\");", 1).hasValue());
    }

    @Test
    void aReturnedPrintStreamIsNotShownButWritersAndBuildersAre() throws Exception {
        assertFalse(ev.eval("System.out.printf(\"\");", 1).hasValue());
        assertFalse(ev.eval("System.out.format(\"%s\", \"\")", 1).hasValue());
        assertFalse(ev.eval("System.err.append(\"\")", 1).hasValue());
        assertEquals("ab", ev.eval("new StringBuilder(\"a\").append(\"b\")", 1).value().toString());
        assertTrue(ev.eval("new PrintWriter(new StringWriter()).printf(\"\")", 1).hasValue());
    }

    @Test
    void jshellCommandsListTheSession() throws Exception {
        ev.eval("int listedCount = 3;\ndouble[] listedArray = new double[5000];\n"
                + "long listedTwice(long x) { return 2 * x; }\nenum ListedColour { RED }\nimport java.time.*;", 1);
        List<String> vars = dltheory.kernel.magic.JShellMagicsAccess.lines(ev.jshell(), "vars");
        assertTrue(vars.contains("int listedCount = 3"), vars.toString());
        assertTrue(vars.contains("double[] listedArray = double[5000] { 0.0, 0.0, 0.0, ..., 0.0, 0.0, 0.0 }"), vars.toString());
        assertTrue(dltheory.kernel.magic.JShellMagicsAccess.lines(ev.jshell(), "methods").contains("long listedTwice(long)"));
        assertTrue(dltheory.kernel.magic.JShellMagicsAccess.lines(ev.jshell(), "types").contains("enum ListedColour"));
        assertTrue(dltheory.kernel.magic.JShellMagicsAccess.lines(ev.jshell(), "imports").contains("import java.time.*;"));
        List<String> list = dltheory.kernel.magic.JShellMagicsAccess.lines(ev.jshell(), "list");
        assertTrue(list.stream().anyMatch(l -> l.endsWith(" : int listedCount = 3;")), list.toString());
        assertFalse(list.stream().anyMatch(l -> l.contains("import java.util.*;")), "start-up imports are not listed");
    }

    @Test
    void methodUsingAMissingMethodIsAcceptedAndWorksOnceItExists() throws Exception {
        assertFalse(ev.eval("double area(double r) { return Math.PI * square(r); }", 1).hasValue());
        CellError early = assertThrows(CellError.class, () -> ev.eval("area(1)", 2));
        assertTrue(early.evalue().contains("square(double)"), early.evalue());
        assertTrue(early.evalue().contains("area"), early.evalue());
        ev.eval("double square(double x) { return x * x; }", 3);
        assertEquals(4 * Math.PI, (double) ev.eval("area(2)", 4).value(), 1e-12);
    }

    @Test
    void classUsingAMissingClassIsAcceptedAndWorksOnceItExists() throws Exception {
        ev.eval("class Garden { Plot plot = new Plot(); int size() { return plot.area; } }", 1);
        CellError early = assertThrows(CellError.class, () -> ev.eval("new Garden().size()", 2));
        String report = String.join("\n", early.traceback());
        assertTrue(report.contains("class Garden cannot be used until") && report.contains("Plot"), report);
        ev.eval("class Plot { int area = 12; }", 3);
        assertEquals(12, ev.eval("new Garden().size()", 4).value());
    }

    @Test
    void inspectionWorksWithTheCursorInsideTheName() {
        CodeAnalysis analysis = new CodeAnalysis(ev.analysis());
        for (int cursor : new int[] {5, 7, 9}) {
            String doc = analysis.documentation("Math.sqrt(2.0)", cursor, false);
            assertTrue(doc.contains("sqrt(double"), cursor + ": " + doc);
        }
        assertTrue(analysis.documentation("int m = Math.max(1, 2);", 14, false).contains("max(int"));
    }

    @Test
    void snippetLongerThanTheTimeoutIsStopped() throws Exception {
        runner.setTimeout(java.time.Duration.ofMillis(2000));
        try {
            long t = System.nanoTime();
            CellError e = assertThrows(CellError.class, () -> ev.eval("long spun = 0;\nwhile (true) { spun++; }", 1));
            assertEquals(ErrorReports.TIMEOUT_ENAME, e.ename());
            assertTrue(e.evalue().contains("2000 ms"), e.evalue());
            assertTrue(System.nanoTime() - t < 30_000_000_000L);
            runner.beginCell();
            assertEquals(3, ev.eval("Thread.sleep(50); 3", 2).value(), "a short snippet runs under the limit");
        } finally {
            runner.setTimeout(java.time.Duration.ZERO);
        }
    }

    @Test
    void variableOfAMissingTypeIsAnError() {
        CellError e = assertThrows(CellError.class, () -> ev.eval("NoSuchType thing = null;", 1));
        assertEquals(ErrorReports.COMPILE_ENAME, e.ename());
        assertTrue(String.join("\n", e.traceback()).contains("NoSuchType"), e.traceback().toString());
    }

    @Test
    void analysisWarmupAsksItsQuestionsWhenIdle() throws Exception {
        ev.warmAnalysisWhenIdle();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (ev.warmupDone() < AnalysisWarmup.QUESTIONS.size() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(AnalysisWarmup.QUESTIONS.size(), ev.warmupDone());
    }

    @Test
    void declarationsHaveNoValue() throws Exception {
        assertFalse(ev.eval("int decl = 3", 1).hasValue());
        assertEquals(3, ev.eval("decl", 1).value());
    }

    @Test
    void valueIsTheRealObject() throws Exception {
        Object v = ev.eval("new java.util.ArrayList<>(java.util.List.of(1, 2))", 1).value();
        assertEquals(List.of(1, 2), v);
    }

    @Test
    void compileErrorPointsAtTheCellLine() {
        CellError e = assertThrows(CellError.class, () -> ev.eval("int ok = 1;\nint bad = missingName + 1;", 3));
        assertEquals(ErrorReports.COMPILE_ENAME, e.ename());
        assertTrue(e.evalue().contains("cannot find symbol"), e.evalue());
        assertTrue(e.traceback().get(0).contains("line 2"), e.traceback().toString());
        assertEquals("    int bad = missingName + 1;", e.traceback().get(1));
        assertEquals("              ^^^^^^^^^^^", e.traceback().get(2));
    }

    @Test
    void runtimeErrorHasSimpleNameAndUserFramesOnly() {
        CellError e = assertThrows(CellError.class, () -> ev.eval(
                "int divide(int a, int b) {\n  return a / b;\n}\nint zero = 0;\ndivide(1, zero)", 7));
        assertEquals("ArithmeticException", e.ename());
        assertEquals("/ by zero", e.evalue());
        String tb = String.join("\n", e.traceback());
        assertTrue(tb.contains("divide (cell [7], line 2)"), tb);
        assertTrue(tb.contains("cell [7], line 5"), tb);
        assertFalse(tb.contains("jdk.jshell"), tb);
        assertFalse(tb.contains("dltheory.kernel"), tb);
        assertFalse(tb.contains("reflect"), tb);
    }

    @Test
    void messagesDoNotShowWrapperClasses() {
        CellError e = assertThrows(CellError.class, () -> ev.eval("String nothing = null;\nnothing.length()", 1));
        assertEquals("NullPointerException", e.ename());
        assertFalse(e.evalue().contains("$JShell$"), e.evalue());
    }

    @Test
    void systemExitIsRefused() {
        CellError e = assertThrows(CellError.class, () -> ev.eval("System.exit(3);", 1));
        assertEquals("ExitNotAllowedException", e.ename());
        assertTrue(e.evalue().contains("not allowed"), e.evalue());
        CellError halt = assertThrows(CellError.class, () -> ev.eval("Runtime.getRuntime().halt(1);", 1));
        assertEquals("ExitNotAllowedException", halt.ename());
    }

    @Test
    void stackOverflowIsAnError() throws Exception {
        CellError e = assertThrows(CellError.class, () -> ev.eval("int down(int n) { return down(n + 1) + 1; }\ndown(0)", 1));
        assertEquals("StackOverflowError", e.ename());
        assertTrue(e.traceback().size() < 1100, "traceback is bounded");
        assertEquals(2, ev.eval("1 + 1", 1).value());
    }

    @Test
    void infiniteLoopStopsOnInterrupt() throws Exception {
        Thread interrupter = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException ignored) {
                return;
            }
            runner.interrupt();
        });
        interrupter.start();
        CellError e = assertThrows(CellError.class, () -> ev.eval("long spins = 0;\nwhile (true) { spins++; }", 1));
        assertEquals(ErrorReports.INTERRUPT_ENAME, e.ename());
        assertTrue(e.evalue().startsWith("interrupted"), e.evalue());
        runner.beginCell();
        assertEquals(3, ev.eval("1 + 2", 1).value());
    }

    @Test
    void interruptedCellSkipsItsRemainingSnippets() throws Exception {
        ev.eval("int after = 0;", 1);
        runner.interrupt();
        assertThrows(CellError.class, () -> ev.eval("after = 1;\nafter = 2;", 1));
        runner.beginCell();
        assertEquals(0, ev.eval("after", 1).value());
    }

    @Test
    void interruptedErrorIsReportedAsInterrupt() {
        CellError e = new ErrorReports(new SnippetOrigins()).runtime(new CellInterruptedError());
        assertEquals(ErrorReports.INTERRUPT_ENAME, e.ename());
    }

    @Test
    void incompleteSourceIsAnError() {
        CellError e = assertThrows(CellError.class, () -> ev.eval("int f(int x) {\n  return x;\n", 1));
        assertEquals(ErrorReports.COMPILE_ENAME, e.ename());
        assertTrue(e.evalue().contains("incomplete"), e.evalue());
    }

    @Test
    void kernelDependenciesAreHiddenFromCells() {
        CellError e = assertThrows(CellError.class, () -> ev.eval("com.google.gson.Gson g = null;", 1));
        assertEquals(ErrorReports.COMPILE_ENAME, e.ename());
        CellError load = assertThrows(CellError.class, () -> ev.eval("Class.forName(\"org.zeromq.ZMQ\")", 1));
        assertEquals("ClassNotFoundException", load.ename());
    }

    @Test
    void jupyterApiIsShared() throws Exception {
        Object renderer = ev.eval("new org.dflib.jjava.jupyter.kernel.display.Renderer()", 1).value();
        assertEquals(org.dflib.jjava.jupyter.kernel.display.Renderer.class, renderer.getClass());
    }

    @Test
    void methodsCanBeRedefined() throws Exception {
        ev.eval("int twice(int x) { return 2 * x; }", 1);
        assertEquals(4, ev.eval("twice(2)", 1).value());
        ev.eval("int twice(int x) { return 3 * x; }", 1);
        assertEquals(6, ev.eval("twice(2)", 1).value());
    }

    @Test
    void finishedSnippetsLeaveNoClassesForJavac() throws Exception {
        assertTrue(ev.generated().active(), "run the tests with --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED");
        ev.eval("int kept = 0;", 1);
        int before = ev.generated().size();
        for (int i = 0; i < 60; i++) {
            runner.beginCell();
            ev.eval("1 + " + i, 2);                      // a temporary variable
            ev.eval("kept += " + i + ";", 2);            // a statement
            ev.eval("int redeclared = " + i + ";", 2);   // replaces the previous declaration
            ev.eval("redeclared", 2);                    // an expression
        }
        assertEquals(60 * 59 / 2, ev.eval("kept", 3).value());
        assertEquals(59, ev.eval("redeclared", 3).value());
        // 240 snippets ran; only the live declarations (kept, redeclared) keep a class
        assertTrue(ev.generated().size() <= before + 2, "classes shown to javac: " + ev.generated().size());
    }

    @Test
    void methodsUsingReplacedVariablesStillWork() throws Exception {
        ev.eval("int base = 1;", 1);
        ev.eval("int plusBase(int x) { return x + base; }", 1);
        ev.eval("int base = 10;", 2);
        assertEquals(15, ev.eval("plusBase(5)", 3).value());
        ev.eval("class Point { int x = 7; }", 4);
        ev.eval("var p = new Point();", 4);
        ev.eval("class Point { int x = 8; }", 5);
        assertEquals(8, ev.eval("new Point().x", 6).value());
    }

    @Test
    void declaringAVariableDoesNotCallToString() throws Exception {
        // JShell's own value string calls toString() and lists every element of an array (seconds for
        // a million doubles); the kernel renders the real object instead, only when it is shown.
        ev.eval("class Counted { static int calls; public String toString() { calls++; return \"counted\"; } }", 1);
        ev.eval("Counted counted = new Counted();", 1);
        ev.eval("var again = counted;", 1);
        assertEquals(0, ev.eval("Counted.calls", 2).value());
        assertEquals("double[]", CellExecutionControl.shortString(new double[3]));
        assertEquals("null", CellExecutionControl.shortString(null));
    }

    @Test
    void stateSurvivesARenewalOfJavacContexts() throws Exception {
        ev.eval("int survivor = 41;", 1);
        ev.eval("int next(int x) { return x + 1; }", 1);
        ev.eval("record Pair(int a, int b) { }", 1);
        int before = ev.generated().renewals();
        ev.generated().renewCompilerContexts();
        assertEquals(before + 1, ev.generated().renewals());
        assertEquals(42, ev.eval("next(survivor)", 2).value());
        assertEquals(3, ev.eval("new Pair(1, 2).a() + new Pair(1, 2).b()", 2).value());
    }

    @Test
    void identicalRedeclarationKeepsLaterCellsWorking() throws Exception {
        ev.eval("int w = 1;", 1);
        ev.eval("int w = 1;", 2);
        ev.eval("int q = 1;", 3);
        assertEquals(2, ev.eval("w + q", 4).value());
        ev.eval("w = 5;", 5);
        assertEquals(6, ev.eval("w + q", 6).value());
    }

    @Test
    void rerunningDeclarationsOfEveryKindWorks() throws Exception {
        String cell = "import java.util.function.*;\nint seed = 3;\nint scaled(int x) { return seed * x; }\n"
                + "record Sample(int n) { int doubled() { return 2 * n; } }\n"
                + "IntUnaryOperator op = x -> scaled(x) + 1;\nvar sample = new Sample(scaled(2));";
        for (int run = 0; run < 3; run++) {
            runner.beginCell();
            ev.eval(cell, 10 + run);
            assertEquals(12, ev.eval("sample.doubled()", 20 + run).value());
            assertEquals(10, ev.eval("op.applyAsInt(3)", 20 + run).value());
            ev.eval("int after" + run + " = scaled(1);", 30 + run);
        }
        assertEquals(9, ev.eval("after0 + after1 + after2", 40).value());
    }

    @Test
    void editedDeclarationIsSeenByLaterCells() throws Exception {
        ev.eval("int steps = 10;", 1);
        ev.eval("double rate(int n) { return 1.0 / n; }", 2);
        ev.eval("double r = rate(steps);", 3);
        assertEquals(0.1, ev.eval("r", 4).value());
        ev.eval("int steps = 4;", 5);
        ev.eval("double rate(int n) { return 1.0 / n; }", 6);
        ev.eval("double r = rate(steps);", 7);
        assertEquals(0.25, ev.eval("r", 8).value());
    }

    @Test
    void longSessionWithRepeatedDeclarationsAcrossRenewals() throws Exception {
        // more finished snippets than two renewals of javac's contexts, with identical and edited
        // redeclarations of variables, methods, classes and imports mixed in
        ev.eval("int same = 1;", 0);
        ev.eval("int f(int x) { return x + same; }", 0);
        ev.eval("class Box { int v = 2; }", 0);
        int before = ev.generated().renewals();
        int renewEvery = 150;                      // not the kernel's 1,000: the same path, 7 times sooner
        ev.generated().renewEvery(renewEvery);
        int cells = 2 * renewEvery + 100;
        long sum = 0;
        long expected = 0;
        for (int i = 0; i < cells; i++) {
            runner.beginCell();
            switch (i % 5) {
                case 0 -> ev.eval("int same = 1;", i);
                case 1 -> ev.eval("int f(int x) { return x + same; }", i);
                case 2 -> ev.eval("class Box { int v = 2; }", i);
                case 3 -> ev.eval("import java.util.concurrent.atomic.*;", i);
                default -> ev.eval("int edited = " + i + ";", i);
            }
            sum += (Integer) ev.eval("f(" + i + ") + new Box().v", i).value();
            expected += i + 1 + 2;
        }
        assertTrue(ev.generated().renewals() >= before + 2, "renewals: " + ev.generated().renewals());
        assertEquals(expected, sum);
        assertEquals(3, ev.eval("new AtomicInteger(3).get()", 1).value());
    }
}
