package dltheory.init;

import static dltheory.text.SignificantFormat.format;

import dltheory.check.Arguments;
import dltheory.check.Check;
import dltheory.check.Stats;

/**
 * A layer factor measured on an ensemble of independent nets (notebook 01, the checks of steps 3
 * and 7): row m of {@code factor} holds net m's factor at each layer, its mean is the per-net
 * factor (F_m forward, B_m backward), and the ensemble's factor is the mean of the per-net factors
 * with their standard error sd/√M, tested against a claim ρ by the t-statistic of
 * {@link SweepEnsemble}'s class comment. {@link SweepEnsemble} and {@link GradientEnsemble} hold
 * one each.
 *
 * @param factor the per-layer factors of each net, [net][layer]
 */
record NetFactors(double[][] factor) {

    /** M, the number of nets. */
    int nets() {
        return factor.length;
    }

    /** Net m's mean of its per-layer factors (m = 0…M − 1). */
    double netFactor(int m) {
        return Stats.mean(factor[Arguments.inRange(m, 0, nets() - 1, "net m")]);
    }

    /** The statistics of the per-net factors over the independent nets. */
    private Stats stats() {
        double[] perNet = new double[nets()];
        for (int m = 0; m < perNet.length; m++) {
            perNet[m] = netFactor(m);
        }
        return Stats.of(perNet);
    }

    /** The ensemble's factor: the mean of the per-net factors. */
    double mean() {
        return stats().mean();
    }

    /** The standard error of {@link #mean()}: sd of the per-net factors / √M. */
    double standardError() {
        return stats().standardError();
    }

    /** The t-statistic against the claim that the expected factor is ρ, positive when larger. */
    double z(double rho) {
        return (mean() - rho) / standardError();
    }

    /**
     * Checks |z| ≤ k for the claim ρ; prints a ✓ line whose title is {@code claim} followed by
     * " vs ρ = …", or throws {@link AssertionError}.
     *
     * @param rho the claimed factor, finite and &gt; 0
     * @param k   the tolerance in standard errors, finite and &gt; 0
     */
    void check(String claim, double rho, double k) {
        Arguments.positive(rho, "rho");
        Arguments.positive(k, "k");
        double z = z(rho);
        Check.that(Math.abs(z) <= k, claim + " vs ρ = " + format(rho, 4),
                "measured " + format(mean(), 5) + " ± " + format(standardError(), 2)
                        + " (SE), " + format(Math.abs(z), 3) + " SE off, tol " + format(k, 3) + " SE");
    }
}
