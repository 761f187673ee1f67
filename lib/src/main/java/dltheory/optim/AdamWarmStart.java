package dltheory.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.knowm.xchart.XYChart;

import dltheory.check.Arguments;
import dltheory.check.Check;
import dltheory.check.MonteCarlo;
import dltheory.check.Stats;
import dltheory.dropout.MomentCheck;
import dltheory.table.Tables;
import dltheory.text.SignificantFormat;
import tech.tablesaw.api.Table;
import dltheory.linalg.Vectors;

/**
 * Adam with and without bias correction on a noisy problem, notebook 03, section 7 (after
 * Kingma &amp; Ba 2015, §6.4, where β₂ close to 1 without the correction made early training
 * unstable). The loss is f(θ) = ½θ², each gradient is θ + σz with z ~ N(0, 1), and every run
 * starts at the minimum θ₀ = 0, so any rise of the loss is caused by the steps alone. Both
 * variants see the same noise (common random numbers). Without the correction the first steps are
 * too large by up to (1 − β₁ᵗ)/√(1 − β₂ᵗ) (section 4), and the loss climbs far above the level
 * at which Adam later settles; the ratio decays only on β₂'s time scale 1/(1 − β₂), and the
 * uncorrected loss with it.
 *
 * <p>Every statistical check here is over the independent runs: a quantity is computed per run
 * (the loss at one step, a mean over a window of steps, a difference between the two variants on
 * the same noise) and its mean is compared with its standard error across the runs.
 *
 * @param beta1       β₁
 * @param beta2       β₂
 * @param eta         η
 * @param sigma       σ, the gradient noise
 * @param runs        the number of independent runs
 * @param lossWith    mean over the runs of ½θ_t², t = 1…T, with bias correction
 * @param seWith      its standard error
 * @param lossWithout the same without bias correction
 * @param seWithout   its standard error
 * @param peakRuns    per run, the loss without correction at {@link #peakStep()}
 * @param lateWith    per run, the mean loss with correction over the last quarter of the steps
 * @param lateWithout per run, the same without correction
 * @param blockWith   per block of {@link #BLOCKS} consecutive equal blocks of steps, per run, the
 *                    mean loss with correction over the block
 * @param blockTwin   the same for the linear twin on the same noise ({@link #twinLosses})
 */
public record AdamWarmStart(double beta1, double beta2, double eta, double sigma, int runs,
                            double[] lossWith, double[] seWith, double[] lossWithout, double[] seWithout,
                            double[] peakRuns, double[] lateWith, double[] lateWithout, double[][] blockWith,
                            double[][] blockTwin) {

    /** The number of blocks the steps are cut into for the check of the corrected loss. */
    public static final int BLOCKS = 20;

    /**
     * Runs both variants.
     *
     * @param steps T ≥ {@value #BLOCKS}·2, a multiple of {@value #BLOCKS}
     * @param runs  ≥ 2
     */
    public static AdamWarmStart run(double beta1, double beta2, double eta, double sigma, int steps, int runs,
                                    Random rng) {
        Arguments.atLeast(steps, 2 * BLOCKS, "steps");
        Arguments.that(steps % BLOCKS == 0, "steps", "be a multiple of " + BLOCKS, steps);
        Arguments.atLeast(runs, 2, "runs");
        Arguments.positive(sigma, "sigma");
        double[][] with = new double[runs][];
        double[][] without = new double[runs][];
        double[][] twin = new double[runs][];
        for (int r = 0; r < runs; r++) {
            double[] z = new NoisyGradient(0, sigma).draw(steps, rng);
            with[r] = losses(new Adam(eta, beta1, beta2, 1e-8, true), z);
            without[r] = losses(new Adam(eta, beta1, beta2, 1e-8, false), z);
            twin[r] = twinLosses(beta1, eta / sigma, z);
        }
        double[][] a = meanAndSe(with);
        double[][] b = meanAndSe(without);
        int peak = Vectors.argmax(b[0]);
        int from = 3 * steps / 4;
        int size = steps / BLOCKS;
        double[] peakRuns = new double[runs];
        double[] lateWith = new double[runs];
        double[] lateWithout = new double[runs];
        double[][] blockWith = new double[BLOCKS][runs];
        double[][] blockTwin = new double[BLOCKS][runs];
        for (int r = 0; r < runs; r++) {
            peakRuns[r] = without[r][peak];
            lateWith[r] = Stats.mean(with[r], from, steps);
            lateWithout[r] = Stats.mean(without[r], from, steps);
            for (int k = 0; k < BLOCKS; k++) {
                blockWith[k][r] = Stats.mean(with[r], k * size, (k + 1) * size);
                blockTwin[k][r] = Stats.mean(twin[r], k * size, (k + 1) * size);
            }
        }
        return new AdamWarmStart(beta1, beta2, eta, sigma, runs, a[0], a[1], b[0], b[1], peakRuns, lateWith,
                lateWithout, blockWith, blockTwin);
    }

    /**
     * ½θ_t² along one run of the corrected Adam's linear twin: the same steps with the second
     * moment held at its limit at the minimum, ŝ_t = σ², that is θ_t = θ_{t−1} − (η/σ)·m̂_t with
     * m̂_t = m_t/(1 − β₁ᵗ) and m_t = β₁m_{t−1} + (1 − β₁)(θ_{t−1} + noise[t−1]). It is linear in the
     * noise, so its mean loss is known exactly ({@link #twinMeanLoss}), and on the same noise it
     * follows Adam closely once ŝ_t has settled: the difference of the two has a far smaller spread
     * across runs than either loss (a control variate).
     */
    static double[] twinLosses(double beta1, double step, double[] noise) {
        double theta = 0;
        double m = 0;
        double[] loss = new double[noise.length];
        for (int t = 0; t < noise.length; t++) {
            m = beta1 * m + (1 - beta1) * (theta + noise[t]);
            theta -= step * m / Averages.biasFactor(beta1, t + 1);
            loss[t] = 0.5 * theta * theta;
        }
        return loss;
    }

    /**
     * The exact mean of {@link #twinLosses} for noise of variance σ², t = 1…T: the recursion of
     * the covariance of (θ, m), which the twin's update maps linearly.
     */
    static double[] twinMeanLoss(double beta1, double eta, double sigma, int steps) {
        double step = eta / sigma;
        double tt = 0;
        double tm = 0;
        double mm = 0;
        double v = sigma * sigma;
        double[] loss = new double[steps];
        for (int t = 1; t <= steps; t++) {
            // m' = β₁m + (1 − β₁)(θ + z), θ' = θ − a·m' with a = step/(1 − β₁ᵗ)
            double a = step / Averages.biasFactor(beta1, t);
            double c = 1 - beta1;
            double mmNew = beta1 * beta1 * mm + 2 * beta1 * c * tm + c * c * (tt + v);
            double tmNew = beta1 * tm + c * tt;                       // E[θ m'] (z independent of θ)
            double ttNew = tt - 2 * a * tmNew + a * a * mmNew;
            double tmOut = tmNew - a * mmNew;                         // E[θ' m']
            tt = ttNew;
            tm = tmOut;
            mm = mmNew;
            loss[t - 1] = 0.5 * tt;
        }
        return loss;
    }

    /** ½θ_t² along one run of {@code adam} from θ₀ = 0 with gradients θ_{t−1} + noise[t−1]. */
    static double[] losses(Adam adam, double[] noise) {
        double theta = 0;
        double[] loss = new double[noise.length];
        for (int t = 0; t < noise.length; t++) {
            theta += adam.update(new double[] {theta + noise[t]})[0];
            loss[t] = 0.5 * theta * theta;
        }
        return loss;
    }

    /** The steps T. */
    public int steps() {
        return lossWith.length;
    }

    /** The step t (from 1) where the mean loss without correction peaks. */
    public int peakStep() {
        return Vectors.argmax(lossWithout) + 1;
    }

    /** The peak of the mean loss without correction. */
    double peakWithout() {
        return lossWithout[peakStep() - 1];
    }

    /** The largest mean loss with correction over all T steps. */
    double peakWith() {
        return Vectors.max(lossWith);
    }

    /** The level Adam settles at: the mean loss with correction over the last quarter of the steps. */
    double settledLevel() {
        return Stats.mean(lateWith);
    }

    /**
     * (mean over the runs of L_without(t_peak) − factor·L_late,with) in standard errors of that
     * per-run difference: how clearly the uncorrected peak exceeds {@code factor} times the settled
     * level.
     */
    double peakExcessInStandardErrors(double factor) {
        double[] d = new double[runs];
        for (int r = 0; r < runs; r++) {
            d[r] = peakRuns[r] - factor * lateWith[r];
        }
        Stats s = Stats.of(d);
        return s.mean() / s.standardError();
    }

    /** The mean loss without correction over the last quarter of the steps, over the settled level. */
    double lateRatio() {
        return Stats.mean(lateWithout) / settledLevel();
    }

    /**
     * The mean over the runs of (last-quarter loss without correction − with correction, same
     * noise) in standard errors: how clearly the uncorrected run is still above the settled level
     * after T steps.
     */
    double lateExcessInStandardErrors() {
        double[] d = new double[runs];
        for (int r = 0; r < runs; r++) {
            d[r] = lateWithout[r] - lateWith[r];
        }
        Stats s = Stats.of(d);
        return s.mean() / s.standardError();
    }

    /**
     * The largest, over the {@value #BLOCKS} blocks of steps, of (block mean of the corrected loss
     * − block mean of its linear twin on the same noise) in standard errors of that per-run
     * difference: how far Adam with correction rises above the twin, whose mean loss climbs
     * monotonically to the noise level ({@link #twinMeanLoss}).
     */
    double largestBlockExcessInStandardErrors() {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < BLOCKS; k++) {
            double[] d = new double[runs];
            for (int r = 0; r < runs; r++) {
                d[r] = blockWith[k][r] - blockTwin[k][r];
            }
            Stats s = Stats.of(d);
            max = Math.max(max, s.mean() / s.standardError());
        }
        return max;
    }

    /**
     * The first step after the peak at which the mean loss without correction is at most
     * {@code factor} times the settled level, or −1 if it never is within the T steps.
     */
    int returnStep(double factor) {
        double level = settledLevel();
        for (int t = peakStep(); t <= steps(); t++) {
            if (lossWithout[t - 1] <= factor * level) {
                return t;
            }
        }
        return -1;
    }

    /**
     * One row of {@link #returnTable}: a multiple of the settled level, the first step after the
     * peak at which the uncorrected mean loss is at most that multiple of the level (NaN, shown as
     * "–", when it is not within the T steps), and the step ratio (1 − β₁ᵗ)/√(1 − β₂ᵗ) there.
     */
    public record Return(double multiple, double step, double stepRatio) {
    }

    /**
     * The table of the way back (notebook 03, Table 3.8): for each multiple f of the settled level,
     * the first step after the peak where the uncorrected mean loss is at most f times the level,
     * and the step ratio (1 − β₁ᵗ)/√(1 − β₂ᵗ) at that step. Each column holds one quantity: a
     * multiple never reached within the T steps has "–" for its step and ratio, and the caption
     * gives the ratio of the mean loss to the level over the last quarter of the steps, beside the
     * step ratio at T.
     */
    public Table returnTable(double... multiples) {
        List<Return> rows = new ArrayList<>();
        for (double f : multiples) {
            int t = returnStep(f);
            rows.add(new Return(f, t < 0 ? Double.NaN : t,
                    t < 0 ? Double.NaN : Adam.uncorrectedStepRatio(beta1, beta2, t)));
        }
        int from = 3 * steps() / 4 + 1;
        String caption = "The uncorrected mean loss after its peak at t = " + peakStep()
                + ": the first step at which it is at most f times the settled level (– if not within T = "
                + steps() + "); over t = " + from + "…" + steps() + " its mean is "
                + SignificantFormat.format(lateRatio(), 3) + " times the level, with step ratio "
                + SignificantFormat.format(Adam.uncorrectedStepRatio(beta1, beta2, steps()), 3) + " at T";
        return Tables.of(caption, rows, "f = loss / settled level", "first step t", "(1 − β₁ᵗ)/√(1 − β₂ᵗ) at t");
    }

    /**
     * The check cell, three claims, each over the independent runs at {@link MonteCarlo#K}
     * standard errors (one-sided, false alarm below 10⁻⁴ each for a normal mean):
     * without correction the mean loss at its peak exceeds {@code factor} times the settled level;
     * it is still above the settled level over the last quarter of the steps; with correction the
     * mean loss of no block of steps exceeds that of the linear twin on the same noise by more than
     * {@link dltheory.dropout.MomentCheck#simultaneousK(int)} for {@value #BLOCKS} blocks (a Bonferroni
     * correction: the max over the blocks has the false-alarm rate of one 4-SE check), and the
     * twin's exact mean loss never falls (so it climbs to its level without overshooting).
     * The twin is a control variate: on the same noise Adam's block means and the twin's differ by
     * 0.05 to 0.3 times the settled level across runs, against 1 to 1.5 times for Adam's block
     * minus the settled level, so 3,000 runs resolve an overshoot of 5 % of the level in any block
     * (AdamWarmStartTest.theCorrectedBlockCheckRejectsAFivePercentOvershootForManySeeds). Adam with
     * correction takes steps 1/√ŝ_t times the twin's, slightly smaller once ŝ_t = σ² + E[θ²] has
     * settled: its block means sit 0.2 % to 1 % of the level below the twin's (measured over
     * 20,000 runs), on the side that cannot raise a false alarm.
     */
    public void checkClaims(double factor) {
        Arguments.positive(factor, "factor");
        Check.atLeast(peakExcessInStandardErrors(factor), MonteCarlo.K,
                "without correction: (peak mean loss at t = " + peakStep() + " − " + factor
                        + "·settled level) in standard errors");
        Check.atLeast(lateExcessInStandardErrors(), MonteCarlo.K,
                "without correction: last-quarter mean loss − settled level, in standard errors");
        Check.atMost(largestBlockExcessInStandardErrors(), MomentCheck.simultaneousK(BLOCKS),
                "with correction: largest (block mean loss − its linear twin's) over " + BLOCKS
                        + " blocks, in standard errors");
        double[] twin = twinMeanLoss(beta1, eta, sigma, steps());
        double drop = 0;
        for (int t = 1; t < twin.length; t++) {
            drop = Math.max(drop, twin[t - 1] - twin[t]);
        }
        Check.atMost(drop, 0, "the twin's exact mean loss never falls (largest fall from one step to the next)");
    }

    /**
     * Mean loss against the step (log axis), with and without correction, and the settled level:
     * {@link Figures#warmStart}.
     */
    public XYChart chart() {
        return Figures.warmStart(this);
    }

    private static double[][] meanAndSe(double[][] runs) {
        int n = runs.length;
        int steps = runs[0].length;
        double[] mean = new double[steps];
        double[] se = new double[steps];
        for (int t = 0; t < steps; t++) {
            double s = 0;
            double s2 = 0;
            for (double[] r : runs) {
                s += r[t];
                s2 += r[t] * r[t];
            }
            double m = s / n;
            mean[t] = m;
            se[t] = Math.sqrt(Math.max(0, (s2 - n * m * m) / (n - 1)) / n);
        }
        return new double[][] {mean, se};
    }
}
