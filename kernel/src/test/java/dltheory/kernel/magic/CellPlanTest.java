package dltheory.kernel.magic;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CellPlanTest {
    @Test
    void setupCellIsAMagicThenPaddedCode() {
        CellPlan plan = CellPlan.parse("%jars ../lib/target/dltheory-lib.jar\nimport a.B;\nimport c.D;");
        assertNull(plan.cellMagic());
        assertEquals(2, plan.parts().size());
        MagicLine m = assertInstanceOf(CellPlan.Magic.class, plan.parts().get(0)).magic();
        assertEquals("jars", m.name());
        assertEquals(List.of("../lib/target/dltheory-lib.jar"), m.args());
        assertEquals(1, m.line());
        String code = assertInstanceOf(CellPlan.Code.class, plan.parts().get(1)).source();
        assertEquals("\nimport a.B;\nimport c.D;", code, "code keeps its cell line numbers");
    }

    @Test
    void magicsBetweenCodeKeepTheirOrder() {
        CellPlan plan = CellPlan.parse("int a = 1;\n%time a + 1\nint b = 2;");
        assertEquals(3, plan.parts().size());
        assertEquals("int a = 1;\n", ((CellPlan.Code) plan.parts().get(0)).source());
        assertEquals("time", ((CellPlan.Magic) plan.parts().get(1)).magic().name());
        assertEquals("\n\nint b = 2;", ((CellPlan.Code) plan.parts().get(2)).source());
    }

    @Test
    void cellMagicOnTheFirstLine() {
        CellPlan plan = CellPlan.parse("%%time\nint x = 1;");
        assertEquals("time", plan.cellMagic().name());
    }

    @Test
    void percentInsideAnExpressionIsNotAMagic() {
        assertFalse(MagicLine.isLineMagic("int r = a % b;"));
        assertFalse(MagicLine.isLineMagic("  % 2"));
        assertTrue(MagicLine.isLineMagic("  %jars x.jar"));
        assertFalse(MagicLine.isCellMagic("%time x"));
    }

    @Test
    void argumentsSplitLikeAShell() {
        assertEquals(List.of("a b.jar", "c.jar", "it's"), MagicLine.split("\"a b.jar\" c.jar 'it'\\''s'"));
        assertEquals(List.of(), MagicLine.split("   "));
        assertThrows(IllegalArgumentException.class, () -> MagicLine.split("\"open"));
    }

    @Test
    void codeOnlyKeepsOffsets() {
        String cell = "%jars x.jar\nint a = 1;";
        String code = CellPlan.codeOnly(cell);
        assertEquals(cell.length(), code.length());
        assertEquals(cell.indexOf("int"), code.indexOf("int"));
        assertTrue(code.startsWith("           \n"));
    }

    @Test
    void aMagicLineInsideABlockRunsInPlaceAsACall() {
        CellPlan plan = CellPlan.parse("int n = 0;\nif (n == 0) {\n    %jars lib/*.jar\n}\nn");
        assertEquals(1, plan.parts().size());
        String code = ((CellPlan.Code) plan.parts().get(0)).source();
        assertEquals("int n = 0;\nif (n == 0) {\n    " + ExpressionMagics.CALL
                + "(\"jars\", java.util.List.of(\"lib/*.jar\"));\n}\nn", code);
    }

    @Test
    void bracketsInLiteralsAndCommentsDoNotCount() {
        CellPlan plan = CellPlan.parse("String s = \"{(\"; // {\nchar c = '[';\n%jars a.jar");
        assertEquals(2, plan.parts().size());
        assertInstanceOf(CellPlan.Magic.class, plan.parts().get(1));
    }
}
