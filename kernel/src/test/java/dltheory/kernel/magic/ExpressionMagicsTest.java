package dltheory.kernel.magic;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExpressionMagicsTest {
    private static final String CALL = ExpressionMagics.CALL;

    @Test
    void aMagicAfterAnAssignmentBecomesACall() {
        assertEquals("List<String> added = " + CALL + "(\"jars\", java.util.List.of(\"lib/*.jar\"));",
                ExpressionMagics.rewrite("List<String> added = %jars lib/*.jar;"));
        assertEquals("var r =" + CALL + "(\"maven\", java.util.List.of(\"g:a:1\", \"h:b:2\"));",
                ExpressionMagics.rewrite("var r =%maven g:a:1 h:b:2"), "without the final semicolon too");
    }

    @Test
    void theLineNumbersStayAndTheRestOfTheCellIsUntouched() {
        String cell = "int a = 1;\nvar x = %time f(a)  ; // timed\nint b = a % 2;";
        String out = ExpressionMagics.rewrite(cell);
        assertEquals(3, out.split("\n", -1).length);
        assertEquals("var x = " + CALL + "(\"time\", java.util.List.of(\"f(a)\")); // timed", out.split("\n")[1]);
        assertTrue(out.endsWith("\nint b = a % 2;"));
    }

    @Test
    void argumentsAreQuotedAsTheMagicLineSplitsThem() {
        assertEquals("x = " + CALL + "(\"load\", java.util.List.of(\"my file.jsh\", \"a\\\"b\", \"c\\\\d\"));",
                ExpressionMagics.rewrite("x = %load \"my file.jsh\" 'a\"b' c\\\\d"));
    }

    @Test
    void notAnAssignmentOrInsideLiteralsAndComments() {
        for (String code : new String[]{
                "boolean b = x == %jars;", "x += %jars a", "if (a <= %b) {}", "String s = \"= %jars a\";",
                "char c = '='; int m = 7 % 2;", "// y = %jars a", "/* y = %jars a */", "String t = \"\"\"\n  y = %jars a\n  \"\"\";",
                "int p = %%time"}) {
            assertEquals(code, ExpressionMagics.rewrite(code), code);
            assertFalse(ExpressionMagics.hasAny(code), code);
        }
    }

    @Test
    void codeAfterALiteralIsStillSeen() {
        assertTrue(ExpressionMagics.hasAny("String s = \"a\\\"b\";\nvar j = %jars x.jar"));
        assertTrue(ExpressionMagics.hasAny("/* c */ var j = %jars x.jar"));
    }

    @Test
    void anUnclosedQuoteIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> ExpressionMagics.rewrite("var j = %jars \"x.jar"));
    }

    @Test
    void literalsEscapeControlCharacters() {
        assertEquals("\"a\\nb\\u0001\"", ExpressionMagics.literal("a\nb\u0001"));
    }

    @Test
    void openBrackets() {
        assertEquals(0, ExpressionMagics.openDepth("int a = f(1)[0];"));
        assertEquals(1, ExpressionMagics.openDepth("for (int i : xs) {"));
        assertEquals(2, ExpressionMagics.openDepth("run(() -> {"));
        assertEquals(0, ExpressionMagics.openDepth("String s = \"{(\\\"\"; /* { */ char c = '{'; // (\n"));
        assertEquals(1, ExpressionMagics.openDepth("String t = \"\"\"\n  {\n  \"\"\";\nif (x) {"));
    }

    @Test
    void aMagicStatementKeepsItsIndentation() {
        assertEquals("    " + CALL + "(\"maven\", java.util.List.of(\"g:a:1\"));", ExpressionMagics.statement("    %maven g:a:1"));
    }
}
