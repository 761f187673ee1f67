package dltheory.birnn;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;
import org.knowm.xchart.XYChart;

import dltheory.check.Arguments;
import dltheory.birnn.BidirectionalRnn.Chain;
import dltheory.table.Tables;
import tech.tablesaw.api.Table;

/**
 * ‖∇_{h_t⁽ᶠ⁾}L‖ and ‖∇_{h_t⁽ᵇ⁾}L‖ for t = 1 … T (notebook 06, Q6.2): how far the loss signal
 * travels along each chain. Element t − 1 of each array is step t.
 *
 * @param loss     a short name of where the loss sits, for titles
 * @param forward  ‖∇_{h_t⁽ᶠ⁾}L‖
 * @param backward ‖∇_{h_t⁽ᵇ⁾}L‖
 */
public record BidirectionalGradientNorms(String loss, double[] forward, double[] backward) {

    /** Checks that both profiles have the same length T ≥ 1; copies them. */
    public BidirectionalGradientNorms {
        Arguments.nonEmpty(forward, "forward");
        Arguments.sameLength(forward, Arguments.notNull(backward, "backward", "a vector"), "forward", "backward");
        forward = forward.clone();
        backward = backward.clone();
    }

    /** The profile of {@code net} on {@code x} under {@code loss}, by backpropagation through time. */
    public static BidirectionalGradientNorms of(BidirectionalRnn net, DMatrixRMaj x, BidirectionalLoss loss,
                                                String name) {
        BidirectionalGradients g = BidirectionalBptt.gradients(net, x, loss);
        return new BidirectionalGradientNorms(name, g.norms(Chain.FORWARD), g.norms(Chain.BACKWARD));
    }

    /**
     * γ‖U‖₂ of {@code chain}: each step back along the chain multiplies the gradient by
     * Uᵀdiag(σ′), whose norm is at most this (Q5.2's bound, used in notebook 06).
     */
    public static double contraction(BidirectionalRnn net, Chain chain) {
        DMatrixRMaj u = chain == Chain.FORWARD ? net.uF() : net.uB();
        return net.sigma().gamma() * NormOps_DDRM.normP2(u);
    }

    /** T. */
    public int steps() {
        return forward.length;
    }

    /** The norms of {@code chain}. */
    public double[] norms(Chain chain) {
        return (chain == Chain.FORWARD ? forward : backward).clone();
    }

    /**
     * The bound r^{distance}·‖∇ at the chain's start‖ with the start at t = T (forward chain) or
     * t = 1 (backward chain): valid when the loss sits only at that step.
     */
    public double[] bound(Chain chain, double rate) {
        double[] n = norms(chain);
        int T = n.length;
        double[] b = new double[T];
        for (int t = 1; t <= T; t++) {
            int distance = chain == Chain.FORWARD ? T - t : t - 1;
            b[t - 1] = Math.pow(rate, distance) * (chain == Chain.FORWARD ? n[T - 1] : n[0]);
        }
        return b;
    }

    /**
     * max over t of ‖∇_{h_t}L‖ / bound_t, leaving out the start of the chain where the two are
     * equal by construction (≤ 1 when the bound holds; 0 when T = 1).
     */
    public double worstBoundRatio(Chain chain, double rate) {
        double[] n = norms(chain);
        double[] b = bound(chain, rate);
        int start = chain == Chain.FORWARD ? n.length - 1 : 0;
        double worst = 0;
        for (int i = 0; i < n.length; i++) {
            if (i == start) {
                continue;
            }
            worst = Math.max(worst, b[i] == 0 ? (n[i] == 0 ? 0 : Double.POSITIVE_INFINITY) : n[i] / b[i]);
        }
        return worst;
    }

    /**
     * log₁₀(max/min) of the nonzero norms of {@code chain}: how many decades the profile spans
     * (0 when at most one is nonzero).
     */
    public double decades(Chain chain) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double v : norms(chain)) {
            if (v > 0) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return max > 0 ? Math.log10(max / min) : 0;
    }

    /** How many of the 2T hidden states h_t (t = 1 … T, both chains) get a nonzero gradient. */
    public int nonzeroStates() {
        int n = 0;
        for (int i = 0; i < forward.length; i++) {
            n += (forward[i] != 0 ? 1 : 0) + (backward[i] != 0 ? 1 : 0);
        }
        return n;
    }

    /** Both profiles against t ({@link Figures#gradientNorms(BidirectionalGradientNorms, String)}). */
    public XYChart chart(String title) {
        return Figures.gradientNorms(this, title);
    }

    /** Whether the nonzero norms of both chains span a factor of 100 or more. */
    boolean spansDecades() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double[] chain : new double[][] {forward, backward}) {
            for (double v : chain) {
                if (v > 0) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return hi >= 100 * lo;
    }

    /**
     * {@link #chart(String)} with the dashed bound (γ‖U‖)^{distance} for {@code chain}
     * ({@link Figures#gradientNorms(BidirectionalGradientNorms, String, Chain, double)}).
     */
    public XYChart chart(String title, Chain chain, double rate) {
        return Figures.gradientNorms(this, title, chain, rate);
    }

    /** One row per step: t and the two norms. */
    public Table table() {
        List<Row> rows = new ArrayList<>();
        for (int t = 1; t <= steps(); t++) {
            rows.add(new Row(t, forward[t - 1], backward[t - 1]));
        }
        return Tables.of("‖∇ₕL‖ along both chains, loss " + loss, rows, "t", "‖∇L at hₜ⁽ᶠ⁾‖", "‖∇L at hₜ⁽ᵇ⁾‖");
    }

    /** A row of {@link #table()}. */
    public record Row(int t, double forward, double backward) {
    }
}
