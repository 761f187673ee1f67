package dltheory.rnn;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

import dltheory.check.Arguments;

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
 *
 * <p>This class holds the mathematics only; the result records are {@link NormCurve} and
 * {@link LayoutComparison}, the experiments that build them are in {@link JacobianExperiments}.
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
        Arguments.finite(Arguments.square(W, "W"), "W");
        Arguments.finite(Arguments.length(hPrev, W.numRows, "hPrev", "n"), "hPrev");
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
    static DMatrixRMaj stepDenominator(DMatrixRMaj W, Activation sigma, double[] hPrev) {
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
     * ∂h_T/∂h_0 as the reference text writes it (its eq. 23), in denominator layout:
     * diag(σ′(h_0))Wᵀ diag(σ′(h_1))Wᵀ ⋯ diag(σ′(h_{T−1}))Wᵀ, which equals {@link #product}ᵀ.
     *
     * @param W      n×n; not modified
     * @param states a run of {@link Recurrences#h}: (T+1)×n, T ≥ 1; not modified
     */
    static DMatrixRMaj productDenominator(DMatrixRMaj W, Activation sigma, DMatrixRMaj states) {
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
    static double[] stepNorms(DMatrixRMaj W, Activation sigma, DMatrixRMaj states) {
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
        Arguments.positive(eps, "eps");
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
        Arguments.sameShape(a, b, "a", "b");
        DMatrixRMaj d = new DMatrixRMaj(a.numRows, a.numCols);
        CommonOps_DDRM.subtract(a, b, d);
        double den = NormOps_DDRM.normF(b);
        return den == 0 ? NormOps_DDRM.normF(d) : NormOps_DDRM.normF(d) / den;
    }

    static void requireStates(DMatrixRMaj W, DMatrixRMaj states) {
        Arguments.finite(Arguments.square(W, "W"), "W");
        Arguments.that(Arguments.matrix(states, "states").numRows >= 2, "states",
                "have T+1 >= 2 rows (h_0 … h_T with T >= 1)", states.numRows + " rows");
        Arguments.shape(states, states.numRows, W.numRows, "states");
    }
}
