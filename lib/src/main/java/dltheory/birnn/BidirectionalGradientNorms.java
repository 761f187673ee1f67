package dltheory.birnn;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import dltheory.plot.Plots;
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
        if (forward == null || backward == null || forward.length != backward.length || forward.length == 0) {
            throw new IllegalArgumentException("forward and backward must have the same length T >= 1");
        }
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

    /**
     * Both profiles against t. Norms that span two decades or more are drawn on a log axis (zero
     * gradients are left out there); a narrower spread on a linear axis from 0, where a log axis
     * would have ticks at 0.16, 0.25, 0.4, … rather than round values.
     */
    public XYChart chart(String title) {
        return chart(title, spansDecades());
    }

    private XYChart chart(String title, boolean log) {
        XYChart chart = Plots.xy(title, "step t", "‖∂L/∂hₜ‖");
        if (log) {
            Plots.logY(chart);
        } else {
            chart.getStyler().setYAxisMin(0.0);
        }
        chart.getStyler().setXAxisTickMarkSpacingHint(60);
        chart.getStyler().setXAxisDecimalPattern("0");
        add(chart, "forward chain h⁽ᶠ⁾", forward, SeriesMarkers.CIRCLE, log);
        add(chart, "backward chain h⁽ᵇ⁾", backward, SeriesMarkers.SQUARE, log);
        return chart;
    }

    /** Whether the nonzero norms of both chains span a factor of 100 or more. */
    private boolean spansDecades() {
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

    /** {@link #chart(String)} with the dashed bound (γ‖U‖)^{distance} for {@code chain}. */
    public XYChart chart(String title, Chain chain, double rate) {
        double[] b = bound(chain, rate);
        if (!(b[chain == Chain.FORWARD ? b.length - 1 : 0] > 0) || !(rate > 0)) {
            throw new IllegalArgumentException("chain must carry a nonzero gradient at its start and rate must be > 0"
                    + " for a bound on a log axis, got chain " + chain + ", rate " + rate);
        }
        XYChart chart = chart(title, true);
        Plots.reference(chart, "bound (γ‖U‖₂)ᵈ, d = steps from the loss", Plots.oneTo(steps()), b);
        return chart;
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

    private static void add(XYChart chart, String name, double[] norms, org.knowm.xchart.style.markers.Marker marker,
                            boolean log) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < norms.length; i++) {
            if (norms[i] > 0 || !log) {
                xs.add(i + 1.0);
                ys.add(norms[i]);
            }
        }
        if (xs.isEmpty()) {
            return;
        }
        boolean lone = xs.size() == 1 && norms.length > 1;
        // a chain with one nonzero norm shares its point with the other chain's marker: an open
        // outline around that marker keeps both visible (the name stays, and with it the colour)
        XYSeries s = Plots.line(chart, name, xs.stream().mapToDouble(Double::doubleValue).toArray(),
                ys.stream().mapToDouble(Double::doubleValue).toArray());
        s.setMarker(lone ? new RingMarker(marker == SeriesMarkers.SQUARE) : marker);
        s.setLineStyle(new BasicStroke(1.8f));
    }
}
