package dltheory.dropout;

import java.util.List;
import dltheory.table.Tables;
import tech.tablesaw.api.Table;

/**
 * How much a regularised predictor lowers the held-out error of least squares (notebook 02, section
 * 9), averaged over fresh test sets: per set, the mean squared error of OLS minus that of the
 * predictor; the standard error is that of the mean over sets.
 *
 * @param method        which predictor, e.g. "dropout, p·w(drop)"
 * @param parameter     its p or λ_L2
 * @param olsError      OLS's mean squared error, averaged over the sets
 * @param error         the predictor's mean squared error, averaged over the sets
 * @param gain          olsError − error
 * @param standardError the standard error of {@code gain} over the sets
 * @param sets          how many test sets
 */
public record HeldOutGain(String method, double parameter, double olsError, double error, double gain,
                          double standardError, int sets) {

    /** gain / standardError: how many standard errors the gain lies above zero. */
    public double z() {
        return gain / standardError;
    }

    /**
     * A table of the held-out errors, one row per record, headed in notebook 02's notation.
     *
     * @param caption the table's caption
     * @param rows    the rows, at least one
     */
    public static Table table(String caption, List<HeldOutGain> rows) {
        return Tables.of(caption, rows,
                "predictor", "chosen p or λ_L2", "error of OLS", "error", "gain over OLS", "SE of the gain",
                "test sets");
    }
}
