package dltheory.dropout;

import dltheory.check.Arguments;
import dltheory.table.Tables;
import tech.tablesaw.api.Table;

import java.util.Arrays;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

import dltheory.check.Check;

/**
 * The ridge solution closest to dropout's test-time weights (notebook 02, sections 3 and 5): the
 * strength λ_L2 that minimises ‖p·w_drop − w_L2(λ_L2)‖ over λ_L2 > 0, and that smallest distance. The
 * distance is 0 when every column of X has the same squared norm c (then λ_L2 = λ·c); on other
 * designs it measures how far dropout is from every ridge solution.
 *
 * @param data     the design's name
 * @param p        keep probability
 * @param lambdaL2 the best-matched ridge strength
 * @param distance ‖p·w_drop − w_L2(lambdaL2)‖
 * @param relative distance / ‖p·w_drop‖
 */
public record RidgeMatch(String data, double p, double lambdaL2, double distance, double relative) {

    /**
     * Checks where the closest strength lies: between λ·min_j ‖x_j‖² and λ·max_j ‖x_j‖²,
     * λ = (1 − p)/p, the strengths at which ridge reproduces dropout on each column alone. This is
     * proven only for orthogonal columns: coordinate j of p·w_drop is then x_jᵀy / (‖x_j‖²(1 + λ))
     * and that of w_L2(μ) is x_jᵀy / (‖x_j‖² + μ), equal at μ = λ‖x_j‖²; below the smallest of
     * these strengths every coordinate of w_L2 is too large, above the largest every one too small,
     * so the distance is smallest between them. Columns that are not orthogonal can break it (the
     * correlated design of notebook 02, section 5, does at p = 0.5), so notebook 02 no longer checks
     * it; {@link #checkWithinNormSpreadBound} holds for every design.
     *
     * @param X the design the match was computed on
     */
    void checkBetweenColumnStrengths(DMatrixRMaj X) {
        double[] norms = DropoutRegression.gammaSquared(X);
        double lambda = DropoutRegression.lambda(p);
        Check.atLeast(lambdaL2, lambda * Arrays.stream(norms).min().orElseThrow(), "closest λ_L2 against λ·min ‖x_j‖²");
        Check.atMost(lambdaL2, lambda * Arrays.stream(norms).max().orElseThrow(), "closest λ_L2 against λ·max ‖x_j‖²");
    }

    /**
     * An upper bound on {@link #relative()} that holds for every design (notebook 02, section 5).
     * With A = XᵀX + λΓ² and B = XᵀX + μI, A⁻¹ − B⁻¹ = B⁻¹(B − A)A⁻¹, so
     * <pre>
     *   p·w_drop − w_L2(μ) = (XᵀX + μI)⁻¹ (μI − λΓ²) p·w_drop,
     *   ‖p·w_drop − w_L2(μ)‖ / ‖p·w_drop‖ ≤ max_j |μ − λ‖x_j‖²| / (λ_min(XᵀX) + μ).
     * </pre>
     * At μ = λ(min_j ‖x_j‖² + max_j ‖x_j‖²)/2 this is λ(max − min) / (2λ_min(XᵀX) + λ(max + min)):
     * the spread of the column norms against the smallest curvature. The closest ridge solution is
     * at least as close as the one at this μ. Small when the norms are nearly equal (as for the data
     * of sections 1–4); no use on a badly conditioned design, where λ_min(XᵀX) is small.
     *
     * @param X the design, n × d with n ≥ d
     * @param p keep probability in (0, 1]
     */
    static double normSpreadBound(DMatrixRMaj X, double p) {
        double[] norms = DropoutRegression.gammaSquared(X);
        double lambda = DropoutRegression.lambda(p);
        double min = Arrays.stream(norms).min().orElseThrow();
        double max = Arrays.stream(norms).max().orElseThrow();
        double smallest = smallestEigenvalue(DropoutRegression.gram(X));
        return lambda * (max - min) / (2 * smallest + lambda * (max + min));
    }

    /**
     * The check of notebook 02, section 5: the closest ridge solution is no farther from
     * p·w_drop, relative to ‖p·w_drop‖, than {@link #normSpreadBound}; a bound from the derivation,
     * with 10⁻⁹ for the search's tolerance. It fails when the search or the solutions are wrong.
     *
     * @param X the design the match was computed on
     */
    public void checkWithinNormSpreadBound(DMatrixRMaj X) {
        Check.atMost(relative, normSpreadBound(X, p) + 1e-9,
                "closest ridge solution: ‖p·w_drop − w_L2‖/‖p·w_drop‖ against the bound from the column norms");
    }

    private static double smallestEigenvalue(DMatrixRMaj symmetric) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(symmetric.numRows, false, true);
        if (!eig.decompose(symmetric.copy())) {
            throw new IllegalStateException("eigen-decomposition failed");
        }
        double min = Double.POSITIVE_INFINITY;
        for (int k = 0; k < eig.getNumberOfEigenvalues(); k++) {
            min = Math.min(min, eig.getEigenvalue(k).getReal());
        }
        return Math.max(min, 0);
    }

    /** The row of design {@code data} at keep probability p in a table of matches. */
    public static RidgeMatch of(List<RidgeMatch> rows, String data, double p) {
        return rows.stream().filter(r -> r.data().equals(data) && r.p() == p).findFirst().orElseThrow(() ->
                Arguments.invalid("data and p", "name a row of the table "
                        + rows.stream().map(r -> r.data() + " " + r.p()).toList(), data + " " + p));
    }

    /**
     * A table of the closest ridge solutions, one row per record, headed in notebook 02's notation.
     *
     * @param caption the table's caption
     * @param rows    the rows, at least one
     */
    public static Table table(String caption, List<RidgeMatch> rows) {
        return Tables.of(caption, rows,
                "data", "p", "closest λ_L2", "‖p·w_drop − w_L2‖", "relative to ‖p·w_drop‖");
    }
}
