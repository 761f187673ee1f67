package dltheory.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

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

    @Test
    void htmlHasCaptionHeaderAndFormattedNumbers() {
        Table table = Tables.of("v", List.of(new Layer(1, 1, 1.0 / 3, true, "a<b")));
        String html = Tables.html(table);
        assertTrue(html.startsWith("<table class=\"dltheory\"><caption>v</caption>"), html);
        assertTrue(html.contains(">variance</th>"), html);
        assertTrue(html.contains("0.3333"), html);
        assertTrue(html.contains("a&lt;b"), html);
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
    void aColumnInTheReadableRangeGetsFixedDecimalsAndThousandsSeparators() {
        ColumnFormat f = ColumnFormat.of(new double[] {0.002687, 1234.5, -1});
        assertEquals("0.002687", f.format(0.002687));
        assertEquals("1,234.500000", f.format(1234.5));
        assertEquals("−1.000000", f.format(-1));
        assertEquals("0.25", ColumnFormat.of(new double[] {1, 0.25}).format(0.25));
        assertEquals("1.00", ColumnFormat.of(new double[] {1, 0.25}).format(1));
        assertEquals("12,345", ColumnFormat.integers().format(12345));
        assertEquals("–", f.format(Double.NaN));
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
