package dltheory.rnn;

import java.util.List;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;

import dltheory.check.Arguments;
import dltheory.table.Tables;
import tech.tablesaw.api.Table;

/**
 * The two recurrences of notebook 05 (Q5.1):
 * <pre>
 *   h_t = W σ(h_{t−1}) + U x_t + b        (pre-activation form)
 *   g_t = σ(W g_{t−1} + U x_t + b)        (post-activation form, eq. 20)
 * </pre>
 * with W (n×n), U (n×m), b (n), inputs x_1 … x_T (the rows of a T×m matrix X). A run returns the
 * (T+1)×n matrix whose row t is the state at time t, row 0 the initial state.
 */
public final class Recurrences {

    private Recurrences() {
    }

    /**
     * The weights of the recurrences: W (n×n), U (n×m), b (n). Copied on the way in and out, so a
     * value of this record never changes.
     */
    public record Weights(DMatrixRMaj W, DMatrixRMaj U, double[] b) {

        /** Checks the shapes: W square, U with n rows, b of length n. */
        public Weights {
            Arguments.finite(Arguments.square(W, "W"), "W");
            Arguments.finite(Arguments.nonEmpty(U, "U"), "U");
            Arguments.shape(U, W.numRows, U.numCols, "U");
            Arguments.length(b, W.numRows, "b", "n");
            W = W.copy();
            U = U.copy();
            b = b.clone();
        }

        /** W (n×n), a copy. */
        @Override
        public DMatrixRMaj W() {
            return W.copy();
        }

        /** U (n×m), a copy. */
        @Override
        public DMatrixRMaj U() {
            return U.copy();
        }

        /** b (n), a copy. */
        @Override
        public double[] b() {
            return b.clone();
        }

        /** The number of hidden units n. */
        public int n() {
            return W.numRows;
        }

        /** The input size m. */
        public int m() {
            return U.numCols;
        }

        /** The same U and b with another W (n×n). */
        public Weights withW(DMatrixRMaj newW) {
            return new Weights(newW, U, b);
        }

        /** The same W and U with another bias b (n). */
        public Weights withBias(double[] newB) {
            return new Weights(W, U, newB);
        }

        /**
         * Random weights for the experiments of notebook 05: W with spectral norm {@code wNorm}
         * ({@link SpectralMatrices#withNorm}), U with i.i.d. N(0, 1/m) entries, b with i.i.d.
         * N(0, 0.1²) entries.
         *
         * @param n     hidden units, ≥ 1
         * @param m     input size, ≥ 1
         * @param wNorm ‖W‖, finite and ≥ 0
         */
        public static Weights random(int n, int m, double wNorm, Random rng) {
            Arguments.atLeast(m, 1, "m");
            DMatrixRMaj w = SpectralMatrices.withNorm(n, wNorm, rng);
            DMatrixRMaj u = RandomMatrices_DDRM.rectangleGaussian(n, m, 0, 1 / Math.sqrt(m), rng);
            double[] bias = RandomMatrices_DDRM.rectangleGaussian(n, 1, 0, 0.1, rng).data;
            return new Weights(w, u, bias);
        }
    }

    /**
     * Runs h_t = W σ(h_{t−1}) + U x_t + b for t = 1 … T (notebook 05, Q5.1).
     *
     * @param h0 the initial state h_0 (length n); not modified
     * @param X  the inputs, row t−1 = x_t (T×m, T ≥ 1); not modified
     * @return the (T+1)×n matrix with row t = h_t
     */
    public static DMatrixRMaj h(Weights w, Activation sigma, double[] h0, DMatrixRMaj X) {
        requireRun(w, sigma, h0, "h0", X);
        int n = w.n();
        int steps = X.numRows;
        DMatrixRMaj drive = drive(w, X); // (T×n), row t−1 = U x_t + b
        DMatrixRMaj states = new DMatrixRMaj(steps + 1, n);
        System.arraycopy(h0, 0, states.data, 0, n);
        DMatrixRMaj s = new DMatrixRMaj(n, 1);
        DMatrixRMaj ws = new DMatrixRMaj(n, 1);
        for (int t = 1; t <= steps; t++) {
            for (int i = 0; i < n; i++) {
                s.data[i] = sigma.value(states.get(t - 1, i));
            }
            CommonOps_DDRM.mult(w.W, s, ws);
            for (int i = 0; i < n; i++) {
                states.set(t, i, ws.data[i] + drive.get(t - 1, i));
            }
        }
        return states;
    }

    /**
     * Runs g_t = σ(W g_{t−1} + U x_t + b) for t = 1 … T (notebook 05, eq. 2).
     *
     * <p>Computed independently of {@link #h}: entry by entry, the input term first and then the
     * recurrent sum, both summed from the last index down, where {@link #h} uses EJML's product and
     * adds the input term last. The two runs therefore round differently, and Q5.1's check compares
     * two computations rather than one computation with itself.
     *
     * @param g0 the initial state g_0 (length n); not modified
     * @param X  the inputs, row t−1 = x_t (T×m, T ≥ 1); not modified
     * @return the (T+1)×n matrix with row t = g_t
     */
    public static DMatrixRMaj g(Weights w, Activation sigma, double[] g0, DMatrixRMaj X) {
        requireRun(w, sigma, g0, "g0", X);
        int n = w.n();
        int m = X.numCols;
        DMatrixRMaj states = new DMatrixRMaj(X.numRows + 1, n);
        System.arraycopy(g0, 0, states.data, 0, n);
        for (int t = 1; t <= X.numRows; t++) {
            for (int i = 0; i < n; i++) {
                double a = 0;
                for (int k = m - 1; k >= 0; k--) {
                    a += w.U.get(i, k) * X.get(t - 1, k);
                }
                for (int j = n - 1; j >= 0; j--) {
                    a += w.W.get(i, j) * states.get(t - 1, j);
                }
                states.set(t, i, sigma.value(a + w.b[i]));
            }
        }
        return states;
    }

    /** The final state h_T of {@link #h} (length n), the map h_0 ↦ h_T whose Jacobian Q5.2 bounds. */
    static double[] finalState(Weights w, Activation sigma, double[] h0, DMatrixRMaj X) {
        return row(h(w, sigma, h0, X), X.numRows);
    }

    /** Row t of a run (the state at time t), a copy. */
    public static double[] row(DMatrixRMaj states, int t) {
        Arguments.inRange(t, 0, states.numRows - 1, "t");
        double[] r = new double[states.numCols];
        System.arraycopy(states.data, t * states.numCols, r, 0, states.numCols);
        return r;
    }

    /**
     * max over t and i of |g_t,i − σ(h_t,i)|: Q5.1 claims it is 0 when g_0 = σ(h_0).
     *
     * @param g a run of {@link #g}; not modified
     * @param h a run of {@link #h} of the same shape; not modified
     */
    public static double maxGap(DMatrixRMaj g, DMatrixRMaj h, Activation sigma) {
        Arguments.sameShape(g, h, "g", "h");
        double gap = 0;
        for (int k = 0; k < g.getNumElements(); k++) {
            gap = Math.max(gap, Math.abs(g.data[k] - sigma.value(h.data[k])));
        }
        return gap;
    }

    /** The result of Q5.1 for one σ: the largest |g_t − σ(h_t)| over the T steps. */
    public record Equivalence(Activation sigma, int T, double maxGap) {

        /** The rows as a table (notebook 05, Q5.1). */
        public static Table table(List<Equivalence> rows) {
            record Row(String sigma, int T, double maxGap) {
            }
            return Tables.of("Largest gap between the two recurrences over t ≤ T and units, with g_0 = σ(h_0)",
                    rows.stream().map(e -> new Row(e.sigma().name().toLowerCase(), e.T(), e.maxGap())).toList(),
                    "σ", "T", "max |g_t − σ(h_t)|");
        }
    }

    /**
     * Runs both recurrences from h_0 and g_0 = σ(h_0) on the same inputs and weights and reports
     * the largest gap |g_t − σ(h_t)| (notebook 05, Q5.1).
     */
    public static Equivalence equivalence(Weights w, Activation sigma, double[] h0, DMatrixRMaj X) {
        DMatrixRMaj hs = h(w, sigma, h0, X);
        DMatrixRMaj gs = g(w, sigma, sigma.apply(h0), X);
        return new Equivalence(sigma, X.numRows, maxGap(gs, hs, sigma));
    }

    /**
     * The bias b = h* − W σ(h*) that makes h* a fixed point of h_t = W σ(h_{t−1}) + b when the
     * inputs are zero (notebook 05, Q5.3): started at h_0 = h*, the state never moves, and
     * ∂h_T/∂h_0 = (W diag σ′(h*))ᵀ exactly (the power T of one step Jacobian).
     *
     * @param hStar the fixed point (length n); not modified
     */
    static double[] fixedPointBias(DMatrixRMaj W, Activation sigma, double[] hStar) {
        Arguments.finite(Arguments.square(W, "W"), "W");
        Arguments.finite(Arguments.length(hStar, W.numRows, "hStar", "n"), "hStar");
        DMatrixRMaj s = new DMatrixRMaj(W.numRows, 1, true, sigma.apply(hStar));
        DMatrixRMaj ws = new DMatrixRMaj(W.numRows, 1);
        CommonOps_DDRM.mult(W, s, ws);
        double[] b = new double[W.numRows];
        for (int i = 0; i < b.length; i++) {
            b[i] = hStar[i] - ws.data[i];
        }
        return b;
    }

    /**
     * The state c·𝟙 (every one of the n units at c), e.g. a fixed point h* in the middle (c = 0) or
     * in the saturated tail (|c| large) of σ (notebook 05, Q5.3).
     *
     * @param n units, ≥ 1
     * @param c the common value, finite
     */
    static double[] uniformState(int n, double c) {
        Arguments.atLeast(n, 1, "n");
        Arguments.finite(c, "c");
        double[] v = new double[n];
        java.util.Arrays.fill(v, c);
        return v;
    }

    /**
     * T×m zero inputs (x_t = 0 for every t), for runs that sit at a fixed point.
     *
     * @param T steps, ≥ 1
     * @param m input size, ≥ 1
     */
    static DMatrixRMaj zeroInputs(int T, int m) {
        Arguments.atLeast(T, 1, "T");
        Arguments.atLeast(m, 1, "m");
        return new DMatrixRMaj(T, m);
    }

    /** Row t−1 = U x_t + b, for t = 1 … T. */
    private static DMatrixRMaj drive(Weights w, DMatrixRMaj X) {
        DMatrixRMaj out = new DMatrixRMaj(X.numRows, w.n());
        CommonOps_DDRM.multTransB(X, w.U, out); // (T×m)(m×n)
        for (int t = 0; t < X.numRows; t++) {
            for (int i = 0; i < w.n(); i++) {
                out.add(t, i, w.b[i]);
            }
        }
        return out;
    }

    static void requireRun(Weights w, Activation sigma, double[] s0, String s0Name, DMatrixRMaj X) {
        Arguments.notNull(w, "w", "weights");
        Arguments.notNull(sigma, "sigma", "SIGMOID or TANH");
        Arguments.finite(Arguments.length(s0, w.n(), s0Name, "n"), s0Name);
        Arguments.that(Arguments.matrix(X, "X").numRows >= 1, "X", "have T >= 1 rows (one input per step)",
                X.numRows + " rows");
        Arguments.shape(X, X.numRows, w.m(), "X");
    }
}
