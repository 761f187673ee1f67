package dltheory.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;


import dltheory.check.Arguments;
import dltheory.check.Check;
import dltheory.check.MonteCarlo;
import dltheory.check.Stats;
import dltheory.table.Tables;
import tech.tablesaw.api.Table;

/**
 * The bias–variance trade-off in β, notebook 03, section 8. A running average v_n = βv_{n−1} +
 * (1 − β)g_n (v_0 = 0) tracks gradients whose mean drifts, g_t = st + σz_t with z_t i.i.d.
 * N(0, 1). From the closed form v_n = Σ_t (1 − β)β^{n−t} g_t of section 2, its error
 * e_n = v_n − sn has
 * <pre>
 *   mean  b = s(Σ_t (1 − β)β^{n−t} t − n)   → −sβ/(1 − β)       (lag: the average is behind),
 *   var   V = σ²(1 − β)²(1 − β^{2n})/(1 − β²) → σ²(1 − β)/(1 + β)  (noise left in),
 * </pre>
 * and mean squared error b² + V: a large β averages the noise away but lags the drift, a small β
 * follows the drift but keeps the noise. (The limits hold as n → ∞; the functions here use the
 * exact finite-n sums.)
 *
 * @param beta      β
 * @param bias      b, exact
 * @param variance  V, exact
 * @param predicted b² + V
 * @param measured  the mean of e_n² over the runs
 * @param se        its standard error
 */
public record Tracking(double beta, double bias, double variance, double predicted, double measured, double se) {

    /** b = s(Σ_{t=1}^{n} (1 − β)β^{n−t} t − n), the mean error of v_n. */
    public static double bias(double beta, double drift, int n) {
        Arguments.inClosedOpen(beta, 0, 1, "beta");
        Arguments.atLeast(n, 1, "n");
        double s = 0;
        for (int t = 1; t <= n; t++) {
            s += (1 - beta) * Math.pow(beta, n - t) * t;
        }
        return drift * (s - n);
    }

    /** V = σ²(1 − β)²(1 − β^{2n})/(1 − β²), the variance of v_n. */
    public static double variance(double beta, double sigma, int n) {
        Arguments.inClosedOpen(beta, 0, 1, "beta");
        Arguments.atLeast(n, 1, "n");
        return sigma * sigma * (1 - beta) * (1 - beta) * (1 - Math.pow(beta, 2 * n)) / (1 - beta * beta);
    }

    /**
     * One row per β: the closed forms and the mean of e_n² over {@code runs} streams. All β see
     * the same streams.
     *
     * @param drift s, finite
     * @param sigma σ &gt; 0
     * @param n     the step at which the error is measured, ≥ 1
     * @param runs  ≥ 2
     */
    public static List<Tracking> run(double drift, double sigma, int n, int runs, Random rng, double... betas) {
        Arguments.finite(drift, "drift");
        Arguments.positive(sigma, "sigma");
        Arguments.atLeast(runs, 2, "runs");
        Arguments.atLeast(betas.length, 1, "betas.length");
        double[][] e2 = new double[betas.length][runs];
        for (int r = 0; r < runs; r++) {
            double[] z = new NoisyGradient(0, sigma).draw(n, rng);
            double[] g = new double[n];
            for (int t = 0; t < n; t++) {
                g[t] = drift * (t + 1) + z[t];
            }
            for (int k = 0; k < betas.length; k++) {
                double[] v = Averages.recursive(betas[k], g);
                double e = v[n - 1] - drift * n;
                e2[k][r] = e * e;
            }
        }
        List<Tracking> rows = new ArrayList<>();
        for (int k = 0; k < betas.length; k++) {
            double b = bias(betas[k], drift, n);
            double v = variance(betas[k], sigma, n);
            rows.add(new Tracking(betas[k], b, v, b * b + v, Stats.mean(e2[k]), Stats.standardError(e2[k])));
        }
        return rows;
    }

    /** The rows as a table. */
    public static Table table(List<Tracking> rows, double drift, double sigma, int n) {
        return Tables.of("Error of the running average tracking a drift (s = " + drift + ", σ = " + sigma
                + ", n = " + n + ")", rows, "β", "bias b", "variance V", "b² + V", "mean eₙ²", "SE");
    }

    /** The row with the smallest predicted mean squared error. */
    public static Tracking best(List<Tracking> rows) {
        Tracking best = rows.get(0);
        for (Tracking r : rows) {
            if (r.predicted() < best.predicted()) {
                best = r;
            }
        }
        return best;
    }

    /**
     * The check cell: every measured mean squared error lies within {@link MonteCarlo#K} standard
     * errors of b² + V, and the best β of the grid beats both ends of the grid by more than K
     * combined standard errors (measured).
     */
    public static void checkClaims(List<Tracking> rows) {
        for (Tracking r : rows) {
            Check.withinStandardErrors(r.measured(), r.se(), r.predicted(), MonteCarlo.K,
                    "β = " + r.beta() + ": mean eₙ² vs b² + V");
        }
        Tracking best = best(rows);
        for (Tracking end : List.of(rows.get(0), rows.get(rows.size() - 1))) {
            Check.atLeast((end.measured() - best.measured()) / Math.hypot(end.se(), best.se()), MonteCarlo.K,
                    "measured eₙ² at β = " + end.beta() + " minus at β = " + best.beta() + ", in standard errors");
        }
    }

}
