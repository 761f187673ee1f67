package dltheory.dropout;

import dltheory.check.Arguments;
import dltheory.linalg.Vectors;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * A validated regression design of notebook 02 with the quantities every closed form needs,
 * computed once: XᵀX, Xᵀy and Γ² = diag(XᵀX) (the squared column norms). Like EJML's
 * {@code LinearSolverDense} (set A once, solve many), the solves of (2.6), (2.7) and (2.9) at many
 * keep probabilities or ridge strengths reuse them, e.g. the search of {@link RidgeComparison}.
 * <pre>
 *   (2.6)  p·w_drop = (XᵀX + λΓ²)⁻¹Xᵀy,   λ = (1−p)/p
 *   (2.7)  w_drop   = (pXᵀX + (1−p)Γ²)⁻¹Xᵀy
 *   (2.9)  w_L2     = (XᵀX + λ_L2·I)⁻¹Xᵀy
 * </pre>
 * Every inverse is a Cholesky solve; none is formed. Immutable: X and y are copied in.
 */
public final class Design {

    private final DMatrixRMaj gram;
    private final double[] xty;
    private final double[] gammaSquared;

    private Design(DMatrixRMaj gram, double[] xty, double[] gammaSquared) {
        this.gram = gram;
        this.xty = xty;
        this.gammaSquared = gammaSquared;
    }

    /**
     * The design X (n×d, one example per row) with targets y (length n).
     *
     * @throws IllegalArgumentException if X is empty or y's length is not n
     */
    public static Design of(DMatrixRMaj X, double[] y) {
        Arguments.nonEmpty(X, "X");
        Arguments.length(y, X.numRows, "y", "n, the rows of X");
        return new Design(DropoutRegression.gram(X), Vectors.transposeTimes(X, y), DropoutRegression.gammaSquared(X));
    }

    /** The number of features d. */
    public int d() {
        return xty.length;
    }

    /** Γ² = diag(XᵀX) as a vector, ‖x_j‖² for every column j (equation (2.3)); a copy. */
    public double[] gammaSquared() {
        return gammaSquared.clone();
    }

    /** p·w_drop = (XᵀX + λΓ²)⁻¹Xᵀy, λ = (1−p)/p, p ∈ (0, 1] (equation (2.6)). */
    public double[] scaledMinimiser(double p) {
        double lambda = DropoutRegression.lambda(p);
        DMatrixRMaj A = gram.copy();
        for (int j = 0; j < gammaSquared.length; j++) {
            A.add(j, j, lambda * gammaSquared[j]);
        }
        return solveSpd(A, "XᵀX + λΓ²");
    }

    /** w_drop = (pXᵀX + (1−p)Γ²)⁻¹Xᵀy, p ∈ (0, 1] (equation (2.7)), solved apart from (2.6). */
    public double[] minimiser(double p) {
        Arguments.inOpenClosed(p, 0, 1, "p (keep probability)");
        DMatrixRMaj A = gram.copy();
        CommonOps_DDRM.scale(p, A);
        for (int j = 0; j < gammaSquared.length; j++) {
            A.add(j, j, (1 - p) * gammaSquared[j]);
        }
        return solveSpd(A, "pXᵀX + (1−p)Γ²");
    }

    /** w_L2 = (XᵀX + λ_L2·I)⁻¹Xᵀy, λ_L2 ≥ 0 (equation (2.9)). */
    public double[] ridge(double lambda) {
        Arguments.nonNegative(lambda, "lambda");
        DMatrixRMaj A = gram.copy();
        for (int j = 0; j < xty.length; j++) {
            A.add(j, j, lambda);
        }
        return solveSpd(A, "XᵀX + λI");
    }

    private double[] solveSpd(DMatrixRMaj A, String what) {
        DMatrixRMaj x = new DMatrixRMaj(A.numRows, 1);
        if (!CommonOps_DDRM.solveSPD(A, DMatrixRMaj.wrap(xty.length, 1, xty.clone()), x)) {
            throw new IllegalStateException(what + " is not positive definite (is a column of X zero, or X rank deficient?)");
        }
        return x.data;
    }
}
