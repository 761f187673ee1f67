package dltheory.dropout;

import java.util.List;
import dltheory.table.Tables;
import tech.tablesaw.api.Table;

import org.ejml.data.DMatrixRMaj;

/**
 * How far a design is from the case in which dropout is uniform shrinkage (notebook 02, section 5):
 * the condition number of XᵀX (1 for orthogonal columns of equal norms) and the range of the squared
 * column norms ‖x_j‖².
 *
 * @param data            the design's name
 * @param n               examples
 * @param conditionNumber λ_max/λ_min of XᵀX
 * @param smallestNorm    min_j ‖x_j‖²
 * @param largestNorm     max_j ‖x_j‖²
 */
public record DesignSummary(String data, int n, double conditionNumber, double smallestNorm, double largestNorm) {

    /** The summary of design matrix {@code X}, named {@code data}. */
    public static DesignSummary of(String data, DMatrixRMaj X) {
        double[] g2 = DropoutRegression.gammaSquared(X);
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double g : g2) {
            min = Math.min(min, g);
            max = Math.max(max, g);
        }
        return new DesignSummary(data, X.numRows, CorrelatedDesign.conditionNumberOf(DropoutRegression.gram(X)),
                min, max);
    }

    /**
     * A table of the designs summarised, one row per record, headed in notebook 02's notation.
     *
     * @param caption the table's caption
     * @param rows    the rows, at least one
     */
    public static Table table(String caption, List<DesignSummary> rows) {
        return Tables.of(caption, rows, "data", "n", "cond(XᵀX)", "min_j ‖x_j‖²", "max_j ‖x_j‖²");
    }
}
