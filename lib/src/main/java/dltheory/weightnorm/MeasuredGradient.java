package dltheory.weightnorm;

import java.util.function.ToDoubleFunction;

import dltheory.check.Check;
import dltheory.check.Gradients;
import dltheory.linalg.Vectors;

/**
 * Notebook 04, eqs. (6) and (9) at one point (u_t, γ_t, β_t) of a run, with ∇_u L measured by
 * central differences of L(γ_t u/‖u‖, β_t) rather than computed from the projection. The
 * measured gradient knows nothing of W⊥, so its orthogonality to u_t is evidence for Q4.2, and
 * identity (9) evaluated with it is evidence for Q4.3.
 *
 * @param t             the step of the run
 * @param gradientNorm  ‖∇̃_u L‖, the measured gradient's norm
 * @param relativeError ‖∇_u L (eq. 6) − ∇̃_u L‖ / max of the two norms
 * @param cosine        |u_tᵀ∇̃_u L| / (‖u_t‖ ‖∇̃_u L‖)
 * @param identityError |‖u_t − α∇̃_u L‖² − ‖u_t‖² − α²‖∇̃_u L‖²| / ‖u_t − α∇̃_u L‖²
 */
public record MeasuredGradient(int t, double gradientNorm, double relativeError, double cosine,
                               double identityError) {

    /** Tolerance of all three: central differences with step 10⁻⁵ are good to about 10⁻⁹. */
    public static final double TOL = 1e-6;

    /**
     * Measures ∇_u L of {@code lossOfU} at u by central differences and compares it with
     * {@code analytic}.
     *
     * @param lossOfU  the loss as a function of u alone
     * @param u        the point, non-zero; not modified
     * @param analytic the gradient to test at u; not modified
     * @param alpha    the step size used in identity (9)
     */
    public static MeasuredGradient measure(int t, ToDoubleFunction<double[]> lossOfU, double[] u,
                                           double[] analytic, double alpha) {
        WeightNorm.requireDirection(u, "u");
        WeightNorm.requireVector(analytic, "analytic", u.length);
        WeightNorm.requireStepSize(alpha);
        double[] g = Gradients.centralDifference(lossOfU, u);
        double[] next = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            next[i] = u[i] - alpha * g[i];
        }
        double n2 = Vectors.dot(next, next);
        double predicted = Vectors.dot(u, u) + alpha * alpha * Vectors.dot(g, g);
        return new MeasuredGradient(t, Vectors.norm(g), Gradients.relativeError(analytic, g),
                Vectors.cosine(u, g), Math.abs(n2 - predicted) / n2);
    }

    /** Prints a ✓ line for eq. (6) and one for identity (9) at this step; throws otherwise. */
    public void check() {
        Check.atMost(relativeError, TOL, "t = " + t + ": eq. (6) vs measured ∇ᵤL, relative error");
        Check.atMost(identityError, TOL, "t = " + t + ": eq. (9) with the measured ∇ᵤL, relative error");
    }
}
