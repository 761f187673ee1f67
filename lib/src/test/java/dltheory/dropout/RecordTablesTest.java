package dltheory.dropout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.Table;

/** The results' table() methods: one row per record, headers in notebook 02's notation. */
class RecordTablesTest {

    @Test
    void limitTableHasOneRowPerPAndTheNotebooksHeaders() {
        Table t = Limit.table("limits", List.of(new Limit(0.5, 1, 2, 3), new Limit(0.9, 4, 5, 6)));
        assertEquals("limits", t.name());
        assertEquals(2, t.rowCount());
        assertEquals(List.of("p", "‖w_drop − w_OLS‖", "‖p·w_drop‖", "‖w_drop − Γ⁻²Xᵀy‖"), t.columnNames());
        assertEquals(5.0, t.doubleColumn("‖p·w_drop‖").get(1));
    }

    @Test
    void designGainTableIsOneRowUnderItsCaption() {
        Table t = new DesignHeldOutGain(0.7, 20, 100, 0.01, 0.002, 3).table();
        assertEquals("Gain over OLS, averaged over training sets of the design", t.name());
        assertEquals(1, t.rowCount());
        assertEquals("sets where OLS did better", t.columnNames().get(5));
        assertEquals(3, t.intColumn("sets where OLS did better").get(0));
    }
}
