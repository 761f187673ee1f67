package dltheory.optim;

import org.knowm.xchart.XYChart;

import dltheory.check.Check;

/**
 * The step-size experiment of notebook 03, step 4: Adam with and without bias correction on a
 * constant gradient, against the closed form (1 − β₁ᵗ)/√(1 − β₂ᵗ) for the uncorrected |Δθ_t|/η.
 *
 * @param beta1             β₁
 * @param beta2             β₂
 * @param withCorrection    |Δθ_t|/η with correction, t = 1…T
 * @param withoutCorrection |Δθ_t|/η without correction
 * @param predicted         (1 − β₁ᵗ)/√(1 − β₂ᵗ)
 */
public record AdamSteps(double beta1, double beta2, double[] withCorrection, double[] withoutCorrection,
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
        return new AdamSteps(beta1, beta2,
                Adam.constantGradientSteps(eta, beta1, beta2, epsHat, true, g, steps),
                Adam.constantGradientSteps(eta, beta1, beta2, epsHat, false, g, steps),
                Adam.uncorrectedStepRatios(beta1, beta2, steps));
    }

    /** The figure: both step sizes and the closed form against t. */
    public XYChart chart() {
        return OptimCharts.adamSteps(beta1, beta2, withCorrection, withoutCorrection);
    }

    /**
     * The check cell: the uncorrected steps follow the closed form and the corrected ones are η,
     * both within {@code tol} at every t; prints two ✓ lines or throws {@link AssertionError}.
     */
    public void checkClaims(double tol) {
        Check.atMost(Averages.maxAbsDifference(withoutCorrection, predicted), tol,
                "max over t of |uncorrected |Δθ_t|/η − (1−β₁ᵗ)/√(1−β₂ᵗ)|");
        double[] ones = new double[withCorrection.length];
        java.util.Arrays.fill(ones, 1.0);
        Check.atMost(Averages.maxAbsDifference(withCorrection, ones), tol, "max over t of |corrected |Δθ_t|/η − 1|");
    }

    /** The largest uncorrected step, max over t of |Δθ_t|/η. */
    public double peak() {
        double p = 0;
        for (double s : withoutCorrection) {
            p = Math.max(p, s);
        }
        return p;
    }
}
