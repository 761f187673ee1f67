package dltheory.birnn;

import static dltheory.linalg.Vectors.hadamard;
import static dltheory.linalg.Vectors.norm;
import static dltheory.linalg.Vectors.transposeTimes;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;

import dltheory.check.Arguments;
import dltheory.table.Tables;
import tech.tablesaw.api.Table;

/**
 * Truncated backpropagation through time on the forward chain (notebook 06, section 3): with a
 * loss at every step, the gradient at h_t⁽ᶠ⁾ is Σ_{j ≥ 0} ∇_{h_t⁽ᶠ⁾} L_{t+j}, and truncation after
 * k steps keeps the parts with j ≤ k. Each loss L_s enters the chain as V⁽ᶠ⁾ᵀe_s at h_s⁽ᶠ⁾ and
 * is carried back at most k steps, each step multiplying by U⁽ᶠ⁾ᵀdiag(σ′(a_{t+1}⁽ᶠ⁾)). This code
 * is separate from {@link BidirectionalBptt#gradients}, which it matches for k ≥ T − 1.
 *
 * <p>The theory bounds the error: a dropped part has norm at most r^j‖V⁽ᶠ⁾ᵀe_{t+j}‖ with
 * r = γ‖U⁽ᶠ⁾‖₂ (notebook 05, eq. 5), so ‖truncated_t − full_t‖ ≤ b_t = Σ_{j &gt; k} r^j‖V⁽ᶠ⁾ᵀe_{t+j}‖.
 *
 * @param k        the truncation: parts from at most k steps later are kept
 * @param error    ‖truncated − full‖ / ‖full‖, the states h_1⁽ᶠ⁾ … h_T⁽ᶠ⁾ stacked in one vector
 * @param bound    √(Σ_t b_t²) / ‖full‖, the same stacked, from the envelope
 */
public record TruncatedBptt(int k, double error, double bound) {

    /** Requires k ≥ 0 and finite, non-negative error and bound. */
    public TruncatedBptt {
        Arguments.atLeast(k, 0, "k");
        Arguments.that(error >= 0, "error", "be >= 0", error);
        Arguments.that(bound >= 0, "bound", "be >= 0", bound);
    }

    /**
     * The truncated gradients ∇_{h_t⁽ᶠ⁾} L, t = 1 … T (row t − 1), of a loss at every step.
     *
     * @param x       the inputs, D×T (column t − 1 is x_t); not modified
     * @param targets the targets, K×T; not modified
     * @param k       the truncation, ≥ 0 (k ≥ T − 1 keeps every part)
     */
    static double[][] forwardStates(BidirectionalRnn net, DMatrixRMaj x, DMatrixRMaj targets, int k) {
        Arguments.atLeast(k, 0, "k");
        BidirectionalLoss loss = BidirectionalLoss.everyStep(targets);
        BidirectionalPass pass = net.forward(x);
        loss.requireLength(pass);
        int T = pass.steps();
        double[][] out = new double[T][net.hiddenDim()];
        for (int s = 1; s <= T; s++) {
            double[] g = transposeTimes(net.vF(), loss.outputGradient(pass, s)); // enters at h_s⁽ᶠ⁾
            for (int t = s; t >= Math.max(1, s - k); t--) {
                if (t < s) { // one step back: h_{t+1} → h_t
                    g = transposeTimes(net.uF(), hadamard(pass.sigmaPrime(BidirectionalRnn.Chain.FORWARD, t + 1,
                            net.sigma()), g));
                }
                for (int i = 0; i < g.length; i++) {
                    out[t - 1][i] += g[i];
                }
            }
        }
        return out;
    }

    /**
     * The error of truncation after each k in {@code ks}, with its bound from the envelope.
     *
     * @param rate r = γ‖U⁽ᶠ⁾‖₂ ({@link BidirectionalGradientNorms#contraction}), ≥ 0
     * @param ks   truncations, each ≥ 0
     */
    public static List<TruncatedBptt> forward(BidirectionalRnn net, DMatrixRMaj x, DMatrixRMaj targets, double rate,
                                              int... ks) {
        Arguments.nonNegative(rate, "rate");
        Arguments.that(ks != null && ks.length > 0, "ks", "hold at least one truncation", "none");
        BidirectionalLoss loss = BidirectionalLoss.everyStep(targets);
        BidirectionalGradients full = BidirectionalBptt.gradients(net, x, loss);
        BidirectionalPass pass = net.forward(x);
        int T = pass.steps();
        double[] direct = new double[T + 1];
        double fullSq = 0;
        for (int t = 1; t <= T; t++) {
            direct[t] = norm(transposeTimes(net.vF(), loss.outputGradient(pass, t)));
            double n = norm(full.hForward(t));
            fullSq += n * n;
        }
        List<TruncatedBptt> rows = new ArrayList<>();
        for (int k : ks) {
            double[][] cut = forwardStates(net, x, targets, k);
            double errSq = 0;
            double boundSq = 0;
            for (int t = 1; t <= T; t++) {
                double[] f = full.hForward(t);
                for (int i = 0; i < f.length; i++) {
                    errSq += (cut[t - 1][i] - f[i]) * (cut[t - 1][i] - f[i]);
                }
                double b = 0;
                for (int j = k + 1; t + j <= T; j++) {
                    b += Math.pow(rate, j) * direct[t + j];
                }
                boundSq += b * b;
            }
            rows.add(new TruncatedBptt(k, Math.sqrt(errSq / fullSq), Math.sqrt(boundSq / fullSq)));
        }
        return rows;
    }

    /** max over the rows of error / bound (≤ 1 when the envelope bounds every truncation; 0/0 counts as 0). */
    public static double worstBoundRatio(List<TruncatedBptt> rows) {
        double worst = 0;
        for (TruncatedBptt r : rows) {
            worst = Math.max(worst, r.bound() == 0 ? (r.error() == 0 ? 0 : Double.POSITIVE_INFINITY)
                    : r.error() / r.bound());
        }
        return worst;
    }

    /** One row per truncation k: the relative error and its bound. */
    public static Table table(List<TruncatedBptt> rows) {
        return Tables.of("Truncated BPTT on the forward chain: error of ∇L at h⁽ᶠ⁾", rows, "k (steps kept)",
                "‖truncated − full‖ / ‖full‖", "bound from the envelope");
    }
}
