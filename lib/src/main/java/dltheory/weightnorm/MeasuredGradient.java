package dltheory.weightnorm;

import java.util.function.ToDoubleFunction;

import dltheory.check.Check;
import dltheory.check.Gradients;
import dltheory.linalg.Vectors;
import dltheory.check.Arguments;

/**
 * Notebook 04, eqs. (4.6) and (4.9) at one point (u_t, γ_t, β_t) of a run, with ∇_u L measured by
 * central differences of L(γ_t u/‖u‖, β_t) rather than computed from the projection. The
 * measured gradient knows nothing of W⊥, so its orthogonality to u_t is evidence for Q4.2, and
 * identity (4.9) evaluated with it is evidence for Q4.3.
 *
 * <p>The tolerance is the error bound of the central difference D(h) itself, not a number tuned
 * to a run: its truncation error c·h² is estimated by Richardson's rule from D(2h) − D(h) = 3c·h²
 * (taken {@link #SAFETY} times), and its rounding error is at most δ/h per entry, where
 * δ = {@link #ROUNDING_ULPS}·ε·max(1, |L|) bounds the error of one evaluation of L.
 *
 * @param alpha             the step size α of the run, used in identity (4.9)
 * @param t                 the step of the run
 * @param gradientNorm      ‖∇̃_u L‖, the measured gradient's norm
 * @param error             ‖∇_u L (4.6) − ∇̃_u L‖
 * @param tolerance         τ, the error bound of the central difference (see above)
 * @param along             |u_tᵀ∇̃_u L| / ‖u_t‖, the measured gradient's component along u_t
 * @param identityError     |‖u_t − α∇̃_u L‖² − ‖u_t‖² − α²‖∇̃_u L‖²| / ‖u_t − α∇̃_u L‖²
 * @param identityTolerance what τ allows for it: (2α‖u_t‖τ + rounding of the norms) / ‖u_t − α∇̃_u L‖²
 */
public record MeasuredGradient(double alpha, int t, double gradientNorm, double error, double tolerance, double along,
                               double identityError, double identityTolerance) {

    /** The truncation estimate D(2h) − D(h) over 3 is taken this many times. */
    public static final double SAFETY = 10;

    /** One evaluation of L is taken to be wrong by at most this many ulps of max(1, |L|). */
    public static final double ROUNDING_ULPS = 1000;

    /** The gradient must exceed the bound by this factor, so that a 5 % error in it shows. */
    public static final double MIN_RESOLUTION = 20;

    private static final double EPS = Math.ulp(1.0);

    /**
     * Measures ∇_u L of {@code lossOfU} at u by central differences and compares it with
     * {@code analytic}.
     *
     * @param lossOfU  the loss as a function of u alone
     * @param u        the point, non-zero; not modified
     * @param analytic the gradient to test at u; not modified
     * @param alpha    the step size used in identity (4.9)
     */
    public static MeasuredGradient measure(int t, ToDoubleFunction<double[]> lossOfU, double[] u,
                                           double[] analytic, double alpha) {
        WeightNorm.requireDirection(u, "u");
        WeightNorm.requireVector(analytic, "analytic", u.length);
        Arguments.nonNegative(alpha, "alpha");
        double h = Gradients.STEP;
        double[] g = Gradients.centralDifference(lossOfU, u, h);
        double[] g2 = Gradients.centralDifference(lossOfU, u, 2 * h);
        double loss = Math.abs(lossOfU.applyAsDouble(u));
        double truncation = SAFETY * distance(g2, g) / 3;
        double rounding = Math.sqrt(u.length) * ROUNDING_ULPS * EPS * Math.max(1, loss) / h;
        double tol = truncation + rounding;
        double[] next = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            next[i] = u[i] - alpha * g[i];
        }
        double uu = Vectors.dot(u, u);
        double gg = Vectors.dot(g, g);
        double n2 = Vectors.dot(next, next);
        double identity = Math.abs(n2 - uu - alpha * alpha * gg);
        double identityBound = 2 * alpha * Math.sqrt(uu) * tol + 16 * u.length * EPS * (uu + alpha * alpha * gg + n2);
        return new MeasuredGradient(alpha, t, Math.sqrt(gg), distance(analytic, g), tol,
                Math.abs(Vectors.dot(u, g)) / Math.sqrt(uu), identity / n2, identityBound / n2);
    }

    /** ‖∇̃_u L‖ / τ: how many times the gradient exceeds the error bound of its measurement. */
    double resolution() {
        return gradientNorm / tolerance;
    }

    /**
     * Prints a ✓ line for eq. (4.6), one for identity (4.9), and one for the resolution (the check of
     * (4.6) can see a 5 % error only where ‖∇̃_u L‖ ≥ {@link #MIN_RESOLUTION}·τ); throws otherwise.
     */
    public void check() {
        Check.atMost(error, tolerance,
                at() + ": ‖(4.6) − ∇̃ᵤL‖ within the bound τ of the central difference");
        Check.atMost(identityError, identityTolerance, at() + ": eq. (4.9) with the measured ∇̃ᵤL, relative error");
        Check.atLeast(resolution(), MIN_RESOLUTION, at() + ": ‖∇̃ᵤL‖/τ, so that a 5 % error would show");
    }

    /**
     * Eq. (4.9) for a step of size {@code alpha} from this point, against the measured gradient: a run's
     * {@code growth} ‖u_{t+1}‖² − ‖u_t‖² must equal α²‖∇̃_u L‖² up to what τ allows,
     * (2‖∇̃_u L‖ + τ)τ α², plus rounding. Prints a ✓ line; throws otherwise.
     */
    public void checkGrowth(double growth, double alpha) {
        Arguments.nonNegative(alpha, "alpha");
        double predicted = alpha * alpha * gradientNorm * gradientNorm;
        double bound = alpha * alpha * (2 * gradientNorm + tolerance) * tolerance + 1e-12 * Math.abs(predicted);
        Check.close(growth, predicted, bound, "α = " + dltheory.text.SignificantFormat.format(alpha, 4)
                + ", t = " + t + ": ‖u_{t+1}‖² − ‖u_t‖² of the run vs α²‖∇̃ᵤL‖² (measured)");
    }

    private String at() {
        return "α = " + dltheory.text.SignificantFormat.format(alpha, 4) + ", t = " + t;
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }
}
