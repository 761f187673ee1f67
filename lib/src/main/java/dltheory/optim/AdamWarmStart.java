package dltheory.optim;

import java.util.Random;

import org.knowm.xchart.XYChart;

import dltheory.check.Arguments;
import dltheory.check.Check;
import dltheory.check.MonteCarlo;
import dltheory.plot.Plots;

/**
 * Adam with and without bias correction on a noisy problem, notebook 03, section 7 (after
 * Kingma &amp; Ba 2015, §6.4, where β₂ close to 1 without the correction made early training
 * unstable). The loss is f(θ) = ½θ², each gradient is θ + σz with z ~ N(0, 1), and every run
 * starts at the minimum θ₀ = 0, so any rise of the loss is caused by the steps alone. Both
 * variants see the same noise (common random numbers). Without the correction the first steps are
 * too large by up to (1 − β₁ᵗ)/√(1 − β₂ᵗ) (section 4), and the loss climbs far above the level
 * at which Adam later settles.
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
 */
public record AdamWarmStart(double beta1, double beta2, double eta, double sigma, int runs,
                            double[] lossWith, double[] seWith, double[] lossWithout, double[] seWithout) {

    /**
     * Runs both variants.
     *
     * @param steps T ≥ 4
     * @param runs  ≥ 2
     */
    public static AdamWarmStart run(double beta1, double beta2, double eta, double sigma, int steps, int runs,
                                    Random rng) {
        Arguments.atLeast(steps, 4, "steps");
        Arguments.atLeast(runs, 2, "runs");
        Arguments.positive(sigma, "sigma");
        double[][] with = new double[runs][];
        double[][] without = new double[runs][];
        for (int r = 0; r < runs; r++) {
            double[] z = new NoisyGradient(0, sigma).draw(steps, rng);
            with[r] = losses(new Adam(eta, beta1, beta2, 1e-8, true), z);
            without[r] = losses(new Adam(eta, beta1, beta2, 1e-8, false), z);
        }
        double[][] a = meanAndSe(with);
        double[][] b = meanAndSe(without);
        return new AdamWarmStart(beta1, beta2, eta, sigma, runs, a[0], a[1], b[0], b[1]);
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
        int best = 0;
        for (int t = 1; t < lossWithout.length; t++) {
            if (lossWithout[t] > lossWithout[best]) {
                best = t;
            }
        }
        return best + 1;
    }

    /** The peak of the mean loss without correction. */
    public double peakWithout() {
        return lossWithout[peakStep() - 1];
    }

    /** The largest mean loss with correction over all T steps. */
    public double peakWith() {
        double m = 0;
        for (double v : lossWith) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** The level Adam settles at: the mean loss with correction over the last quarter of the steps. */
    public double settledLevel() {
        int from = 3 * steps() / 4;
        double s = 0;
        for (int t = from; t < steps(); t++) {
            s += lossWith[t];
        }
        return s / (steps() - from);
    }

    /**
     * The check cell: without correction the mean loss peaks more than {@code factor} times the
     * settled level, {@link MonteCarlo#K} standard errors clear of it; with correction it never
     * exceeds the settled level by more than K standard errors of its own (at the step where it
     * is largest).
     */
    public void checkClaims(double factor) {
        Arguments.positive(factor, "factor");
        int tp = peakStep();
        double level = settledLevel();
        Check.atLeast(peakWithout() / level, factor,
                "without correction: peak mean loss (t = " + tp + ") over the settled level");
        Check.atLeast((peakWithout() - factor * level) / seWithout[tp - 1], MonteCarlo.K,
                "without correction: (peak − " + factor + "·level) in standard errors");
        int tw = argmax(lossWith);
        Check.atMost((lossWith[tw] - level) / seWith[tw], MonteCarlo.K,
                "with correction: (largest mean loss, t = " + (tw + 1) + ", − settled level) in standard errors");
    }

    /** Mean loss against the step (log axis), with and without correction, and the settled level. */
    public XYChart chart() {
        int[] grid = Figures.logSteps(steps(), Figures.PER_DECADE);
        double[] x = new double[grid.length];
        double[] yWith = new double[grid.length];
        double[] yWithout = new double[grid.length];
        for (int k = 0; k < grid.length; k++) {
            x[k] = grid[k];
            yWith[k] = lossWith[grid[k] - 1];
            yWithout[k] = lossWithout[grid[k] - 1];
        }
        XYChart chart = Plots.logX(Plots.xy("Adam from the minimum, noisy gradients (β₁ = " + beta1 + ", β₂ = " + beta2
                + ", " + runs + " runs)", "step t", "mean loss ½θₜ²"));
        Plots.line(chart, "without bias correction", x, yWithout);
        Plots.line(chart, "with bias correction", x, yWith);
        Plots.horizontal(chart, "settled level", settledLevel(), 1, steps());
        return chart;
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int t = 1; t < v.length; t++) {
            if (v[t] > v[best]) {
                best = t;
            }
        }
        return best;
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
