package dltheory.kernel.runtime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArrayTextTest {
    @Test
    void arraysReadAsJShellShowsThem() {
        assertEquals("double[3] { 1.5, 2.0, 3.0 }", ArrayText.of(new double[] {1.5, 2, 3}));
        assertEquals("int[2][] { int[2] { 1, 2 }, int[1] { 3 } }", ArrayText.of(new int[][] {{1, 2}, {3}}));
        assertEquals("String[3] { \"a\\n\", null, \"\\\"q\\\"\" }", ArrayText.of(new String[] {"a\n", null, "\"q\""}));
        assertEquals("char[1] { 'a' }", ArrayText.of(new char[] {'a'}));
        assertEquals("Object[2] { 1, int[1] { 2 } }", ArrayText.of(new Object[] {1, new int[] {2}}));
        assertEquals("double[0][] {  }", ArrayText.of(new double[0][]));
        assertEquals("3.5", ArrayText.of(3.5));
        assertEquals("null", ArrayText.of(null));
    }

    @Test
    void longArraysShowTheirEdgesAsNumpyDoes() {
        int[] thousand = new int[ArrayText.THRESHOLD];
        assertEquals(ArrayText.THRESHOLD - 1, ArrayText.of(thousand).split(", ").length - 1, "1000 elements: all");
        int[] more = java.util.stream.IntStream.range(0, 1001).toArray();
        assertEquals("int[1001] { 0, 1, 2, ..., 998, 999, 1000 }", ArrayText.of(more));
        String rows = ArrayText.of(new int[200][6]);
        assertTrue(rows.startsWith("int[200][] { int[6] { 0, 0, 0, 0, 0, 0 }, "), rows);
        assertTrue(rows.contains("int[6] { 0, 0, 0, 0, 0, 0 }, ..., int[6]"), "1200 elements: the outer level is cut");
        String cols = ArrayText.of(new int[2][600]);
        assertEquals("int[2][] { int[600] { 0, 0, 0, ..., 0, 0, 0 }, int[600] { 0, 0, 0, ..., 0, 0, 0 } }", cols,
                "each level longer than 6 is cut once the whole is over the threshold");
        assertEquals("double[10000000] { 0.0, 0.0, 0.0, ..., 0.0, 0.0, 0.0 }", ArrayText.of(new double[10_000_000]));
    }
}
