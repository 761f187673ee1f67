package dltheory.optim;

import dltheory.check.Arguments;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;

/**
 * The quadratic bowl f(θ) = ½ θᵀAθ with A symmetric, minimum 0 at θ = 0, gradient ∇f(θ) = Aθ:
 * the test function of notebook 03 on which momentum and the running average are compared.
 */
public final class Quadratic {

    private final DMatrixRMaj a;

    /**
     * @param a a square symmetric matrix A. Copied.
     */
    public Quadratic(DMatrixRMaj a) {
        Arguments.square(a, "A");
        Arguments.that(MatrixFeatures_DDRM.isSymmetric(a, 1e-12), "A", "be symmetric", "an asymmetric matrix");
        this.a = a.copy();
    }

    /**
     * The 2-D bowl with eigenvalues λ₁, λ₂ along axes rotated by {@code angle}:
     * A = R diag(λ₁, λ₂) Rᵀ. Its condition number is λ₁/λ₂; a large one makes a narrow valley.
     *
     * @param lambda1 the curvature along the first axis, &gt; 0
     * @param lambda2 the curvature along the second axis, &gt; 0
     * @param angle   the rotation in radians, finite
     */
    public static Quadratic rotated(double lambda1, double lambda2, double angle) {
        Arguments.positive(lambda1, "lambda1");
        Arguments.positive(lambda2, "lambda2");
        Arguments.finite(angle, "angle");
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        DMatrixRMaj r = new DMatrixRMaj(2, 2, true, c, -s, s, c);
        DMatrixRMaj d = new DMatrixRMaj(2, 2, true, lambda1, 0, 0, lambda2);
        DMatrixRMaj rd = new DMatrixRMaj(2, 2);
        CommonOps_DDRM.mult(r, d, rd);
        DMatrixRMaj a = new DMatrixRMaj(2, 2);
        CommonOps_DDRM.multTransB(rd, r, a);
        // symmetrize away the rounding of the two products
        double off = 0.5 * (a.get(0, 1) + a.get(1, 0));
        a.set(0, 1, off);
        a.set(1, 0, off);
        return new Quadratic(a);
    }

    /** The dimension of θ. */
    int dim() {
        return a.numRows;
    }

    /** A copy of A. */
    public DMatrixRMaj matrix() {
        return a.copy();
    }

    /** f(θ) = ½ θᵀAθ. θ is not modified. */
    public double value(double[] theta) {
        double[] g = gradient(theta);
        double sum = 0;
        for (int i = 0; i < theta.length; i++) {
            sum += theta[i] * g[i];
        }
        return 0.5 * sum;
    }

    /** ∇f(θ) = Aθ. θ is not modified. */
    public double[] gradient(double[] theta) {
        Arguments.length(theta, a.numRows, "theta", "the dimension of A");
        DMatrixRMaj out = new DMatrixRMaj(a.numRows, 1);
        CommonOps_DDRM.mult(a, DMatrixRMaj.wrap(theta.length, 1, theta.clone()), out);
        return out.data;
    }
}
