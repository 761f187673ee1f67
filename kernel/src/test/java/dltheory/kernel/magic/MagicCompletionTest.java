package dltheory.kernel.magic;

import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class MagicCompletionTest {
    private static final List<String> LINE = List.of("addMavenRepo", "classpath", "jars", "load", "maven", "mavenRepo", "time");
    private static final List<String> CELL = List.of("loadFromPOM", "time");

    private static ReplacementOptions complete(String code) {
        return MagicCompletion.complete(code, code.length(), LINE, CELL);
    }

    @Test
    void aLineMagicName() {
        ReplacementOptions r = complete("int a = 1;\n%ja");
        assertEquals(List.of("%jars"), r.getReplacements());
        assertEquals(11, r.getSourceStart());
        assertEquals(14, r.getSourceEnd());
        assertEquals(List.of("%maven", "%mavenRepo"), complete("x();\n  %mav").getReplacements());
    }

    @Test
    void cellMagicsOnTheFirstLineOnly() {
        assertEquals(List.of("%%time"), complete("%%ti").getReplacements());
        assertEquals(List.of("%%loadFromPOM", "%%time"), complete("%%").getReplacements());
        assertEquals(List.of(), complete("int a;\n%%ti").getReplacements());
        assertEquals(List.of("%time", "%%time"), complete("%ti").getReplacements(), "line magics first");
    }

    @Test
    void afterAnAssignment() {
        assertEquals(List.of("%jars"), complete("List<String> j = %ja").getReplacements());
        assertEquals(List.of("%load"), complete("var r=%lo").getReplacements());
    }

    @Test
    void theModuloOperatorIsJava() {
        assertNull(complete("int r = a %b"));
        assertNull(complete("if (a == %b"));
        assertNull(complete("int r = a"));
    }

    @Test
    void theCursorInsideTheCell() {
        String code = "%ja\nint x = 1;";
        ReplacementOptions r = MagicCompletion.complete(code, 3, LINE, CELL);
        assertEquals(List.of("%jars"), r.getReplacements());
        assertEquals(0, r.getSourceStart());
        assertEquals(3, r.getSourceEnd());
    }
}
