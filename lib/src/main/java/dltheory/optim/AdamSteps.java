package dltheory.optim;

import java.util.Arrays;

import org.knowm.xchart.XYChart;

import dltheory.check.Arguments;
import dltheory.check.Check;
import dltheory.linalg.Vectors;

/**
 * The step-size experiment of notebook 03, step 4: Adam with and without bias correction on a
 * constant gradient, against the closed form (1 − β₁ᵗ)/√(1 − β₂ᵗ) for the uncorrected |Δθ_t|/η.
 *
 * @param beta1             β₁
 * @param beta2             β₂
 * @param epsHat            ε̂
 * @param g                 the constant gradient
 * @param withCorrection    |Δθ_t|/η with correction, t = 1…T
 * @param withoutCorrection |Δθ_t|/η without correction
 * @param predicted         (1 − β₁ᵗ)/√(1 − β₂ᵗ)
 */
public record AdamSteps(double beta1, double beta2, double epsHat, double g, double[] withCorrection, double[] withoutCorrection,
                        double[] predicted) {

    /**
     * Runs both variants for T steps on the constant gradient g.
     *
     * @param eta    η &gt; 0
     * @param beta1  β₁ in [0, 1)
     * @param beta2  β₂ in [0, 1)
     * @param epsHat ε̂ ≥ 0
     * @param g      the constant gradient, finite and non-zero
     * @param steps  T ≥ 1
     */
    public static AdamSteps run(double eta, double beta1, double beta2, double epsHat, double g, int steps) {
        return new AdamSteps(beta1, beta2, epsHat, g,
                Adam.constantGradientSteps(eta, beta1, beta2, epsHat, true, g, steps),
                Adam.constantGradientSteps(eta, beta1, beta2, epsHat, false, g, steps),
                Adam.uncorrectedStepRatios(beta1, beta2, steps));
    }

    /** The figure: both step sizes and the closed form against t. */
    public XYChart chart() {
        return Figures.adamSteps(beta1, beta2, withCorrection, withoutCorrection);
    }

    /**
     * How far ε̂ can move the uncorrected |Δθ_t|/η below the closed form r_t = (1 − β₁ᵗ)/√(1 − β₂ᵗ):
     * the step is r_t·a_t/(a_t + ε̂) with a_t = √(1 − β₂ᵗ)·|g|, so the gap r_t·ε̂/(a_t + ε̂) is at
     * most r_t·ε̂/a_t, largest at t = 1, plus {@link #ROUNDING} for floating-point rounding.
     */
    double uncorrectedTolerance() {
        double tol = 0;
        for (int t = 1; t <= predicted.length; t++) {
            tol = Math.max(tol, predicted[t - 1] * epsHat / (Math.sqrt(1 - Math.pow(beta2, t)) * Math.abs(g)));
        }
        return tol + ROUNDING;
    }

    /**
     * How far ε̂ can move the corrected |Δθ_t|/η below 1: the corrected moments are exactly g and
     * g², so the step is |g|/(|g| + ε̂), at most ε̂/|g| below 1, plus {@link #ROUNDING}.
     */
    double correctedTolerance() {
        return epsHat / Math.abs(g) + ROUNDING;
    }

    /** The allowance for floating-point rounding in the recursions of m_t and s_t. */
    public static final double ROUNDING = 1e-12;

    /**
     * The check cell: the uncorrected steps follow the closed form and the corrected ones are 1
     * (in units of η) at every t, each within the tolerance that ε̂ implies
     * ({@link #uncorrectedTolerance}, {@link #correctedTolerance}); prints two ✓ lines or throws
     * {@link AssertionError}.
     */
    public void checkClaims() {
        Check.atMost(Averages.maxAbsDifference(withoutCorrection, predicted), uncorrectedTolerance(),
                "max over t of |uncorrected |Δθ_t|/η − (1−β₁ᵗ)/√(1−β₂ᵗ)|");
        double[] ones = new double[withCorrection.length];
        Arrays.fill(ones, 1.0);
        Check.atMost(Averages.maxAbsDifference(withCorrection, ones), correctedTolerance(),
                "max over t of |corrected |Δθ_t|/η − 1|");
    }

    /** The uncorrected |Δθ_t|/η at step t ≥ 1. */
    double uncorrected(int t) {
        Arguments.inRange(t, 1, withoutCorrection.length, "t");
        return withoutCorrection[t - 1];
    }

    /** The largest uncorrected step, max over t of |Δθ_t|/η. */
    public double peak() {
        return Vectors.max(withoutCorrection);
    }
}
