package dltheory.kernel.eval;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Imports between declarations: JShell recompiles every declaration after a new star import, and a
 * declaration's class whose bytecode changed is replaced (execution in the kernel's JVM cannot redefine
 * a class), which set its variable to null. A fresh JShell per test: the imports must not leak.
 */
class ImportOrderTest {
    private Evaluator ev;
    private CellRunner runner;

    @BeforeEach
    void start() throws Exception {
        CellClassLoader loader = new CellClassLoader(ImportOrderTest.class.getClassLoader());
        runner = new CellRunner(loader, 16L << 20);
        ev = new Evaluator(loader, runner, ApiClasspath.resolve(), List.of("-Xlint:none"));
        ev.start();
    }

    @AfterEach
    void stop() {
        ev.close();
    }

    private Object cell(String code, int n) throws Exception {
        runner.beginCell();
        return ev.eval(code, n).value();
    }

    @Test
    void variablesDeclaredAboveAnImportInTheSameCellKeepTheirValues() throws Exception {
        cell("String s = \"x\";\nint n = 7;\ndouble[] w = {1.5};\nimport java.time.*;\nDuration d = Duration.ofSeconds(3);", 1);
        assertEquals("x", cell("s", 2));
        assertEquals(7, cell("n", 2));
        assertEquals(1.5, cell("w[0]", 2));
        assertEquals(3L, cell("d.getSeconds()", 2));
    }

    @Test
    void importsAfterABlankLineOrACommentInALaterCellKeepEarlierValues() throws Exception {
        cell("String s = \"x\";", 1);
        cell("// the clock\nimport java.time.*;", 2);
        cell("\n\nimport java.util.concurrent.atomic.*;", 3);
        cell("/* two\n   lines */ import static java.lang.Math.*;", 4);
        assertEquals("x", cell("s", 5));
        assertEquals(2.0, cell("sqrt(4) + new AtomicInteger(0).get() + Duration.ZERO.getSeconds()", 5));
    }

    @Test
    void aWrongImportStillPointsAtItsLine() throws Exception {
        CellError e = assertThrows(CellError.class, () -> cell("int a = 1;\n\n// typo\nimport java.tim.*;", 1));
        assertTrue(e.traceback().get(0).startsWith("Compilation error, line 4: package java.tim does not exist"),
                e.traceback().toString());
        assertEquals("    import java.tim.*;", e.traceback().get(1));
    }

    @Test
    void aVariableAnImportGaveAnotherTypeIsReportedAsReset() throws Exception {
        cell("Date typed = new Date(0L);\nvar inferred = new Date(0L);\nlong ms = new Date(5L).getTime();", 1);
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.err;
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            cell("import java.sql.Date;", 2);   // Date now names java.sql.Date, not java.util's
        } finally {
            System.setErr(old);
        }
        String notes = err.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(notes.contains("note: variable typed (cell [1]) was reset to null: after import java.sql.Date;"
                + " its declaration was compiled again, as Date typed"), notes);
        assertTrue(notes.contains("note: variable inferred (cell [1]) was reset to null"), notes);
        assertFalse(notes.contains("variable ms"), notes);
        assertNull(cell("typed", 3));
        assertEquals(5L, cell("ms", 3));
    }

    @Test
    void importsAreWrittenOnOneLine() {
        assertNull(Evaluator.oneLineImport("import java.time.*;"));
        assertNull(Evaluator.oneLineImport("\nint x = 1;"));
        assertNull(Evaluator.oneLineImport("\nimportant();"));
        assertEquals("import java.time.*;", Evaluator.oneLineImport("\n// c\nimport java . time.*;"));
        assertEquals("import static java.lang.Math.*;", Evaluator.oneLineImport("import static\n  java.lang.Math.*;"));
        assertEquals(6, Evaluator.leadingBlankOrComment("\n// c\nimport x.*;"));
    }

    @Test
    void aVariableThatAnImportMadeAmbiguousSaysSoWithoutTheRunAboveHint() throws Exception {
        cell("List<Integer> xs = List.of(1, 2);", 1);
        cell("import java.awt.*;", 2);
        CellError e = assertThrows(CellError.class, () -> cell("xs.size()", 3));
        String all = String.join("\n", e.traceback());
        assertTrue(all.contains("var xs (cell [1]) no longer compiles:\n      reference to List is ambiguous"), all);
        assertTrue(all.contains("java.awt.List") && all.contains("java.util.List"), all);
        assertFalse(all.contains("Run All Above"), all);
        // a name that really is missing still gets the hint, the ambiguous one is not listed in it
        CellError both = assertThrows(CellError.class, () -> cell("xs.size() + missingCount", 4));
        String hint = both.traceback().stream().filter(l -> l.contains("Run All Above")).findFirst().orElse("");
        assertTrue(hint.startsWith("`missingCount` is not defined"), both.traceback().toString());
    }
}
