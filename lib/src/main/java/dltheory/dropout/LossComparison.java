package dltheory.dropout;

import java.util.List;
import dltheory.table.Tables;
import tech.tablesaw.api.Table;

/**
 * The Monte Carlo mean of the dropout loss L(w) beside its closed form E_R[L(w)] (notebook 02,
 * equations (2.1) and (2.4)).
 *
 * @param w             a name for the weights
 * @param masks         N, the number of masks averaged
 * @param monteCarlo    the mean of L(w) over the N masks
 * @param standardError its standard error s/√N
 * @param closedForm    ‖y − pXw‖² + p(1−p)‖Γw‖²
 * @param z             (monteCarlo − closedForm) / standardError
 */
public record LossComparison(String w, int masks, double monteCarlo, double standardError, double closedForm,
                             double z) {

    /**
     * A table of the Monte Carlo losses beside E_R[L(w)] of (2.4), one row per record, headed in
     * notebook 02's notation.
     *
     * @param caption the table's caption
     * @param rows    the rows, at least one
     */
    public static Table table(String caption, List<LossComparison> rows) {
        return Tables.of(caption, rows, "w", "masks N", "mean of L(w)", "SE", "E_R[L(w)] of (2.4)", "z");
    }
}
