package dltheory.weightnorm;

import static dltheory.linalg.Vectors.dot;
import static dltheory.linalg.Vectors.norm;

import dltheory.linalg.Vectors;
import dltheory.check.Arguments;

/**
 * Weight normalization (notebook 04, Q4; Salimans and Kingma 2016, §2.1): the weight vector of a
 * unit is written as a length γ times a direction, {@code w = γ u/‖u‖} (4.1), and gradient
 * descent runs on {@code (u, γ)} instead of {@code w}.
 *
 * <p>Vectors are {@code double[]} of the input dimension d; no argument is modified. Every
 * function rejects a zero or non-finite {@code u}, non-finite values and mismatched lengths with
 * an {@link IllegalArgumentException} that names the argument.
 */
public final class WeightNorm {

    private WeightNorm() {
    }

    /** Notebook 04, eq. (4.1): {@code w = γ u/‖u‖}. */
    public static double[] weight(double[] u, double gamma) {
        requireDirection(u, "u");
        Arguments.finite(gamma, "gamma");
        return Vectors.scale(gamma / norm(u), u);
    }

    /** Notebook 04, eq. (4.6): the scale {@code s = γ/‖u‖} in front of the projected gradient. */
    public static double scale(double[] u, double gamma) {
        requireDirection(u, "u");
        Arguments.finite(gamma, "gamma");
        return gamma / norm(u);
    }

    /**
     * Notebook 04, eq. (4.6): {@code W⊥ v = (I − uuᵀ/‖u‖²) v}, the orthogonal projection of
     * {@code v} onto the hyperplane orthogonal to {@code u} (computed without forming the matrix).
     */
    static double[] project(double[] u, double[] v) {
        requireDirection(u, "u");
        requireVector(v, "v", u.length);
        double c = dot(u, v) / dot(u, u);
        double[] p = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            p[i] = v[i] - c * u[i];
        }
        return p;
    }

    /**
     * Notebook 04, eq. (4.6) (Q4.2): the chain rule through {@code w = γu/‖u‖},
     * {@code ∇_u L = (γ/‖u‖)(I − uuᵀ/‖u‖²) ∇_w L = s W⊥ ∇_w L}.
     *
     * @param u     the direction parameter (non-zero)
     * @param gamma the length parameter γ
     * @param gradW {@code ∇_w L} evaluated at {@code w = weight(u, gamma)}
     */
    public static double[] gradientU(double[] u, double gamma, double[] gradW) {
        requireDirection(u, "u");
        Arguments.finite(gamma, "gamma");
        requireVector(gradW, "gradW", u.length);
        return Vectors.scale(gamma / norm(u), project(u, gradW));
    }

    /** Notebook 04, eq. (4.7): {@code ∂L/∂γ = uᵀ∇_w L / ‖u‖}. */
    public static double gradientGamma(double[] u, double[] gradW) {
        requireDirection(u, "u");
        requireVector(gradW, "gradW", u.length);
        return dot(u, gradW) / norm(u);
    }

    /**
     * Notebook 04, eq. (4.8): one gradient step on the direction,
     * {@code u_{t+1} = u_t − α ∇_u L = u_t − α s W⊥ ∇_w L}.
     *
     * @param alpha the step size α, finite and ≥ 0
     */
    public static double[] step(double[] u, double gamma, double[] gradW, double alpha) {
        Arguments.nonNegative(alpha, "alpha");
        double[] g = gradientU(u, gamma, gradW);
        double[] next = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            next[i] = u[i] - alpha * g[i];
        }
        return next;
    }

    /**
     * Notebook 04, eq. (4.9) (Q4.3): the squared norm after one step, by Pythagoras,
     * {@code ‖u_{t+1}‖² = ‖u_t‖² + α² s² ‖W⊥ ∇_w L‖²}, computed from the right-hand side.
     */
    static double normSquaredAfterStep(double[] u, double gamma, double[] gradW, double alpha) {
        Arguments.nonNegative(alpha, "alpha");
        double s = scale(u, gamma);
        double p = norm(project(u, gradW));
        return dot(u, u) + alpha * alpha * s * s * p * p;
    }

    /** Notebook 04, eq. (4.9): {@code ‖u_{t+1}‖}, the square root of {@link #normSquaredAfterStep}. */
    static double normAfterStep(double[] u, double gamma, double[] gradW, double alpha) {
        return Math.sqrt(normSquaredAfterStep(u, gamma, gradW, alpha));
    }

    /**
     * Notebook 04, eq. (4.10): the effective learning rate {@code α s² = α γ²/‖u‖²} with which a
     * step on {@code u} moves {@code w} orthogonally to itself, to first order in α.
     */
    static double effectiveRate(double[] u, double gamma, double alpha) {
        Arguments.nonNegative(alpha, "alpha");
        double s = scale(u, gamma);
        return alpha * s * s;
    }

    /**
     * Notebook 04, exercise 4: ‖∇L(c u)‖ / ‖∇L(u)‖ for a loss of u, both gradients measured by
     * central differences (not from eq. 6), for a scale c > 0.
     */
    static double gradientRatioUnderScaling(java.util.function.ToDoubleFunction<double[]> lossOfU,
                                                   double[] u, double c) {
        requireDirection(u, "u");
        Arguments.positive(c, "c");
        double[] at = dltheory.check.Gradients.centralDifference(lossOfU, u);
        double[] atScaled = dltheory.check.Gradients.centralDifference(lossOfU, Vectors.scale(c, u));
        return norm(atScaled) / norm(at);
    }

    /** Throws unless {@code v} is a non-null finite vector of length {@code d ≥ 1}. */
    static void requireVector(double[] v, String name, int d) {
        Arguments.notNull(v, name, "a vector");
        Arguments.minLength(v, 1, name);
        Arguments.length(v, d, name, "the dimension of u");
        Arguments.finite(v, name);
    }

    /** Throws unless {@code u} is a finite vector with ‖u‖ > 0. */
    static void requireDirection(double[] u, String name) {
        requireVector(u, name, u == null ? 0 : u.length);
        Arguments.nonZero(u, name);
    }
}
