package dltheory.optim;

import dltheory.check.Arguments;
import java.util.ArrayList;
import java.util.List;

import dltheory.table.Tables;
import tech.tablesaw.api.Table;
import dltheory.linalg.Vectors;
import java.util.stream.IntStream;

/**
 * The exponential moving average of notebook 03 (Q3.2 and Q3.3) as pure functions over scalar
 * streams g_1, …, g_n (array index t − 1 holds g_t):
 * the recursion v_t = β v_{t−1} + (1 − β) g_t with v_0 = 0, its closed form
 * v_n = Σ_{t=1}^{n} β^{n−t}(1 − β) g_t, the bias factor E[v_n]/E[g] = 1 − βⁿ, and the
 * bias-corrected average v_n/(1 − βⁿ).
 */
public final class Averages {

    private Averages() {
    }

    /**
     * The running averages v_1, …, v_n by the recursion v_t = β v_{t−1} + (1 − β) g_t, v_0 = 0
     * (Q3.1, the definition).
     *
     * @param beta β in [0, 1)
     * @param g    g_1, …, g_n, at least one value. Not modified.
     * @return v_1, …, v_n (index t − 1 holds v_t)
     */
    public static double[] recursive(double beta, double[] g) {
        Arguments.inClosedOpen(beta, 0, 1, "beta");
        Arguments.nonEmpty(g, "the stream g");
        double[] v = new double[g.length];
        double prev = 0;
        for (int t = 0; t < g.length; t++) {
            prev = beta * prev + (1 - beta) * g[t];
            v[t] = prev;
        }
        return v;
    }

    /**
     * v_n by the closed form Σ_{t=1}^{n} β^{n−t}(1 − β) g_t (Q3.2), summed directly.
     *
     * @param beta β in [0, 1)
     * @param g    the stream; only g_1, …, g_n are used. Not modified.
     * @param n    1 ≤ n ≤ g.length
     */
    public static double closedForm(double beta, double[] g, int n) {
        Arguments.inClosedOpen(beta, 0, 1, "beta");
        Arguments.nonEmpty(g, "the stream g");
        Arguments.inRange(n, 1, g.length, "n");
        double sum = 0;
        for (int t = 1; t <= n; t++) {
            sum += Math.pow(beta, n - t) * (1 - beta) * g[t - 1];
        }
        return sum;
    }

    /** The closed form (Q3.2) for every n = 1, …, g.length. */
    public static double[] closedForm(double beta, double[] g) {
        Arguments.nonEmpty(g, "the stream g");
        double[] v = new double[g.length];
        for (int n = 1; n <= g.length; n++) {
            v[n - 1] = closedForm(beta, g, n);
        }
        return v;
    }

    /**
     * The weights β^{n−t}(1 − β), t = 1, …, n, that v_n puts on g_t (Q3.2); they sum to 1 − βⁿ.
     *
     * @param beta β in [0, 1)
     * @param n    n ≥ 1
     */
    public static double[] weights(double beta, int n) {
        Arguments.inClosedOpen(beta, 0, 1, "beta");
        Arguments.atLeast(n, 1, "n");
        double[] w = new double[n];
        for (int t = 1; t <= n; t++) {
            w[t - 1] = Math.pow(beta, n - t) * (1 - beta);
        }
        return w;
    }

    /**
     * The bias factor 1 − βⁿ: E[v_n] = (1 − βⁿ) E[g] for a stream with constant mean (Q3.3).
     *
     * @param beta β in [0, 1)
     * @param n    n ≥ 1
     */
    static double biasFactor(double beta, int n) {
        Arguments.inClosedOpen(beta, 0, 1, "beta");
        Arguments.atLeast(n, 1, "n");
        return 1 - Math.pow(beta, n);
    }

    /**
     * The bias-corrected averages v'_t = v_t/(1 − βᵗ), t = 1, …, n (Q3.3; as in Adam).
     *
     * @param beta β in [0, 1)
     * @param v    v_1, …, v_n. Not modified.
     */
    static double[] biasCorrected(double beta, double[] v) {
        Arguments.nonEmpty(v, "the stream v");
        double[] c = new double[v.length];
        for (int t = 1; t <= v.length; t++) {
            c[t - 1] = v[t - 1] / biasFactor(beta, t);
        }
        return c;
    }

    /**
     * One vector average at step t, corrected entrywise: v_t/(1 − βᵗ) (Q3.3, as Adam uses it).
     *
     * @param beta β in [0, 1)
     * @param t    t ≥ 1
     * @param v    the average v_t. Not modified.
     */
    static double[] biasCorrected(double beta, int t, double[] v) {
        Arguments.nonEmpty(v, "the stream v");
        double f = biasFactor(beta, t);
        double[] c = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            c[i] = v[i] / f;
        }
        return c;
    }

    /**
     * The momentum step size that makes momentum (α, ε) move like the running average (β, δ):
     * ε = δ(1 − β), with α = β (Q3.1).
     *
     * @param beta  β in [0, 1)
     * @param delta δ &gt; 0
     */
    static double matchingEpsilon(double beta, double delta) {
        Arguments.inClosedOpen(beta, 0, 1, "beta");
        Arguments.positive(delta, "delta");
        return delta * (1 - beta);
    }

    /**
     * The smallest n with relative bias βⁿ ≤ tol, i.e. |E[v_n] − E[g]| ≤ tol·|E[g]| (Q3.3).
     *
     * @param beta β in [0, 1)
     * @param tol  tol in (0, 1)
     */
    static int stepsUntilBiasBelow(double beta, double tol) {
        Arguments.inClosedOpen(beta, 0, 1, "beta");
        Arguments.inOpen(tol, 0, 1, "tol");
        if (beta == 0) {
            return 1;
        }
        int n = Math.max(1, (int) Math.ceil(Math.log(tol) / Math.log(beta)));
        // guard the rounding of the logarithms: step to the exact smallest n
        while (n > 1 && Math.pow(beta, n - 1) <= tol) {
            n--;
        }
        while (Math.pow(beta, n) > tol) {
            n++;
        }
        return n;
    }

    /**
     * max over i of |a_i − b_i|: how far the recursion and the closed form (Q3.2) or two step
     * sequences disagree.
     *
     * @param a not modified
     * @param b of the same length as a, not modified
     */
    public static double maxAbsDifference(double[] a, double[] b) {
        Arguments.nonEmpty(a, "the stream a");
        Arguments.length(b, a.length, "the stream b", "the length of a");
        return Vectors.max(IntStream.range(0, a.length).mapToDouble(i -> Math.abs(a[i] - b[i])).toArray());
    }

    /**
     * One row of the Q3.2 comparison: n, g_n, v_n by the recursion, v_n by the closed form, and
     * their difference.
     */
    public record ClosedFormRow(int n, double g, double recursion, double closedForm, double difference) {
    }

    /**
     * The recursion against the closed form (Q3.2) at the chosen n, as a table.
     *
     * @param beta β in [0, 1)
     * @param g    the stream g_1, …, g_N. Not modified.
     * @param ns   the steps to show, each in 1…N
     */
    public static Table closedFormTable(double beta, double[] g, int... ns) {
        double[] rec = recursive(beta, g);
        List<ClosedFormRow> rows = new ArrayList<>();
        for (int n : ns) {
            double c = closedForm(beta, g, n);
            rows.add(new ClosedFormRow(n, g[n - 1], rec[n - 1], c, rec[n - 1] - c));
        }
        return Tables.of("Recursion and closed form, β = " + beta, rows,
                "n", "g_n", "v_n (recursion)", "v_n (closed form)", "difference");
    }
}
