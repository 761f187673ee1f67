package dltheory.dropout;

import java.util.List;
import dltheory.table.Tables;
import tech.tablesaw.api.Table;

/**
 * One feature's coefficients in notebook 02.
 *
 * @param j                 the feature (column of X), from 1
 * @param columnSquaredNorm ‖x_j‖², the j-th entry of Γ²
 * @param ols               ordinary least squares
 * @param wDrop             w_drop, the minimiser of E_R[L] (what dropout training reaches), equation (2.7)
 * @param pwDrop            p·w_drop, the quantity of equation (2.6): the test-time weights
 * @param ridge             the ridge solution, equation (2.9)
 */
public record Coefficient(int j, double columnSquaredNorm, double ols, double wDrop, double pwDrop, double ridge) {

    /**
     * A table of the coefficients w_OLS, w_drop, p·w_drop and the closest ridge solution, one row
     * per record, headed in notebook 02's notation.
     *
     * @param caption the table's caption
     * @param rows    the rows, at least one
     */
    public static Table table(String caption, List<Coefficient> rows) {
        return Tables.of(caption, rows, "j", "‖x_j‖²", "w_OLS", "w_drop", "p·w_drop", "w_L2, closest λ_L2");
    }
}
