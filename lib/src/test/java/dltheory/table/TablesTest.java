package dltheory.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

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
        assertTrue(html.contains("<th>variance</th>"), html);
        assertTrue(html.contains("0.3333"), html);
        assertTrue(html.contains("a&lt;b"), html);
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
        assertEquals("1.235e-07", SignificantFormat.format(1.23456e-7, 4));
        assertEquals("-2.000e+09", SignificantFormat.format(-2e9, 4));
        assertEquals("0", SignificantFormat.format(0, 4));
        assertEquals("NaN", SignificantFormat.format(Double.NaN, 4));
        assertThrows(IllegalArgumentException.class, () -> new SignificantFormat(0));
    }
}
