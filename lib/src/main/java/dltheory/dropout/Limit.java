package dltheory.dropout;

import dltheory.check.Arguments;
import dltheory.table.Tables;
import tech.tablesaw.api.Table;

import java.util.List;

/**
 * The dropout solution at one keep probability p, measured against its two limits (notebook 02,
 * λ = (1−p)/p): p → 1 gives least squares, p → 0 sends p·w_drop to 0 and w_drop to the per-feature
 * fits Γ⁻²Xᵀy.
 *
 * @param p               keep probability
 * @param wDropToOls      ‖w_drop − w_OLS‖
 * @param pwDropNorm      ‖p·w_drop‖
 * @param wDropToPerFeature ‖w_drop − Γ⁻²Xᵀy‖
 */
public record Limit(double p, double wDropToOls, double pwDropNorm, double wDropToPerFeature) {

    /** The row of keep probability p in a table of limits. */
    public static Limit atP(List<Limit> rows, double p) {
        return rows.stream().filter(r -> r.p() == p).findFirst().orElseThrow(() ->
                Arguments.invalid("p", "be one of the table's keep probabilities "
                        + rows.stream().map(r -> String.valueOf(r.p())).toList(), p));
    }

    /**
     * A table of w_drop against its limits, one row per record, headed in notebook 02's notation.
     *
     * @param caption the table's caption
     * @param rows    the rows, at least one
     */
    public static Table table(String caption, List<Limit> rows) {
        return Tables.of(caption, rows, "p", "‖w_drop − w_OLS‖", "‖p·w_drop‖", "‖w_drop − Γ⁻²Xᵀy‖");
    }
}
