package dltheory.birnn;

import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.knowm.xchart.XYChart;

import dltheory.check.Arguments;
import dltheory.linalg.Vectors;
import dltheory.table.Tables;
import dltheory.text.Scripts;
import tech.tablesaw.api.Table;

/**
 * Notebook 06, section 3 (why it matters): how much of ∇_{h_t⁽ᶠ⁾} L comes from the loss k steps
 * later. The gradient is linear in the loss, ∇L = Σ_s ∇L_s, and h_t⁽ᶠ⁾ reaches only the outputs
 * y_s with s ≥ t, so the part from L_{t+k} is one backward pass with a loss at step t + k only.
 *
 * @param t        the forward state h_t⁽ᶠ⁾ whose gradient is split
 * @param norms    norms[k] = ‖∇_{h_t⁽ᶠ⁾} L_{t+k}‖ for k = 0 … T − t
 * @param direct   direct[k] = ‖V⁽ᶠ⁾ᵀe_{t+k}‖, the part's size where it enters the chain at h_{t+k}⁽ᶠ⁾
 * @param residual ‖Σ_k ∇L_{t+k} − ∇L‖ / ‖∇L‖, with ∇L from one pass with a loss at every step
 */
public record ContributionByDistance(int t, double[] norms, double[] direct, double residual) {

    /** Copies the arrays; requires one direct size per part. */
    public ContributionByDistance {
        Arguments.sameLength(Arguments.notNull(norms, "norms", "a vector"),
                Arguments.notNull(direct, "direct", "a vector"), "norms", "direct");
        norms = norms.clone();
        direct = direct.clone();
    }

    /** A copy of the direct sizes ‖V⁽ᶠ⁾ᵀe_{t+k}‖, index k = distance. */
    @Override
    public double[] direct() {
        return direct.clone();
    }

    /**
     * The envelope r^k·‖V⁽ᶠ⁾ᵀe_{t+k}‖ of the part from L_{t+k} (notebook 06, section 3): the part
     * enters the chain as V⁽ᶠ⁾ᵀe_{t+k} and then takes k steps back, each multiplying by
     * U⁽ᶠ⁾ᵀdiag(σ′), of norm at most r = γ‖U⁽ᶠ⁾‖₂ (notebook 05, eq. 5). It bounds each part, not
     * the order of the parts: a farther part can be larger than a nearer one when its residual is.
     *
     * @param rate r = γ‖U⁽ᶠ⁾‖₂, ≥ 0
     */
    public double[] envelope(double rate) {
        Arguments.nonNegative(rate, "rate");
        double[] b = new double[norms.length];
        for (int k = 0; k < b.length; k++) {
            b[k] = Math.pow(rate, k) * direct[k];
        }
        return b;
    }

    /**
     * max over k ≥ 1 of ‖∇L_{t+k}‖ / envelope_k (≤ 1 when every part lies under its envelope; a
     * part and envelope both 0 count as 0). The part at k = 0 is V⁽ᶠ⁾ᵀe_t itself, equal to its
     * envelope by construction, and is left out (0 when T = t).
     */
    public double worstEnvelopeRatio(double rate) {
        double[] b = envelope(rate);
        double worst = 0;
        for (int k = 1; k < b.length; k++) {
            worst = Math.max(worst, b[k] == 0 ? (norms[k] == 0 ? 0 : Double.POSITIVE_INFINITY) : norms[k] / b[k]);
        }
        return worst;
    }

    /**
     * The bound on {@link #shareFrom(int)} that the envelope gives: Σ_{k ≥ K} envelope_k / Σ_k ‖∇L_{t+k}‖.
     */
    public double shareBoundFrom(int distance, double rate) {
        return share(envelope(rate), distance);
    }

    /** How many distances k have a part larger than the part at k − 1: where the decay is not monotone. */
    int increases() {
        int n = 0;
        for (int k = 1; k < norms.length; k++) {
            n += norms[k] > norms[k - 1] ? 1 : 0;
        }
        return n;
    }

    /** A copy of the norms, index k = distance. */
    @Override
    public double[] norms() {
        return norms.clone();
    }

    /**
     * Splits ∇_{h_t⁽ᶠ⁾} L of a loss at every step into the parts from each later loss.
     *
     * @param x       the inputs, D×T (column t − 1 is x_t); not modified
     * @param targets the targets, K×T; not modified
     * @param t       the state, 1 ≤ t ≤ T
     */
    public static ContributionByDistance forward(BidirectionalRnn net, DMatrixRMaj x, DMatrixRMaj targets, int t) {
        int steps = targets.numCols;
        Arguments.inRange(t, 1, steps, "t");
        double[] full = BidirectionalBptt.gradients(net, x, BidirectionalLoss.everyStep(targets)).hForward(t);
        double[] sum = new double[full.length];
        double[] norms = new double[steps - t + 1];
        double[] direct = new double[norms.length];
        BidirectionalPass pass = net.forward(x);
        for (int k = 0; k < norms.length; k++) {
            double[] e = BidirectionalLoss.everyStep(targets).outputGradient(pass, t + k);
            direct[k] = Vectors.norm(Vectors.transposeTimes(net.vF(), e));
            double[] part = BidirectionalBptt.gradients(net, x, BidirectionalLoss.at(targets, t + k)).hForward(t);
            double sq = 0;
            for (int i = 0; i < part.length; i++) {
                sum[i] += part[i];
                sq += part[i] * part[i];
            }
            norms[k] = Math.sqrt(sq);
        }
        double diff = 0;
        double ref = 0;
        for (int i = 0; i < full.length; i++) {
            diff += (sum[i] - full[i]) * (sum[i] - full[i]);
            ref += full[i] * full[i];
        }
        return new ContributionByDistance(t, norms, direct, Math.sqrt(diff / ref));
    }

    /** Σ_{k ≥ K} ‖∇L_{t+k}‖ / Σ_k ‖∇L_{t+k}‖: the share of the losses at least K steps away. */
    public double shareFrom(int distance) {
        return share(norms, distance);
    }

    /** Σ_{k ≥ distance} parts[k] / Σ_k ‖∇L_{t+k}‖. */
    private double share(double[] parts, int distance) {
        Arguments.atLeast(distance, 0, "distance");
        double far = 0;
        double all = 0;
        for (int k = 0; k < norms.length; k++) {
            all += norms[k];
            if (k >= distance) {
                far += parts[k];
            }
        }
        return far / all;
    }

    /** One row per distance k: ‖∇L_{t+k}‖ and the cumulative share of distances ≥ k. */
    public record Row(int k, double norm, double shareFromK) {
    }

    /** The first {@code rows} distances as a table. */
    public Table table(int rows) {
        List<Row> out = new java.util.ArrayList<>();
        for (int k = 0; k < Math.min(rows, norms.length); k++) {
            out.add(new Row(k, norms[k], shareFrom(k)));
        }
        String h = "h" + Scripts.subscript(t) + "⁽ᶠ⁾";
        return Tables.of("Parts of ∇L at " + h + " from the loss k steps later", out, "k",
                "‖∇L_{t+k} at " + h + "‖", "share from k or more steps");
    }

    /** {@link #chart()} with the dashed envelope ({@link Figures#contributions(ContributionByDistance, double)}). */
    public XYChart chart(double rate) {
        return Figures.contributions(this, rate);
    }

    /** ‖∇_{h_t⁽ᶠ⁾} L_{t+k}‖ against the distance k ({@link Figures#contributions(ContributionByDistance)}). */
    public XYChart chart() {
        return Figures.contributions(this);
    }
}
