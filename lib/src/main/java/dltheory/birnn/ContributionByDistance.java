package dltheory.birnn;

import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.knowm.xchart.XYChart;

import dltheory.plot.Plots;
import dltheory.table.Tables;
import tech.tablesaw.api.Table;

/**
 * Notebook 06, section 3 (why it matters): how much of ∇_{h_t⁽ᶠ⁾} L comes from the loss k steps
 * later. The gradient is linear in the loss, ∇L = Σ_s ∇L_s, and h_t⁽ᶠ⁾ reaches only the outputs
 * y_s with s ≥ t, so the part from L_{t+k} is one backward pass with a loss at step t + k only.
 *
 * @param t        the forward state h_t⁽ᶠ⁾ whose gradient is split
 * @param norms    norms[k] = ‖∇_{h_t⁽ᶠ⁾} L_{t+k}‖ for k = 0 … T − t
 * @param residual ‖Σ_k ∇L_{t+k} − ∇L‖ / ‖∇L‖, with ∇L from one pass with a loss at every step
 */
public record ContributionByDistance(int t, double[] norms, double residual) {

    /** Copies the norms. */
    public ContributionByDistance {
        norms = norms.clone();
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
        if (t < 1 || t > steps) {
            throw new IllegalArgumentException("t must be in 1.." + steps + ", got " + t);
        }
        double[] full = BidirectionalBptt.gradients(net, x, BidirectionalLoss.everyStep(targets)).hForward(t);
        double[] sum = new double[full.length];
        double[] norms = new double[steps - t + 1];
        for (int k = 0; k < norms.length; k++) {
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
        return new ContributionByDistance(t, norms, Math.sqrt(diff / ref));
    }

    /** Σ_{k ≥ K} ‖∇L_{t+k}‖ / Σ_k ‖∇L_{t+k}‖: the share of the losses at least K steps away. */
    public double shareFrom(int distance) {
        if (distance < 0) {
            throw new IllegalArgumentException("distance must be >= 0, got " + distance);
        }
        double far = 0;
        double all = 0;
        for (int k = 0; k < norms.length; k++) {
            all += norms[k];
            if (k >= distance) {
                far += norms[k];
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
        String h = "h" + Plots.subscript(t) + "⁽ᶠ⁾";
        return Tables.of("Parts of ∇L at " + h + " from the loss k steps later", out, "k",
                "‖∇L_{t+k} at " + h + "‖", "share from k or more steps");
    }

    /** ‖∇_{h_t⁽ᶠ⁾} L_{t+k}‖ against the distance k, on a log axis. */
    public XYChart chart() {
        XYChart chart = Plots.xy("Where the gradient at h" + Plots.subscript(t) + "⁽ᶠ⁾ comes from",
                "distance k to the loss L" + Plots.subscript(t) + "₊ₖ", "‖∇ L" + Plots.subscript(t) + "₊ₖ‖ at h"
                        + Plots.subscript(t) + "⁽ᶠ⁾");
        double[] k = new double[norms.length];
        for (int i = 0; i < k.length; i++) {
            k[i] = i;
        }
        Plots.line(chart, "part from the loss k steps later", k, norms);
        Plots.logY(chart);
        return chart;
    }
}
