package dltheory.rnn;

import java.util.List;

import org.ejml.data.DMatrixRMaj;

import dltheory.table.Tables;
import tech.tablesaw.api.Table;
import dltheory.check.Arguments;

/**
 * The vanishing-gradient bound of notebook 05 (Q5.2, eq. 24–25): when |σ′| ≤ γ and
 * λ₁(WᵀW) ≤ δ²/γ², every step Jacobian has norm at most γ‖W‖ ≤ δ, so ‖∂h_T/∂h_0‖ ≤ (γ‖W‖)ᵀ ≤ δᵀ.
 */
public final class VanishingBound {

    private VanishingBound() {
    }

    /**
     * The smallest δ for which λ₁(WᵀW) ≤ δ²/γ² holds: δ = γ √λ₁(WᵀW) = γ‖W‖ (notebook 05, Q5.2).
     * The gradient is guaranteed to vanish when this is &lt; 1.
     *
     * @param W square; not modified
     */
    static double delta(DMatrixRMaj W, Activation sigma) {
        Arguments.finite(Arguments.square(W, "W"), "W");
        return sigma.gamma() * Math.sqrt(Math.max(0, SpectralMatrices.symmetricEigenvalues(SpectralMatrices.gram(W))[0]));
    }

    /**
     * The largest λ₁(WᵀW) the condition of Q5.2 allows: δ²/γ² (notebook 05).
     *
     * @param delta δ &gt; 0
     */
    static double maxLargestEigenvalue(Activation sigma, double delta) {
        Arguments.positive(delta, "delta");
        return delta * delta / (sigma.gamma() * sigma.gamma());
    }

    /**
     * The largest spectral norm the condition of Q5.2 allows: ‖W‖ = √λ₁(WᵀW) ≤ δ/γ (notebook 05;
     * δ/γ = 4δ for the sigmoid, δ for tanh).
     *
     * @param delta δ &gt; 0
     */
    static double maxSpectralNorm(Activation sigma, double delta) {
        Arguments.positive(delta, "delta");
        return delta / sigma.gamma();
    }

    /**
     * δ¹, δ², …, δᵀ: the bound of eq. (25) at every horizon (notebook 05).
     *
     * @param delta δ &gt; 0
     * @param T     steps, ≥ 1
     */
    static double[] powers(double delta, int T) {
        Arguments.positive(delta, "delta");
        Arguments.atLeast(T, 1, "T");
        double[] p = new double[T];
        double v = 1;
        for (int t = 0; t < T; t++) {
            v *= delta;
            p[t] = v;
        }
        return p;
    }

    /**
     * The smallest T with δᵀ ≤ ε: ⌈ln ε / ln δ⌉ (notebook 05, exercise; how many steps until the
     * bound of eq. 25 guarantees a gradient below ε).
     *
     * @param delta δ in (0, 1)
     * @param eps   ε in (0, 1)
     */
    static int stepsBelow(double delta, double eps) {
        Arguments.inOpen(delta, 0, 1, "delta");
        Arguments.inOpen(eps, 0, 1, "eps");
        int t = (int) Math.ceil(Math.log(eps) / Math.log(delta));
        // guard the rounding of the logarithms: make t the smallest integer with δᵗ ≤ ε
        while (t > 1 && Math.pow(delta, t - 1) <= eps) {
            t--;
        }
        while (Math.pow(delta, t) > eps) {
            t++;
        }
        return Math.max(t, 1);
    }

    /**
     * One row of notebook 05's Q5.2 table: the three per-step rates of eq. (5.5), from loose to tight —
     * γ‖W‖ (= δ), the geometric mean of ‖J_t‖, and the observed rate of ‖∂h_T/∂h_0‖ — then
     * ‖∂h_T/∂h_0‖ at the last T against δᵀ, and max over t of ‖∂h_t/∂h_0‖/δᵗ.
     */
    public record Row(String sigma, double normW, double gammaNormW, double meanStepNorm, double observedRate,
                      int T, double normAtT, double deltaPowT, double maxRatioToBound) {

        /** The rows as a table (notebook 05, Q5.2). */
        public static Table table(List<Row> rows) {
            return Tables.of("‖∂h_T/∂h_0‖ against the bound δ^T", rows, "σ", "‖W‖", "γ‖W‖", "mean ‖J_t‖ (geometric)",
                    "observed rate", "T", "‖∂h_T/∂h_0‖", "δ^T", "max_t ‖∂h_t/∂h_0‖/δ^t");
        }
    }

    /** Summarises a curve against δᵀ (notebook 05, eq. 5–6); needs T ≥ 2. */
    public static Row row(NormCurve curve, double delta) {
        Arguments.positive(delta, "delta");
        int steps = curve.steps();
        return new Row(curve.sigma().name().toLowerCase(), curve.wNorm(), curve.stepBound(),
                curve.geometricMeanStepNorm(), curve.rate(), steps, curve.at(steps), Math.pow(delta, steps),
                curve.maxRatioTo(delta));
    }
}
