package dltheory.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dltheory.text.Notation;
import dltheory.text.SignificantFormat;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

class TablesTest {

    record Layer(int t, long n, double variance, boolean stable, String scheme) {
    }

    @Test
    void oneColumnPerComponentWithItsType() {
        Table table = Tables.of("layers", List.of(
                new Layer(1, 512, 1.01, true, "He"),
                new Layer(2, 512, 0.98, true, "He")));
        assertEquals(List.of("t", "n", "variance", "stable", "scheme"), table.columnNames());
        assertEquals(ColumnType.INTEGER, table.column("t").type());
        assertEquals(ColumnType.LONG, table.column("n").type());
        assertEquals(ColumnType.DOUBLE, table.column("variance").type());
        assertEquals(ColumnType.BOOLEAN, table.column("stable").type());
        assertEquals(ColumnType.STRING, table.column("scheme").type());
        assertEquals(0.98, table.doubleColumn("variance").get(1));
        assertEquals(2, table.rowCount());
    }

    record Shift(String inputs, double measured, double predicted) {
    }

    @Test
    void alikeGivesComparableColumnsOneFormat() {
        // a measured δ (sampling noise, and 2.83) beside its prediction (0 or 2.828): alone, the
        // first column is scientific and the second fixed; alike, both are written the same way
        Table table = Tables.of("δ", List.of(new Shift("white", 0.0031274, 0), new Shift("shifted", 2.8301471, 2.8284271)),
                "inputs", "δ measured", "δ from (4.4)");
        String apart = Tables.text(table);
        assertTrue(apart.contains("3.127×10⁻³") && !apart.contains("2.828×10⁰"), apart);
        String alike = Tables.text(Tables.alike(table, "δ measured", "δ from (4.4)"));
        assertTrue(alike.contains("3.127×10⁻³") && alike.contains("2.828×10⁰") && alike.contains("2.830×10⁰"), alike);
        assertTrue(Tables.html(table).contains(">2.828×10⁰<"), Tables.html(table));
        assertThrows(IllegalArgumentException.class, () -> Tables.alike(table, "δ measured"));
        assertThrows(IllegalArgumentException.class, () -> Tables.alike(table, "δ measured", "inputs"));
    }

    @Test
    void htmlHasCaptionHeaderAndFormattedNumbers() {
        Table table = Tables.of("v", List.of(new Layer(1, 1, 1.0 / 3, true, "a<b")));
        String html = Tables.html(table);
        assertTrue(html.startsWith("<table class=\"dltheory\"><caption>v</caption>"), html);
        assertTrue(html.contains(">variance</th>"), html);
        assertTrue(html.contains("0.3333"), html);
        assertTrue(html.contains("a&lt;b"), html);
    }

    @Test
    void textCellsGetRealScriptsToo() {
        Table table = Tables.of("moments", List.of(new Layer(1, 1, 0.5, true, "m_t/(1−β_1^t)"),
                new Layer(2, 1, 0.25, true, "s_t")));
        assertTrue(Tables.html(table).contains(">m<sub>t</sub>/(1−β<sub>1</sub><sup>t</sup>)</td>"), Tables.html(table));
        assertTrue(Tables.text(table).contains("mₜ/(1−β₁ᵗ)"), Tables.text(table));
    }

    record Distance(String method, double toOls, int masks, double mu) {
    }

    @Test
    void labelsHeadTheColumnsWithRealSubscriptsAndConstantColumnsMoveToTheCaption() {
        Table table = Tables.of("Distances to w_OLS", List.of(
                new Distance("SGD", 0.002687, 2000, 1), new Distance("exact", 3.875e-4, 2000, 1),
                new Distance("ridge", 12345.678, 2000, 1)), "method", "‖w_drop − w_OLS‖", "masks", "μ");
        String html = Tables.html(table);
        assertTrue(html.contains("<caption>Distances to w<sub>OLS</sub> (masks = 2,000, μ = 1 in every row)</caption>"),
                html);
        assertTrue(html.contains(">‖w<sub>drop</sub> − w<sub>OLS</sub>‖</th>"), html);
        assertFalse(html.contains(">masks</th>"), html);
        // one format for the column: 3.875e-4 and 12,345.678 do not share [10⁻³, 10⁶) fixed decimals
        assertTrue(html.contains(">2.687×10⁻³</td>") && html.contains(">3.875×10⁻⁴</td>")
                && html.contains(">1.235×10⁴</td>"), html);
        assertTrue(html.contains("<td style=\"text-align:left\">SGD</td>"), html);
        assertTrue(html.contains("text-align:right;font-variant-numeric:tabular-nums"), html);
        assertThrows(IllegalArgumentException.class, () -> Tables.of("x", List.of(new Distance("a", 1, 1, 1)), "one"));
    }

    @Test
    void aColumnInTheReadableRangeGetsTheDecimalsOfItsLargestValue() {
        // within two decades: the largest value gets four significant digits or more, the smallest three
        ColumnFormat f = ColumnFormat.of(new double[] {0.008192345, 0.192726123, -0.0123456});
        assertEquals("0.00819", f.format(0.008192345));
        assertEquals("0.19273", f.format(0.192726123));
        assertEquals("−0.01235", f.format(-0.0123456));
        ColumnFormat near = ColumnFormat.of(new double[] {0.01241234, 0.3252812, 1.2467312});
        assertEquals("0.0124", near.format(0.01241234));
        assertEquals("1.2467", near.format(1.2467312));
        ColumnFormat large = ColumnFormat.of(new double[] {767.8123456, 2107.3456789});
        assertEquals("768", large.format(767.8123456));
        assertEquals("2,107", large.format(2107.3456789));
        assertEquals("12,345", ColumnFormat.integers().format(12345));
        assertEquals("–", f.format(Double.NaN));
    }

    @Test
    void exactValuesAreShownExactlyAlignedWhenShortInTheirShortestFormElse() {
        assertEquals("0.25", ColumnFormat.of(new double[] {1, 0.25}).format(0.25));
        assertEquals("1.00", ColumnFormat.of(new double[] {1, 0.25}).format(1));
        // p from 10⁻⁶ to 1: not 1.000×10⁻⁶ … 1.000×10⁰, nor 0.500000
        double[] p = {1e-6, 0.01, 0.1, 0.5, 0.9, 0.99, 0.999, 1};
        ColumnFormat f = ColumnFormat.of(p);
        assertEquals("0.000001", f.format(1e-6));
        assertEquals("0.5", f.format(0.5));
        assertEquals("0.999", f.format(0.999));
        assertEquals("1", f.format(1));
    }

    @Test
    void aColumnSpanningMoreThanTwoDecadesIsScientificInEveryRowAZeroIsZero() {
        double[] v = {0.0, 1.110223e-16, -2.220446e-16, 0.5123};
        ColumnFormat f = ColumnFormat.of(v);
        assertEquals("0", f.format(0.0));
        assertEquals("1.110×10⁻¹⁶", f.format(1.110223e-16));
        assertEquals("−2.220×10⁻¹⁶", f.format(-2.220446e-16));
        assertEquals("5.123×10⁻¹", f.format(0.5123));
        // fixed would need seven decimals
        assertEquals("3.875×10⁻⁴", ColumnFormat.of(new double[] {3.87512e-4, 6.06e-5 + 1e-12}).format(3.87512e-4));
    }

    @Test
    void everyFormattedColumnHasOneNotationAndOneCountOfDecimals() {
        // random columns over many scales: the cells of a column share notation and decimals
        Random random = new Random(34);
        Pattern sci = Pattern.compile("−?\\d\\.(\\d+)×10[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+");
        for (int trial = 0; trial < 2000; trial++) {
            int n = 2 + random.nextInt(8);
            double[] v = new double[n];
            double scale = Math.pow(10, random.nextInt(24) - 12);
            double spread = random.nextInt(6);
            for (int i = 0; i < n; i++) {
                v[i] = (random.nextBoolean() ? 1 : -1) * scale * Math.pow(10, spread * random.nextDouble()) * (1 + random.nextDouble());
            }
            ColumnFormat f = ColumnFormat.of(v);
            Set<String> shapes = new HashSet<>();
            for (double x : v) {
                String s = f.format(x);
                var m = sci.matcher(s);
                shapes.add(m.matches() ? "sci " + m.group(1).length()
                        : "fixed " + (s.contains(".") ? s.length() - s.indexOf('.') - 1 : 0));
            }
            assertEquals(1, shapes.size(), Arrays.toString(v) + " → " + shapes);
        }
    }

    @Test
    void javaNamesLeftAsHeadersAreSpelledOutInWords() {
        assertEquals("max abs error", Tables.header("maxAbsError"));
        assertEquals("Var[a]", Tables.header("Var[a]"));
        assertEquals("t", Tables.header("t"));
    }

    @Test
    void notationTypesetsScriptsInHtmlAndUnicode() {
        assertEquals("u<sub>t+1</sub> and δ<sup>T</sup> &lt; 1", Notation.html("u_{t+1} and δ^T < 1"));
        assertEquals("uₜ₊₁ and δᵀ", Notation.unicode("u_{t+1} and δ^T"));
        assertEquals("w(drop), ‖∂hₜ/∂h₀‖", Notation.unicode("w_drop, ‖∂h_t/∂h_0‖"));
    }

    @Test
    void emptyRowsAreRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> Tables.of("x", List.<Layer>of()));
        assertTrue(e.getMessage().contains("rows"));
    }

    @Test
    void significantDigitsSwitchToScientificOutsideTheReadableRange() {
        assertEquals("0.01235", SignificantFormat.format(0.0123456, 4));
        assertEquals("1.235", SignificantFormat.format(1.23456, 4));
        assertEquals("123500", SignificantFormat.format(123456, 4));
        assertEquals("1.235×10⁻⁷", SignificantFormat.format(1.23456e-7, 4));
        assertEquals("-2.000×10⁹", SignificantFormat.format(-2e9, 4));
        assertEquals("1.000×10⁻⁷", SignificantFormat.format(9.99996e-8, 4), "rounding carries into the exponent");
        assertEquals("0", SignificantFormat.format(0, 4));
        assertEquals("NaN", SignificantFormat.format(Double.NaN, 4));
        assertThrows(IllegalArgumentException.class, () -> new SignificantFormat(0));
    }
}
