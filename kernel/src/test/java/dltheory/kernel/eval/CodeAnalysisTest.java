package dltheory.kernel.eval;

import jdk.jshell.SourceCodeAnalysis.Completeness;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CodeAnalysisTest {
    @Test
    void completenessMapsToProtocolStatuses() {
        assertEquals("complete", CodeAnalysis.classify(Completeness.COMPLETE, "").status());
        assertEquals("complete", CodeAnalysis.classify(Completeness.COMPLETE_WITH_SEMI, "").status());
        assertEquals("complete", CodeAnalysis.classify(Completeness.EMPTY, "").status());
        assertEquals("incomplete", CodeAnalysis.classify(Completeness.DEFINITELY_INCOMPLETE, "f(").status());
        assertEquals("incomplete", CodeAnalysis.classify(Completeness.CONSIDERED_INCOMPLETE, "if (x)").status());
        assertEquals("invalid", CodeAnalysis.classify(Completeness.UNKNOWN, "}").status(),
                "UNKNOWN is not 'complete' (JShell's isComplete() would say so)");
    }

    @Test
    void indentFollowsTheLastLine() {
        assertEquals("    ", CodeAnalysis.indent("for (int i = 0; i < 3; i++) {\n"));
        assertEquals("    ", CodeAnalysis.indent("void f() {\n    int x = 1;"));
        assertEquals("        ", CodeAnalysis.indent("void f() {\n    if (x) {"));
        assertEquals("", CodeAnalysis.indent("int x = 1 +"));
    }

    @Test
    void identifierEndMovesTheCursorToTheEndOfTheName() {
        assertEquals(9, CodeAnalysis.identifierEnd("Math.sqrt(2)", 5));
        assertEquals(9, CodeAnalysis.identifierEnd("Math.sqrt(2)", 7));
        assertEquals(9, CodeAnalysis.identifierEnd("Math.sqrt(2)", 9));
        assertEquals(9, CodeAnalysis.identifierEnd("Math.sqrt (x)", 9), "after the name: unchanged");
        assertEquals(4, CodeAnalysis.identifierEnd("Math", 0));
        assertEquals(4, CodeAnalysis.identifierEnd("Math", 99), "a cursor past the end is clamped");
    }

    @Test
    void javadocReadsAsText() {
        // Math.sqrt's Javadoc as JDK 25's src.zip has it, and a library comment
        assertEquals("Returns the correctly rounded positive square root of a double value.\n\n"
                        + "Special cases:\n- If the argument is NaN or less than zero, the result is NaN.",
                CodeAnalysis.readable("Returns the correctly rounded positive square root of a\n{@code double} value."
                        + "\n<p>Special cases:\n<ul><li>If the argument is NaN or less than zero, the result is NaN.</ul>"));
        assertEquals("Statistics of samples (at least 2), by Welford's update.",
                CodeAnalysis.readable("Statistics of {@code samples} (at least 2), by Welford's update. "));
        assertEquals("See Math.sqrt(double), the square root and x < y && y > z.",
                CodeAnalysis.readable("See {@link Math#sqrt(double)}, {@linkplain #root the square root} and "
                        + "{@code x < y} &amp;&amp; y &gt; z."));
        assertEquals("a map {k=v} of size 1", CodeAnalysis.readable("a map {@code {k=v}} of size {@literal 1}"));
        assertEquals("Returns a List<String>.\n\n@param n the size\n@return the list",
                CodeAnalysis.readable("Returns a {@code List<String>}.\n\n@param n the size\n@return the list"));
    }
}
