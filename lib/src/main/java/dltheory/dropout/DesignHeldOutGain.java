package dltheory.dropout;

import java.util.List;
import dltheory.table.Tables;
import tech.tablesaw.api.Table;

import java.util.Random;

import dltheory.check.Arguments;
import dltheory.check.Check;
import dltheory.check.MonteCarlo;
import dltheory.check.Stats;
import dltheory.linalg.Vectors;

/**
 * The held-out gain of dropout over least squares as a property of the design, not of one training
 * set (notebook 02, section 9). On one training set of 20 examples the gain depends on the draw of
 * those examples; here it is averaged over independent training sets of the same design, each scored
 * by its exact population risk E[(y − xᵀw)²] = (w − w*)ᵀΣ(w − w*) + σ² (so no test set adds noise):
 * per set, risk(w_OLS) − risk(p·w_drop), then the mean over sets and its standard error. With
 * {@link #overChosenP} each training set chooses its own p, as the notebook does, on its own
 * held-out examples: the claim is then about the whole procedure on this design.
 *
 * @param p             keep probability of dropout, or with a chosen p its mean over the sets
 * @param n             examples per training set
 * @param sets          the number of independent training sets
 * @param mean          the mean over the sets of risk(w_OLS) − risk(p·w_drop)
 * @param standardError its standard error
 * @param negative      how many sets had a negative gain (dropout worse than OLS on that set)
 */
public record DesignHeldOutGain(double p, int n, int sets, double mean, double standardError, int negative) {

    /**
     * Draws {@code sets} training sets of n examples from {@code design}, fits least squares and
     * p·w_drop (2.6) on each, and averages the difference of their population risks.
     *
     * @param n    examples per set, ≥ d + 1
     * @param p    keep probability in (0, 1]
     * @param sets ≥ 2
     */
    public static DesignHeldOutGain over(CorrelatedDesign design, int n, double p, int sets, Random rng) {
        Arguments.inOpenClosed(p, 0, 1, "p (keep probability)");
        return run(design, n, new double[] {p}, 0, sets, rng);
    }

    /**
     * As {@link #over}, but each training set chooses p from {@code ps} where the mean squared error
     * on its own {@code heldOut} fresh examples is smallest (the rule of the notebook's section 9).
     *
     * @param ps      candidate keep probabilities, each in (0, 1]
     * @param heldOut held-out examples per set, ≥ 1
     */
    public static DesignHeldOutGain overChosenP(CorrelatedDesign design, int n, double[] ps, int heldOut, int sets,
                                                Random rng) {
        Arguments.atLeast(ps.length, 1, "ps.length");
        for (double p : ps) {
            Arguments.inOpenClosed(p, 0, 1, "p in ps (keep probability)");
        }
        Arguments.atLeast(heldOut, 1, "heldOut (examples per held-out set)");
        return run(design, n, ps, heldOut, sets, rng);
    }

    private static DesignHeldOutGain run(CorrelatedDesign design, int n, double[] ps, int heldOut, int sets,
                                         Random rng) {
        Arguments.atLeast(n, design.d() + 1, "n (examples per training set)");
        Arguments.atLeast(sets, 2, "sets");
        var sigma = design.covariance();
        double[] gains = new double[sets];
        double sumP = 0;
        int negative = 0;
        for (int k = 0; k < sets; k++) {
            RegressionData data = design.sample(n, rng);
            double[] best = DropoutRegression.scaledMinimiser(data.X(), data.y(), ps[0]);
            double bestP = ps[0];
            if (ps.length > 1) {
                RegressionData check = design.sample(heldOut, rng);
                double bestError = HeldOut.meanSquaredError(check, best);
                for (int i = 1; i < ps.length; i++) {
                    double[] w = DropoutRegression.scaledMinimiser(data.X(), data.y(), ps[i]);
                    double e = HeldOut.meanSquaredError(check, w);
                    if (e < bestError) {
                        bestError = e;
                        best = w;
                        bestP = ps[i];
                    }
                }
            }
            sumP += bestP;
            gains[k] = excessRisk(sigma, design.wTrue(), DropoutRegression.leastSquares(data.X(), data.y()))
                    - excessRisk(sigma, design.wTrue(), best);
            if (gains[k] < 0) {
                negative++;
            }
        }
        Stats s = Stats.of(gains);
        return new DesignHeldOutGain(sumP / sets, n, sets, s.mean(), s.standardError(), negative);
    }

    /** (w − w*)ᵀΣ(w − w*): the population risk of w minus the noise variance σ². */
    static double excessRisk(org.ejml.data.DMatrixRMaj sigma, double[] wTrue, double[] w) {
        Arguments.length(w, wTrue.length, "w", "d, the features of the design");
        double[] e = Vectors.plus(w, Vectors.scale(-1, wTrue));
        return Vectors.dot(e, Vectors.times(sigma, e));
    }

    /** mean / standardError: how many standard errors the mean gain lies above zero. */
    public double z() {
        return mean / standardError;
    }

    /**
     * The check: the mean gain exceeds zero by at least {@link MonteCarlo#K} standard errors
     * (one-sided; the per-set gains are skewed to the right, where OLS blows up on a nearly singular
     * training set, so the lower tail of their mean is no heavier than a normal one).
     */
    public void checkPositive() {
        Check.atLeast(z(), MonteCarlo.K, "mean over " + sets + " training sets of risk(OLS) − risk(p·w_drop) (p = "
                + String.format("%.3g", p) + "), in standard errors");
    }

    /** This result as a one-row table headed in notebook 02's notation. */
    public Table table() {
        return Tables.of("Gain over OLS, averaged over training sets of the design", List.of(this),
                "mean chosen p", "n", "training sets", "mean gain in population error", "SE",
                "sets where OLS did better");
    }
}
