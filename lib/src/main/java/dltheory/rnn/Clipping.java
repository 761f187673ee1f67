package dltheory.rnn;

import java.util.ArrayList;
import java.util.List;

import dltheory.check.Arguments;
import dltheory.linalg.Vectors;

/**
 * Gradient clipping (notebook 05, "The link to training"; Pascanu, Mikolov and Bengio 2013,
 * Algorithm 1): when the gradient's norm exceeds a threshold θ, rescale it to norm θ and keep its
 * direction,
 * <pre>
 *   ĝ ← (θ/‖ĝ‖) ĝ   if ‖ĝ‖ ≥ θ.
 * </pre>
 * The experiment is the smallest net where the gradient explodes: one linear unit
 * h_t = w h_{t−1} (n = 1, σ the identity), read at step T with the loss
 * L(w) = ½(h_T − y)² = ½(wᵀ h_0 − y)² (here wᵀ is the T-th power of the scalar w). Then
 * ∂h_T/∂h_0 = wᵀ and dL/dw = T w^{T−1} h_0 (wᵀ h_0 − y), which for |w| &gt; 1 grows like |w|^{2T−1}.
 */
public final class Clipping {

    private Clipping() {
    }

    /**
     * ĝ clipped to norm at most θ: g itself when ‖g‖ &lt; θ, else (θ/‖g‖) g (Pascanu et al., Algorithm 1).
     *
     * @param g         the gradient; not modified
     * @param threshold θ &gt; 0 ({@code Double.POSITIVE_INFINITY} never clips)
     */
    static double[] clip(double[] g, double threshold) {
        Arguments.nonEmpty(g, "g");
        Arguments.that(threshold > 0, "threshold", "be > 0 (∞ never clips)", threshold);
        double norm = Vectors.norm(g);
        return norm >= threshold ? Vectors.scale(threshold / norm, g) : g.clone();
    }

    /** L(w) = ½(wᵀ h_0 − y)² for the linear unit h_t = w h_{t−1} run for T ≥ 1 steps. */
    public static double loss(double w, double h0, int T, double y) {
        Arguments.atLeast(T, 1, "T");
        double r = Math.pow(w, T) * h0 - y;
        return 0.5 * r * r;
    }

    /** dL/dw = T w^{T−1} h_0 (wᵀ h_0 − y), the chain rule through the T factors of h_T = wᵀ h_0. */
    public static double gradient(double w, double h0, int T, double y) {
        Arguments.atLeast(T, 1, "T");
        return T * Math.pow(w, T - 1) * h0 * (Math.pow(w, T) * h0 - y);
    }

    /**
     * A run of gradient descent w ← w − α clip(dL/dw, θ) on the linear unit: the value of w, the loss
     * and |dL/dw| (before clipping) at each step t = 0, 1, …; a run whose loss overflows stops there.
     *
     * @param threshold θ, or {@code Double.POSITIVE_INFINITY} for plain gradient descent
     * @param w         w_t
     * @param loss      L(w_t)
     * @param gradient  |dL/dw| at w_t, before clipping
     */
    public record Run(double threshold, double[] w, double[] loss, double[] gradient) {

        /** Copies the arrays. */
        public Run {
            w = w.clone();
            loss = loss.clone();
            gradient = gradient.clone();
        }

        /** The number of recorded steps (t = 0 … steps − 1). */
        public int steps() {
            return loss.length;
        }

        /** Whether the loss overflowed (was not finite) before the last requested step. */
        public boolean diverged() {
            return !Double.isFinite(loss[loss.length - 1]);
        }

        /** The loss at the last recorded step. */
        public double finalLoss() {
            return loss[loss.length - 1];
        }

        /** The largest loss over the run. */
        public double maxLoss() {
            return Vectors.max(loss);
        }

        /** w at the last recorded step. */
        public double finalW() {
            return w[w.length - 1];
        }

        /** A copy of w_t. */
        @Override
        public double[] w() {
            return w.clone();
        }

        /** A copy of L(w_t). */
        @Override
        public double[] loss() {
            return loss.clone();
        }

        /** A copy of |dL/dw| at w_t. */
        @Override
        public double[] gradient() {
            return gradient.clone();
        }
    }

    /**
     * Gradient descent on w from {@code w0} for at most {@code steps} steps with step size α and
     * clipping threshold θ (notebook 05, the clipping experiment). Stops early when the loss
     * overflows to ∞ or NaN.
     *
     * @param alpha     α &gt; 0
     * @param threshold θ &gt; 0, {@code Double.POSITIVE_INFINITY} for no clipping
     */
    public static Run descend(double w0, double h0, int T, double y, double alpha, double threshold, int steps) {
        Arguments.finite(w0, "w0");
        Arguments.finite(h0, "h0");
        Arguments.finite(y, "y");
        Arguments.positive(alpha, "alpha");
        Arguments.atLeast(T, 1, "T");
        Arguments.atLeast(steps, 1, "steps");
        Arguments.that(threshold > 0, "threshold", "be > 0 (∞ never clips)", threshold);
        List<double[]> rows = new ArrayList<>();
        double w = w0;
        for (int t = 0; t < steps; t++) {
            double l = loss(w, h0, T, y);
            double g = gradient(w, h0, T, y);
            rows.add(new double[] {w, l, Math.abs(g)});
            if (!Double.isFinite(l) || !Double.isFinite(g)) {
                break;
            }
            w -= alpha * clip(new double[] {g}, threshold)[0];
        }
        double[][] cols = new double[3][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < 3; j++) {
                cols[j][i] = rows.get(i)[j];
            }
        }
        return new Run(threshold, cols[0], cols[1], cols[2]);
    }
}
