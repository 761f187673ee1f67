package dltheory.optim;

import dltheory.check.Arguments;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dltheory.check.Check;
import dltheory.table.Tables;
import tech.tablesaw.api.Table;

/**
 * The Monte Carlo experiment of notebook 03, Q3.3: over {@code runs} independent streams
 * g_t = μ + σ z_t, the sample mean and standard error of the running average v_n and of its
 * bias-corrected form v'_n = v_n/(1 − βⁿ), for n = 1…N. The claims are E[v_n] = (1 − βⁿ)μ,
 * E[v'_n] = μ, and Var[v_n] = σ²(1 − β)(1 − β^{2n})/(1 + β).
 *
 * @param beta         β
 * @param stream       the gradient model (μ, σ)
 * @param runs         the number of independent streams
 * @param mean         mean of v_n over the runs, index n − 1
 * @param variance     sample variance of v_n, index n − 1
 * @param meanCorrected mean of v'_n, index n − 1
 * @param varianceCorrected sample variance of v'_n, index n − 1
 */
public record AverageBias(double beta, NoisyGradient stream, int runs, double[] mean, double[] variance,
                          double[] meanCorrected, double[] varianceCorrected) {

    /**
     * Runs the experiment.
     *
     * @param beta   β in [0, 1)
     * @param stream the gradient model
     * @param n      N ≥ 1, the longest average
     * @param runs   the number of streams, ≥ 2
     * @param rng    the experiment's generator
     */
    public static AverageBias simulate(double beta, NoisyGradient stream, int n, int runs, Random rng) {
        Arguments.inClosedOpen(beta, 0, 1, "beta");
        Arguments.atLeast(n, 1, "n");
        Arguments.atLeast(runs, 2, "runs");
        double[] factor = new double[n];
        for (int t = 1; t <= n; t++) {
            factor[t - 1] = Averages.biasFactor(beta, t);
        }
        // Welford's running mean and sum of squares, per n
        double[] mean = new double[n];
        double[] m2 = new double[n];
        double[] meanC = new double[n];
        double[] m2C = new double[n];
        for (int r = 1; r <= runs; r++) {
            double v = 0;
            for (int t = 0; t < n; t++) {
                v = beta * v + (1 - beta) * stream.next(rng);
                double d = v - mean[t];
                mean[t] += d / r;
                m2[t] += d * (v - mean[t]);
                double c = v / factor[t];
                double dc = c - meanC[t];
                meanC[t] += dc / r;
                m2C[t] += dc * (c - meanC[t]);
            }
        }
        for (int t = 0; t < n; t++) {
            m2[t] /= runs - 1;
            m2C[t] /= runs - 1;
        }
        return new AverageBias(beta, stream, runs, mean, m2, meanC, m2C);
    }

    /** N, the longest average. */
    public int n() {
        return mean.length;
    }

    /** The closed form E[v_n] = (1 − βⁿ)μ for n = 1…N. */
    public double[] expected() {
        double[] e = new double[mean.length];
        for (int t = 1; t <= e.length; t++) {
            e[t - 1] = Averages.biasFactor(beta, t) * stream.mu();
        }
        return e;
    }

    /** The closed form Var[v_n] = σ²(1 − β)(1 − β^{2n})/(1 + β) at n. */
    double expectedVariance(int n) {
        checkN(n);
        double s2 = stream.sigma() * stream.sigma();
        return s2 * (1 - beta) * (1 - Math.pow(beta, 2.0 * n)) / (1 + beta);
    }

    /** The standard error of mean v_n at n. */
    public double standardError(int n) {
        checkN(n);
        return Math.sqrt(variance[n - 1] / runs);
    }

    /** The standard error of mean v'_n at n. */
    double standardErrorCorrected(int n) {
        checkN(n);
        return Math.sqrt(varianceCorrected[n - 1] / runs);
    }

    /** The column headers of {@link Row}, in the notebook's notation. */
    static final String[] LABELS = {
        "β", "n", "mean of v_n", "(1 − β^n)μ", "SE(v_n)", "mean of v′_n", "μ", "SE(v′_n)"
    };

    /** One row of the table: β, n, the mean of v_n, (1 − βⁿ)μ, its SE, the mean of v'_n, μ, its SE. */
    public record Row(double beta, int n, double meanV, double closedForm, double seV,
                      double meanCorrected, double mu, double seCorrected) {
    }

    /** The rows at the chosen n (each in 1…N). */
    public List<Row> rows(int... ns) {
        List<Row> rows = new ArrayList<>();
        for (int n : ns) {
            checkN(n);
            rows.add(new Row(beta, n, mean[n - 1], Averages.biasFactor(beta, n) * stream.mu(), standardError(n),
                    meanCorrected[n - 1], stream.mu(), standardErrorCorrected(n)));
        }
        return rows;
    }

    /** The rows at the chosen n as a table. */
    public Table table(int... ns) {
        return Tables.of("Running average over " + runs + " streams, β = " + beta, rows(ns), LABELS);
    }

    /** Several experiments in one table: the rows at the chosen n of each, in order. */
    public static Table table(int[] ns, AverageBias... experiments) {
        Arguments.that(experiments.length > 0, "experiments", "hold at least one AverageBias", "none");
        List<Row> rows = new ArrayList<>();
        for (AverageBias b : experiments) {
            rows.addAll(b.rows(ns));
        }
        return Tables.of("Running average over " + experiments[0].runs + " streams", rows, LABELS);
    }

    /**
     * The check cell of Q3.3: at each chosen n, prints a ✓ line for E[v_n] = (1 − βⁿ)μ (Step 1)
     * and one for Var[v_n] = σ²(1 − β)(1 − β²ⁿ)/(1 + β) (Step 4), each within k standard errors,
     * and throws {@link AssertionError} when one fails. The corrected mean is not checked
     * separately: v'_n is v_n divided by a constant, so its z-score would repeat the first one.
     * For Gaussian g_t, v_n is Gaussian and the sample variance of R runs has the standard error
     * Var[v_n]·√(2/(R − 1)).
     *
     * @param k  the allowed number of standard errors, ≥ 4 in the notebooks
     * @param ns the steps to check, each in 1…N
     */
    public void checkClaims(double k, int... ns) {
        for (int n : ns) {
            checkN(n);
            Check.withinStandardErrors(mean[n - 1], standardError(n), Averages.biasFactor(beta, n) * stream.mu(), k,
                    "β = " + beta + ": mean v_" + n + " vs (1−βⁿ)μ");
            double expected = expectedVariance(n);
            Check.withinStandardErrors(variance[n - 1], expected * Math.sqrt(2.0 / (runs - 1)), expected, k,
                    "β = " + beta + ": Var v_" + n + " vs σ²(1−β)(1−β²ⁿ)/(1+β)");
        }
    }

    /** |mean v_n − μ| in standard errors: how visible the bias of the uncorrected average is at n. */
    public double biasInStandardErrors(int n) {
        checkN(n);
        return Math.abs(mean[n - 1] - stream.mu()) / standardError(n);
    }

    private void checkN(int n) {
        Arguments.inRange(n, 1, mean.length, "n");
    }
}
