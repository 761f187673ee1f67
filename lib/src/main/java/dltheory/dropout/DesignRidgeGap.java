package dltheory.dropout;

import java.util.Random;

import dltheory.check.Arguments;
import dltheory.check.Check;
import dltheory.check.MonteCarlo;
import dltheory.check.Stats;

/**
 * How far the closest ridge solution stays from dropout on a population of training sets, not on
 * one (notebook 02, section 5). On one small noisy training set the relative distance
 * {@link RidgeMatch#relative()} depends on the draw of its examples and noise (on the correlated
 * design with n = 20 it ranged from 0.1 to over 0.9 across seeds); its mean over independent
 * training sets of the same design is a property of the design, estimated with a standard error.
 *
 * @param p             keep probability
 * @param n             examples per training set
 * @param sets          the number of independent training sets
 * @param mean          the mean over the sets of ‖p·w_drop − w_L2‖/‖p·w_drop‖ at the closest λ_L2
 * @param standardError its standard error
 * @param smallest      the smallest relative distance among the sets
 */
public record DesignRidgeGap(double p, int n, int sets, double mean, double standardError, double smallest) {

    /**
     * Draws {@code sets} training sets of n examples from {@code design} and finds, on each, the
     * ridge solution closest to p·w_drop.
     *
     * @param n    examples per set, ≥ d + 1
     * @param p    keep probability in (0, 1]
     * @param sets ≥ 2
     */
    public static DesignRidgeGap over(CorrelatedDesign design, int n, double p, int sets, Random rng) {
        Arguments.atLeast(n, design.d() + 1, "n (examples per training set)");
        Arguments.inOpenClosed(p, 0, 1, "p (keep probability)");
        Arguments.atLeast(sets, 2, "sets");
        double[] relative = new double[sets];
        double smallest = Double.POSITIVE_INFINITY;
        for (int k = 0; k < sets; k++) {
            RegressionData data = design.sample(n, rng);
            relative[k] = RidgeComparison.closestRidge(data.X(), data.y(), p).relative();
            smallest = Math.min(smallest, relative[k]);
        }
        Stats s = Stats.of(relative);
        return new DesignRidgeGap(p, n, sets, s.mean(), s.standardError(), smallest);
    }

    /**
     * The check: the mean relative distance exceeds {@code threshold} by more than
     * {@link MonteCarlo#K} standard errors (one-sided; false alarm below 10⁻⁴ for a normal mean when
     * the true mean is at the threshold, far less when it is well above).
     */
    public void checkAbove(double threshold) {
        Check.atLeast((mean - threshold) / standardError, MonteCarlo.K,
                "mean over " + sets + " training sets of the closest ridge's relative distance (p = " + p + ") − "
                        + threshold + ", in standard errors");
    }
}
