package dltheory.dropout;

import dltheory.check.Arguments;
import dltheory.table.Tables;
import tech.tablesaw.api.Table;

import java.util.List;

/**
 * How much each method shrinks feature j's coefficient relative to ordinary least squares
 * (notebook 02, the erratum): 1 means not shrunk, 0 means shrunk to zero.
 *
 * @param j                 the feature (column of X), from 1
 * @param columnSquaredNorm ‖x_j‖², the j-th entry of Γ²
 * @param dropout           (p·w_drop)_j / w_OLS,j
 * @param ridge             w_L2,j / w_OLS,j
 */
public record Shrinkage(int j, double columnSquaredNorm, double dropout, double ridge) {

    /** The row of feature j (from 1) in a table of shrinkages. */
    public static Shrinkage ofFeature(List<Shrinkage> rows, int j) {
        return rows.stream().filter(r -> r.j() == j).findFirst().orElseThrow(() ->
                Arguments.invalid("j", "be one of the table's features 1.." + rows.size(), j));
    }

    /**
     * A table of the per-feature shrinkage of dropout and ridge, one row per record, headed in
     * notebook 02's notation.
     *
     * @param caption the table's caption
     * @param rows    the rows, at least one
     */
    public static Table table(String caption, List<Shrinkage> rows) {
        return Tables.of(caption, rows,
                "j", "‖x_j‖²", "dropout, (p·w_drop)_j / w_{OLS,j}", "ridge, w_{L2,j} / w_{OLS,j}");
    }
}
