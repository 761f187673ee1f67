package dltheory.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dltheory.check.Arguments;
import dltheory.check.Check;
import dltheory.check.MonteCarlo;
import dltheory.table.Tables;
import tech.tablesaw.api.Table;

/**
 * How large bias-corrected Adam steps are on a noisy gradient, notebook 03, section 4. With ε̂ = 0
 * the corrected step is η·|m̂_t|/√ŝ_t, where m̂_t = Σ_k a_k g_k and ŝ_t = Σ_k b_k g_k² are
 * weighted averages with the weights of Q3.2 divided by their sums,
 * <pre>
 *   a_k = (1 − β₁)β₁^{t−k}/(1 − β₁ᵗ),   b_k = (1 − β₂)β₂^{t−k}/(1 − β₂ᵗ),   k = 1…t.
 * </pre>
 * If the two weightings were the same, Cauchy–Schwarz would give |m̂_t| ≤ √ŝ_t, a step of at most
 * η. They are not: m̂_t weighs the recent gradients more than ŝ_t does, so a run of recent
 * gradients larger than the older ones makes a single step longer than η. Cauchy–Schwarz with the
 * weights a_k/√b_k and √b_k gives the bound that does hold for every gradient sequence,
 * <pre>
 *   |Δθ_t|/η ≤ c_t = √(Σ_k a_k²/b_k),
 * </pre>
 * which is 1 at t = 1 and grows with t (to about 7.3 for β₁ = 0.9, β₂ = 0.999), and ε̂ &gt; 0 only
 * shortens the step. Typical steps are much shorter: once both averages have settled,
 * |m̂_t|/√ŝ_t is near |E[g]|/√E[g²] ≤ 1.
 *
 * @param beta1          β₁
 * @param beta2          β₂
 * @param epsHat         ε̂
 * @param stream         the gradient model
 * @param runs           the number of independent runs
 * @param meanStep       per t, the mean over the runs of |Δθ_t|/η
 * @param largestStep    per t, the largest |Δθ_t|/η over the runs
 * @param bound          per t, c_t
 * @param largestToBound the largest (|Δθ_t|/η)/c_t over all runs and steps t ≥ 2 (at t = 1 it is 1 for any g)
 * @param runsAboveEta   the number of runs in which some step is longer than η(1 + {@link #LONGER})
 */
public record AdamStepBound(double beta1, double beta2, double epsHat, NoisyGradient stream, int runs,
                            double[] meanStep, double[] largestStep, double[] bound, double largestToBound,
                            int runsAboveEta) {

    /**
     * c_t = √(Σ_k a_k²/b_k) for t = 1…T: the largest |m̂_t|/√ŝ_t over all gradient sequences.
     *
     * @param beta1 β₁ in [0, 1)
     * @param beta2 β₂ in (0, 1)
     * @param steps T ≥ 1
     */
    public static double[] bound(double beta1, double beta2, int steps) {
        Arguments.inClosedOpen(beta1, 0, 1, "beta1");
        Arguments.inClosedOpen(beta2, 0, 1, "beta2");
        Arguments.positive(beta2, "beta2");
        Arguments.atLeast(steps, 1, "steps");
        double[] c = new double[steps];
        // Σ_k a_k²/b_k = (1 − β₂ᵗ)(1 − β₁)²/((1 − β₁ᵗ)²(1 − β₂)) · Σ_{j<t} (β₁²/β₂)^j
        double ratio = beta1 * beta1 / beta2;
        double sum = 0;
        double power = 1;
        for (int t = 1; t <= steps; t++) {
            sum += power;
            power *= ratio;
            double f1 = Averages.biasFactor(beta1, t);
            double f2 = Averages.biasFactor(beta2, t);
            c[t - 1] = Math.sqrt(f2 * (1 - beta1) * (1 - beta1) / (f1 * f1 * (1 - beta2)) * sum);
        }
        return c;
    }

    /**
     * Runs {@code runs} bias-corrected Adam optimizers (η = 1) for T steps, each on its own stream,
     * and records the size of every step.
     *
     * @param beta1  β₁ in [0, 1)
     * @param beta2  β₂ in (0, 1)
     * @param epsHat ε̂ ≥ 0
     * @param steps  T ≥ 1
     * @param runs   ≥ 2
     */
    public static AdamStepBound simulate(double beta1, double beta2, double epsHat, NoisyGradient stream, int steps,
                                         int runs, Random rng) {
        Arguments.atLeast(runs, 2, "runs");
        double[] c = bound(beta1, beta2, steps);
        double[] mean = new double[steps];
        double[] largest = new double[steps];
        double toBound = 0;
        int above = 0;
        for (int r = 0; r < runs; r++) {
            Adam adam = new Adam(1.0, beta1, beta2, epsHat, true);
            boolean over = false;
            for (int t = 0; t < steps; t++) {
                double step = Math.abs(adam.update(new double[] {stream.next(rng)})[0]);
                mean[t] += step / runs;
                largest[t] = Math.max(largest[t], step);
                if (t > 0) {
                    // at t = 1 every step is η (c₁ = 1): the bound is met by any gradient, so leave it out
                    toBound = Math.max(toBound, step / c[t]);
                }
                over |= step > 1 + LONGER;
            }
            above += over ? 1 : 0;
        }
        return new AdamStepBound(beta1, beta2, epsHat, stream, runs, mean, largest, c, toBound, above);
    }

    /** How much longer than η a step must be to count as longer (above rounding at t = 1, where it is η). */
    public static final double LONGER = 1e-9;

    /** The number of steps T. */
    public int steps() {
        return bound.length;
    }

    /** |E[g]|/√E[g²], where |m̂_t|/√ŝ_t settles when both averages rest on many gradients. */
    double settledStep() {
        return Math.abs(stream.mu()) / Math.sqrt(stream.secondMoment());
    }

    /** The fraction of runs in which some step is longer than η. */
    double fractionAboveEta() {
        return (double) runsAboveEta / runs;
    }

    /** One row of {@link #table}. */
    public record Row(int t, double meanStep, double largestStep, double bound) {
    }

    /** The rows at the chosen steps (each in 1…T). */
    public Table table(int... ts) {
        List<Row> rows = new ArrayList<>();
        for (int t : ts) {
            Arguments.inRange(t, 1, steps(), "t");
            rows.add(new Row(t, meanStep[t - 1], largestStep[t - 1], bound[t - 1]));
        }
        return Tables.of("Corrected Adam steps on g = " + stream.mu() + " + " + stream.sigma() + "·z over " + runs
                + " runs (|E[g]|/√E[g²] = " + dltheory.text.SignificantFormat.format(settledStep(), 3) + ")", rows,
                "t", "mean |Δθₜ|/η", "largest |Δθₜ|/η", "bound cₜ");
    }

    /**
     * The check cell: no step exceeds its bound c_t (deterministic: a bound that holds for every
     * gradient sequence, with 10⁻¹² for rounding), and steps longer than η are no rarity: the
     * fraction of runs with one lies more than {@link MonteCarlo#K} binomial standard errors above 0.
     */
    public void checkClaims() {
        Check.atMost(largestToBound, 1 + 1e-12, "largest over runs and t ≥ 2 of (|Δθ_t|/η) / c_t");
        double q = fractionAboveEta();
        double se = Math.sqrt(Math.max(q * (1 - q), 1.0 / runs) / runs);
        Check.atLeast(q / se, MonteCarlo.K, "fraction of runs with a step longer than η ("
                + runsAboveEta + " of " + runs + "), in standard errors above 0");
    }
}
