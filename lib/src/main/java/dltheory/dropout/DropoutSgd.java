package dltheory.dropout;

import dltheory.check.Arguments;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;

/**
 * Training with dropout, notebook 02: stochastic gradient descent on the loss of one fresh mask
 * per step, starting from w = 0,
 * <pre>
 *   (2.8)  w_{t+1} = w_t − η_t·∇L_{R_t}(w_t),   ∇L_R(w) = 2(R⊙X)ᵀ((R⊙X)w − y),   η_t = η₀/(1 + t/τ).
 * </pre>
 * Because R_t is drawn afresh, E[∇L_{R_t}(w) | w] = ∇E_R[L(w)], and since that gradient is affine
 * in w the mean iterate follows gradient descent on E_R[L] exactly (equation (2.10)).
 */
public final class DropoutSgd {

    private DropoutSgd() {
    }

    /**
     * τ = 1/(μη₀), the decay time of notebook 02's schedule η_t = η₀/(1 + t/τ): its late steps are
     * η_t ≈ 1/(μt), μ = {@link DropoutRegression#strongConvexity}, the classical schedule for a
     * strongly convex loss, under which E‖w_t − w_drop‖² falls like 1/t.
     */
    public static double decayTime(DMatrixRMaj X, double p, double eta0) {
        Arguments.positive(eta0, "eta0");
        return 1 / (DropoutRegression.strongConvexity(X, p) * eta0);
    }

    /**
     * One SGD run (2.8) with a decaying step η_t = η₀/(1 + t/τ) (constant when τ is infinite),
     * recording the iterate at about {@code points} steps spaced evenly on a log scale.
     *
     * @param steps T ≥ 1
     * @param eta0  η₀ > 0 (stable below about 1/{@link DropoutRegression#smoothness})
     * @param tau   τ > 0, the step at which η has halved; {@code Double.POSITIVE_INFINITY} for a constant step
     */
    public static SgdPath run(DMatrixRMaj X, double[] y, double p, int steps, double eta0, double tau, int points,
                              Random rng) {
        check(X, y, p, steps, eta0);
        Arguments.that(tau > 0, "tau", "be > 0 (or infinite for a constant step)", tau);
        Arguments.atLeast(points, 2, "points");
        int[] record = java.util.stream.IntStream.range(0, points)
                .map(k -> (int) Math.round(Math.pow(steps, k / (points - 1.0))))
                .map(t -> Math.min(Math.max(t, 1), steps)).distinct().toArray();
        double[][] iterates = new double[record.length][];
        double[] w = new double[X.numCols];
        double[] masked = new double[X.numRows * X.numCols];
        MaskSource source = new MaskSource(rng);
        int next = 0;
        for (int t = 0; t < steps; t++) {
            step(X, y, p, eta0 / (1 + t / tau), w, masked, source);
            if (t + 1 == record[next]) {
                iterates[next++] = w.clone();
            }
        }
        double[] at = new double[record.length];
        for (int k = 0; k < at.length; k++) {
            at[k] = record[k];
        }
        return new SgdPath(at, iterates);
    }

    /**
     * {@code runs} independent SGD runs (2.8) with a constant step η for T steps each, keeping each
     * run's final iterate w_T: the spread of dropout training at a fixed step size (notebook 02,
     * "beyond the text").
     *
     * @param runs at least 2
     */
    public static Ensemble ensemble(DMatrixRMaj X, double[] y, double p, int runs, int steps, double eta, Random rng) {
        check(X, y, p, steps, eta);
        Arguments.atLeast(runs, 2, "runs");
        double[][] finals = new double[runs][];
        double[] masked = new double[X.numRows * X.numCols];
        MaskSource source = new MaskSource(rng);
        for (int r = 0; r < runs; r++) {
            double[] w = new double[X.numCols];
            for (int t = 0; t < steps; t++) {
                step(X, y, p, eta, w, masked, source);
            }
            finals[r] = w;
        }
        return new Ensemble(eta, steps, finals);
    }

    /**
     * The stochastic gradient of one fresh mask, ∇L_R(w) = 2(R⊙X)ᵀ((R⊙X)w − y) (equation (2.8)),
     * with R the mask that {@link MonteCarloDropout#mask} draws from a generator in the same state.
     */
    public static double[] stochasticGradient(DMatrixRMaj X, double[] y, double[] w, double p, Random rng) {
        Arguments.nonEmpty(X, "X");
        Arguments.length(y, X.numRows, "y", "n, the rows of X");
        Arguments.length(w, X.numCols, "w", "d, the columns of X");
        Arguments.inOpenClosed(p, 0, 1, "p (keep probability)");
        double[] g = new double[X.numCols];
        gradient(X, y, p, w, new double[X.numRows * X.numCols], g, new MaskSource(rng));
        return g;
    }

    private static void step(DMatrixRMaj X, double[] y, double p, double eta, double[] w, double[] masked,
                             MaskSource source) {
        double[] g = new double[w.length];
        gradient(X, y, p, w, masked, g, source);
        for (int j = 0; j < w.length; j++) {
            w[j] -= eta * g[j];
        }
    }

    /** g ← 2(R⊙X)ᵀ((R⊙X)w − y) for a fresh R; {@code masked} is scratch space for R⊙X. */
    private static void gradient(DMatrixRMaj X, double[] y, double p, double[] w, double[] masked, double[] g,
                                 MaskSource source) {
        int n = X.numRows;
        int d = X.numCols;
        java.util.Arrays.fill(g, 0);
        for (int i = 0; i < n; i++) {
            double r = -y[i];
            int row = i * d;
            for (int j = 0; j < d; j++) {
                double x = source.keep(p) ? X.data[row + j] : 0.0;
                masked[row + j] = x;
                r += x * w[j];
            }
            for (int j = 0; j < d; j++) {
                g[j] += 2 * masked[row + j] * r;
            }
        }
    }

    private static void check(DMatrixRMaj X, double[] y, double p, int steps, double eta) {
        Arguments.nonEmpty(X, "X");
        Arguments.length(y, X.numRows, "y", "n, the rows of X");
        Arguments.inOpenClosed(p, 0, 1, "p (keep probability)");
        Arguments.atLeast(steps, 1, "steps");
        Arguments.positive(eta, "eta");
    }
}
