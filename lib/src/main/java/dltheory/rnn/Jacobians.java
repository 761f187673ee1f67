package dltheory.rnn;

import java.util.List;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

import dltheory.random.Seeded;
import dltheory.table.Tables;
import tech.tablesaw.api.Table;

/**
 * The Jacobian ∂h_T/∂h_0 of the recurrence h_t = W σ(h_{t−1}) + U x_t + b (notebook 05, Q5.2).
 *
 * <p><b>Layout.</b> This class writes Jacobians in <em>numerator layout</em>: entry (i, j) of
 * ∂h_t/∂h_{t−1} is ∂h_{t,i}/∂h_{t−1,j}, so column j is the response of h_t to a nudge of
 * h_{t−1,j}, which is what central differences measure. In this layout
 * <pre>
 *   J_t = ∂h_t/∂h_{t−1} = W diag(σ′(h_{t−1}))        and   ∂h_T/∂h_0 = J_T J_{T−1} ⋯ J_1.
 * </pre>
 * The reference text uses <em>denominator layout</em>, the transpose: diag(σ′(h_{t−1})) Wᵀ,
 * multiplied in the opposite order (its eq. 22–23). Both have the same spectral norm.
 */
public final class Jacobians {

    private Jacobians() {
    }

    /**
     * One step's Jacobian in numerator layout, J_t = W diag(σ′(h_{t−1})) (notebook 05, Q5.2).
     *
     * @param W     n×n; not modified
     * @param hPrev h_{t−1} (length n); not modified
     */
    public static DMatrixRMaj step(DMatrixRMaj W, Activation sigma, double[] hPrev) {
        requireSquare(W);
        Recurrences.requireVector(hPrev, W.numRows, "hPrev");
        double[] d = sigma.derivative(hPrev);
        DMatrixRMaj j = W.copy();
        for (int r = 0; r < j.numRows; r++) {
            for (int c = 0; c < j.numCols; c++) {
                j.set(r, c, j.get(r, c) * d[c]); // scale column c by σ′(h_{t−1,c})
            }
        }
        return j;
    }

    /**
     * The same step in the reference text's denominator layout, diag(σ′(h_{t−1})) Wᵀ = J_tᵀ
     * (notebook 05, Q5.2 and "Where the reference text errs").
     *
     * @param W     n×n; not modified
     * @param hPrev h_{t−1} (length n); not modified
     */
    public static DMatrixRMaj stepDenominator(DMatrixRMaj W, Activation sigma, double[] hPrev) {
        DMatrixRMaj j = step(W, sigma, hPrev);
        return CommonOps_DDRM.transpose(j, null);
    }

    /**
     * ∂h_T/∂h_0 = J_T ⋯ J_1 in numerator layout, along a run of the recurrence (notebook 05, eq. 22
     * transposed).
     *
     * @param W      n×n; not modified
     * @param states a run of {@link Recurrences#h}: (T+1)×n, row t = h_t, T ≥ 1; not modified
     */
    public static DMatrixRMaj product(DMatrixRMaj W, Activation sigma, DMatrixRMaj states) {
        requireStates(W, states);
        DMatrixRMaj p = CommonOps_DDRM.identity(W.numRows);
        DMatrixRMaj next = new DMatrixRMaj(W.numRows, W.numRows);
        for (int t = 1; t < states.numRows; t++) {
            CommonOps_DDRM.mult(step(W, sigma, Recurrences.row(states, t - 1)), p, next); // J_t (J_{t−1} ⋯ J_1)
            p.setTo(next);
        }
        return p;
    }

    /**
     * ∂h_T/∂h_0 as the reference text writes it (eq. 23), in denominator layout:
     * diag(σ′(h_0))Wᵀ diag(σ′(h_1))Wᵀ ⋯ diag(σ′(h_{T−1}))Wᵀ, which equals {@link #product}ᵀ.
     *
     * @param W      n×n; not modified
     * @param states a run of {@link Recurrences#h}: (T+1)×n, T ≥ 1; not modified
     */
    public static DMatrixRMaj productDenominator(DMatrixRMaj W, Activation sigma, DMatrixRMaj states) {
        requireStates(W, states);
        DMatrixRMaj p = CommonOps_DDRM.identity(W.numRows);
        DMatrixRMaj next = new DMatrixRMaj(W.numRows, W.numRows);
        for (int t = 1; t < states.numRows; t++) {
            CommonOps_DDRM.mult(p, stepDenominator(W, sigma, Recurrences.row(states, t - 1)), next);
            p.setTo(next);
        }
        return p;
    }

    /**
     * ‖∂h_t/∂h_0‖ (spectral norm, EJML SVD) for t = 1 … T along a run (notebook 05, eq. 25's
     * left-hand side at every horizon).
     *
     * @param W      n×n; not modified
     * @param states a run of {@link Recurrences#h}: (T+1)×n, T ≥ 1; not modified
     * @return an array of length T, entry t−1 = ‖∂h_t/∂h_0‖
     */
    public static double[] norms(DMatrixRMaj W, Activation sigma, DMatrixRMaj states) {
        requireStates(W, states);
        int steps = states.numRows - 1;
        double[] out = new double[steps];
        DMatrixRMaj p = CommonOps_DDRM.identity(W.numRows);
        DMatrixRMaj next = new DMatrixRMaj(W.numRows, W.numRows);
        for (int t = 1; t <= steps; t++) {
            CommonOps_DDRM.mult(step(W, sigma, Recurrences.row(states, t - 1)), p, next);
            p.setTo(next);
            out[t - 1] = SpectralMatrices.norm(p);
        }
        return out;
    }

    /**
     * ‖J_t‖ = ‖W diag(σ′(h_{t−1}))‖ for t = 1 … T along a run: the factors of the product bound
     * ‖∂h_T/∂h_0‖ ≤ ‖J_T‖⋯‖J_1‖ ≤ (γ‖W‖)ᵀ (notebook 05, eq. 5).
     *
     * @param W      n×n; not modified
     * @param states a run of {@link Recurrences#h}: (T+1)×n, T ≥ 1; not modified
     * @return an array of length T, entry t−1 = ‖J_t‖
     */
    public static double[] stepNorms(DMatrixRMaj W, Activation sigma, DMatrixRMaj states) {
        requireStates(W, states);
        double[] out = new double[states.numRows - 1];
        for (int t = 1; t < states.numRows; t++) {
            out[t - 1] = SpectralMatrices.norm(step(W, sigma, Recurrences.row(states, t - 1)));
        }
        return out;
    }

    /**
     * The Jacobian of h_0 ↦ h_T by central differences, column j = (h_T(h_0 + ε e_j) − h_T(h_0 − ε e_j)) / 2ε:
     * numerator layout by construction (notebook 05, the check of the layout).
     *
     * @param h0  the point (length n); not modified
     * @param X   inputs, T×m with T ≥ 1; not modified
     * @param eps the step ε, &gt; 0
     */
    public static DMatrixRMaj centralDifference(Recurrences.Weights w, Activation sigma, double[] h0,
                                                DMatrixRMaj X, double eps) {
        Recurrences.requireRun(w, sigma, h0, "h0", X);
        if (!(eps > 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("eps must be finite and > 0, got " + eps);
        }
        int n = w.n();
        DMatrixRMaj jac = new DMatrixRMaj(n, n);
        for (int j = 0; j < n; j++) {
            double[] plus = h0.clone();
            double[] minus = h0.clone();
            plus[j] += eps;
            minus[j] -= eps;
            double[] up = Recurrences.finalState(w, sigma, plus, X);
            double[] down = Recurrences.finalState(w, sigma, minus, X);
            for (int i = 0; i < n; i++) {
                jac.set(i, j, (up[i] - down[i]) / (2 * eps));
            }
        }
        return jac;
    }

    /** ‖a − b‖_F / ‖b‖_F (the relative error of notebook 05's Jacobian checks); {@code a}, {@code b} not modified. */
    public static double relativeError(DMatrixRMaj a, DMatrixRMaj b) {
        if (a.numRows != b.numRows || a.numCols != b.numCols) {
            throw new IllegalArgumentException("a and b must have the same shape, got " + a.numRows + "×" + a.numCols
                    + " and " + b.numRows + "×" + b.numCols);
        }
        DMatrixRMaj d = new DMatrixRMaj(a.numRows, a.numCols);
        CommonOps_DDRM.subtract(a, b, d);
        double den = NormOps_DDRM.normF(b);
        return den == 0 ? NormOps_DDRM.normF(d) : NormOps_DDRM.normF(d) / den;
    }

    /**
     * One row of notebook 05's layout comparison: a candidate for ∂h_T/∂h_0, its relative distance
     * to the Jacobian measured by central differences, and its spectral norm.
     */
    public record LayoutRow(String matrix, double relativeErrorToMeasured, double spectralNorm) {

        /** The rows as a table (notebook 05, "Where the reference text errs"). */
        public static Table table(List<LayoutRow> rows) {
            return Tables.of("Which matrix is ∂h_T/∂h_0? (entry (i, j) measured as ∂h_T,i / ∂h_0,j)", rows);
        }
    }

    /**
     * Compares the two layouts against central differences (notebook 05, "Where the reference text
     * errs"): J_T ⋯ J_1 (numerator layout), the text's product diag σ′(h_0)Wᵀ ⋯ diag σ′(h_{T−1})Wᵀ
     * (denominator layout, eq. 23), and that product transposed.
     *
     * @param h0  the initial state; not modified
     * @param X   inputs, T×m with T ≥ 1; not modified
     * @param eps the central-difference step, &gt; 0
     */
    public static List<LayoutRow> compareLayouts(Recurrences.Weights w, Activation sigma, double[] h0,
                                                 DMatrixRMaj X, double eps) {
        DMatrixRMaj measured = centralDifference(w, sigma, h0, X, eps);
        DMatrixRMaj states = Recurrences.h(w, sigma, h0, X);
        DMatrixRMaj ours = product(w.W(), sigma, states);
        DMatrixRMaj text = productDenominator(w.W(), sigma, states);
        DMatrixRMaj textT = CommonOps_DDRM.transpose(text, null);
        return List.of(
                new LayoutRow("J_T⋯J_1 with J_t = W diag σ′(h_{t−1}) (numerator layout)",
                        relativeError(ours, measured), SpectralMatrices.norm(ours)),
                new LayoutRow("diag σ′(h_0)Wᵀ ⋯ diag σ′(h_{T−1})Wᵀ (the text, denominator layout)",
                        relativeError(text, measured), SpectralMatrices.norm(text)),
                new LayoutRow("the text's product, transposed",
                        relativeError(textT, measured), SpectralMatrices.norm(textT)));
    }

    /**
     * A curve ‖∂h_t/∂h_0‖, t = 1 … T, for one net and one σ, with the step norms ‖J_t‖ along the
     * same run (notebook 05, Q5.2 and Q5.3).
     *
     * @param label          the series name in charts
     * @param sigma          the activation
     * @param wNorm          ‖W‖ of the net
     * @param spectralRadius ρ(W) of the net
     * @param norms          entry t−1 = ‖∂h_t/∂h_0‖
     * @param stepNorms      entry t−1 = ‖J_t‖ = ‖W diag σ′(h_{t−1})‖
     */
    public record NormCurve(String label, Activation sigma, double wNorm, double spectralRadius, double[] norms,
                            double[] stepNorms) {

        /** Copies the arrays; requires T ≥ 1 entries in each, the same T. */
        public NormCurve {
            if (norms == null || norms.length < 1) {
                throw new IllegalArgumentException("norms must have T >= 1 entries");
            }
            if (stepNorms == null || stepNorms.length != norms.length) {
                throw new IllegalArgumentException("stepNorms must have T = " + norms.length + " entries, got "
                        + (stepNorms == null ? "null" : stepNorms.length));
            }
            norms = norms.clone();
            stepNorms = stepNorms.clone();
        }

        /** Entry t−1 = ‖∂h_t/∂h_0‖, a copy. */
        @Override
        public double[] norms() {
            return norms.clone();
        }

        /** Entry t−1 = ‖J_t‖, a copy. */
        @Override
        public double[] stepNorms() {
            return stepNorms.clone();
        }

        /** T, the number of steps. */
        public int steps() {
            return norms.length;
        }

        /** ‖∂h_t/∂h_0‖ for 1 ≤ t ≤ T. */
        public double at(int t) {
            if (t < 1 || t > norms.length) {
                throw new IllegalArgumentException("t must be in [1, " + norms.length + "], got " + t);
            }
            return norms[t - 1];
        }

        /** γ‖W‖: the per-step factor of the bound (γ‖W‖)ᵗ of eq. (5). */
        public double stepBound() {
            return sigma.gamma() * wNorm;
        }

        /**
         * The geometric mean of the step norms, (‖J_T‖⋯‖J_1‖)^{1/T}: the per-step rate of the middle
         * term of eq. (5), between the observed rate and γ‖W‖.
         */
        public double geometricMeanStepNorm() {
            double logSum = 0;
            for (double v : stepNorms) {
                logSum += Math.log(v);
            }
            return Math.exp(logSum / stepNorms.length);
        }

        /**
         * max over t of ‖∂h_t/∂h_0‖ / boundᵗ: at most 1 exactly when the curve stays under the line
         * boundᵗ for every t ≤ T (eq. 6 with δ = {@code bound}).
         */
        public double maxRatioTo(double bound) {
            if (!(bound > 0)) {
                throw new IllegalArgumentException("bound must be > 0, got " + bound);
            }
            double worst = 0;
            for (int t = 1; t <= norms.length; t++) {
                worst = Math.max(worst, norms[t - 1] / Math.pow(bound, t));
            }
            return worst;
        }

        /** The per-step growth (or decay) rate (‖∂h_T/∂h_0‖ / ‖∂h_1/∂h_0‖)^{1/(T−1)}; needs T ≥ 2. */
        public double rate() {
            if (norms.length < 2) {
                throw new IllegalArgumentException("rate needs T >= 2 steps, got " + norms.length);
            }
            return Math.pow(norms[norms.length - 1] / norms[0], 1.0 / (norms.length - 1));
        }

        /** The curve in one table row. */
        public Summary summary() {
            return new Summary(label, wNorm, spectralRadius, stepBound(), norms.length, norms[norms.length - 1],
                    norms.length >= 2 ? rate() : Double.NaN);
        }
    }

    /**
     * One row of notebook 05's Q5.3 table: ‖W‖, ρ(W), the per-step bound γ‖W‖, ‖∂h_T/∂h_0‖ and the
     * observed per-step rate (‖∂h_T/∂h_0‖/‖∂h_1/∂h_0‖)^{1/(T−1)}.
     */
    public record Summary(String curve, double normW, double spectralRadius, double gammaNormW, int T,
                          double normAtT, double observedRate) {

        /** The summaries of {@code curves} as a table (notebook 05, Q5.3). */
        public static Table table(String title, List<NormCurve> curves) {
            return Tables.of(title, curves.stream().map(NormCurve::summary).toList());
        }
    }

    /**
     * The experiment of Q5.2 for one σ: W with ‖W‖ = δ/γ (so λ₁(WᵀW) = δ²/γ²), random U, b, h_0 ~
     * N(0, I) and inputs x_t ~ N(0, I); returns ‖∂h_t/∂h_0‖ for t = 1 … T (notebook 05, eq. 25).
     *
     * @param delta δ in (0, 1]
     * @param n     hidden units, ≥ 1
     * @param m     input size, ≥ 1
     * @param T     steps, ≥ 1
     */
    public static NormCurve vanishing(Activation sigma, double delta, int n, int m, int T, Random rng) {
        if (!(delta > 0 && delta <= 1)) {
            throw new IllegalArgumentException("delta must be in (0, 1], got " + delta);
        }
        if (T < 1) {
            throw new IllegalArgumentException("T must be >= 1, got " + T);
        }
        double wNorm = VanishingBound.maxSpectralNorm(sigma, delta);
        Recurrences.Weights w = Recurrences.Weights.random(n, m, wNorm, rng);
        DMatrixRMaj X = Seeded.normal(T, m, 0, 1, rng);
        double[] h0 = Seeded.normal(n, 0, 1, rng);
        DMatrixRMaj states = Recurrences.h(w, sigma, h0, X);
        return curve(sigma.name().toLowerCase() + ", ‖W‖ = δ/γ = " + fmt(wNorm), w.W(), sigma, states);
    }

    /**
     * The curve of a net started at a fixed point h* with zero inputs (notebook 05, Q5.3):
     * b = h* − Wσ(h*), h_0 = h*, so ∂h_t/∂h_0 = (W diag σ′(h*))ᵗ.
     *
     * @param label the series name
     * @param W     n×n; not modified
     * @param hStar the fixed point (length n); not modified
     * @param T     steps, ≥ 1
     */
    public static NormCurve atFixedPoint(String label, DMatrixRMaj W, Activation sigma, double[] hStar, int T) {
        requireSquare(W);
        DMatrixRMaj X = Recurrences.zeroInputs(T, 1);
        Recurrences.Weights w = new Recurrences.Weights(W, new DMatrixRMaj(W.numRows, 1),
                Recurrences.fixedPointBias(W, sigma, hStar));
        DMatrixRMaj states = Recurrences.h(w, sigma, hStar, X);
        return curve(label, W, sigma, states);
    }

    /**
     * The curve of a net driven by inputs x_t ~ N(0, I) from h_0 ~ N(0, I) (notebook 05, Q5.3).
     *
     * @param label the series name
     * @param w     the weights (W, U, b)
     * @param T     steps, ≥ 1
     */
    public static NormCurve driven(String label, Recurrences.Weights w, Activation sigma, int T, Random rng) {
        if (T < 1) {
            throw new IllegalArgumentException("T must be >= 1, got " + T);
        }
        DMatrixRMaj X = Seeded.normal(T, w.m(), 0, 1, rng);
        double[] h0 = Seeded.normal(w.n(), 0, 1, rng);
        DMatrixRMaj states = Recurrences.h(w, sigma, h0, X);
        return curve(label, w.W(), sigma, states);
    }

    private static NormCurve curve(String label, DMatrixRMaj W, Activation sigma, DMatrixRMaj states) {
        return new NormCurve(label, sigma, SpectralMatrices.norm(W), SpectralMatrices.spectralRadius(W),
                norms(W, sigma, states), stepNorms(W, sigma, states));
    }

    private static void requireSquare(DMatrixRMaj W) {
        SpectralMatrices.requireMatrix(W, "W");
        if (W.numRows != W.numCols) {
            throw new IllegalArgumentException("W must be square (n×n), got " + W.numRows + "×" + W.numCols);
        }
    }

    private static void requireStates(DMatrixRMaj W, DMatrixRMaj states) {
        requireSquare(W);
        if (states == null || states.numRows < 2) {
            throw new IllegalArgumentException("states must have T+1 >= 2 rows (h_0 … h_T with T >= 1), got "
                    + (states == null ? "null" : states.numRows + " rows"));
        }
        if (states.numCols != W.numRows) {
            throw new IllegalArgumentException("states must have n = " + W.numRows + " columns, got " + states.numCols);
        }
    }

    private static String fmt(double v) {
        return dltheory.table.SignificantFormat.format(v, 3);
    }
}
