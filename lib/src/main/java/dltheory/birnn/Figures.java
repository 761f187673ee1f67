package dltheory.birnn;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

import dltheory.birnn.BidirectionalRnn.Chain;
import dltheory.check.Arguments;
import dltheory.plot.Plots;
import dltheory.text.Scripts;

/**
 * The charts of notebook 06, one function per figure, as every topic has them: the computational
 * graph (Q6.1), the gradient norms along each chain with their bound (Q6.2), where the gradient at
 * a state comes from, and the error of truncated backpropagation (section 3). The result types'
 * {@code chart} methods call these.
 */
public final class Figures {

    private Figures() {
    }

    /** The computational graph of a bidirectional RNN unrolled over its steps (Q6.1). */
    public static XYChart graph(ComputationalGraph graph, String title) {
        return ComputationalGraphDrawing.chart(graph, title);
    }

    /**
     * ‖∂L/∂hₜ‖ along both chains against t (Q6.2). Norms that span two decades or more are drawn
     * on a log axis (zero gradients are left out there); a narrower spread on a linear axis from 0,
     * where a log axis would have ticks at 0.16, 0.25, 0.4, … rather than round values.
     */
    public static XYChart gradientNorms(BidirectionalGradientNorms norms, String title) {
        Arguments.notNull(norms, "norms", "gradient norms");
        return gradientNorms(norms, title, norms.spansDecades());
    }

    /**
     * {@link #gradientNorms(BidirectionalGradientNorms, String)} on a log axis with the dashed bound
     * (γ‖U‖₂)ᵈ along {@code chain}, d the steps from the loss, at {@code rate} = γ‖U‖₂ (Q6.2).
     */
    public static XYChart gradientNorms(BidirectionalGradientNorms norms, String title, Chain chain,
                                        double rate) {
        Arguments.notNull(norms, "norms", "gradient norms");
        Arguments.notNull(chain, "chain", "FORWARD or BACKWARD");
        Arguments.positive(rate, "rate");
        double[] b = norms.bound(chain, rate);
        Arguments.positive(b[chain == Chain.FORWARD ? b.length - 1 : 0], "the chain's norm at its loss");
        XYChart chart = gradientNorms(norms, title, true);
        Plots.reference(chart, "bound (γ‖U‖₂)ᵈ, d = steps from the loss", Plots.oneTo(norms.steps()), b);
        return chart;
    }

    private static XYChart gradientNorms(BidirectionalGradientNorms norms, String title, boolean log) {
        XYChart chart = Plots.xy(title, "step t", "‖∂L/∂hₜ‖");
        if (log) {
            Plots.logY(chart);
        } else {
            chart.getStyler().setYAxisMin(0.0);
        }
        chart.getStyler().setXAxisTickMarkSpacingHint(60);
        chart.getStyler().setXAxisDecimalPattern("0");
        chain(chart, "forward chain h⁽ᶠ⁾", norms.norms(Chain.FORWARD), SeriesMarkers.CIRCLE, log);
        chain(chart, "backward chain h⁽ᵇ⁾", norms.norms(Chain.BACKWARD), SeriesMarkers.SQUARE, log);
        return chart;
    }

    /** One chain's norms as a line with markers; on a log axis without its zeros. */
    private static void chain(XYChart chart, String name, double[] norms, Marker marker, boolean log) {
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

    /** ‖∇_{h_t⁽ᶠ⁾} L_{t+k}‖ against the distance k, on a log axis (section 3). */
    public static XYChart contributions(ContributionByDistance parts) {
        Arguments.notNull(parts, "parts", "a ContributionByDistance");
        String t = Scripts.subscript(parts.t());
        XYChart chart = Plots.xy("Where the gradient at h" + t + "⁽ᶠ⁾ comes from",
                "distance k to the loss L" + t + "₊ₖ", "‖∇L" + t + "₊ₖ‖ at h" + t + "⁽ᶠ⁾");
        Plots.line(chart, "part from the loss k steps later", distances(parts), parts.norms());
        Plots.logY(chart);
        return chart;
    }

    /**
     * {@link #contributions(ContributionByDistance)} with the dashed envelope r^k·‖V⁽ᶠ⁾ᵀe_{t+k}‖ at
     * {@code rate} = r ({@link ContributionByDistance#envelope(double)}).
     */
    public static XYChart contributions(ContributionByDistance parts, double rate) {
        XYChart chart = contributions(parts);
        Plots.reference(chart, "envelope (γ‖U⁽ᶠ⁾‖₂)ᵏ‖V⁽ᶠ⁾ᵀe" + Scripts.subscript(parts.t()) + "₊ₖ‖",
                distances(parts), parts.envelope(rate));
        return chart;
    }

    /** 0, 1, …, the distances k of {@code parts}. */
    private static double[] distances(ContributionByDistance parts) {
        double[] k = new double[parts.norms().length];
        for (int i = 0; i < k.length; i++) {
            k[i] = i;
        }
        return k;
    }

    /**
     * The error of truncated BPTT and its bound against the truncation k, on a log axis (section 3);
     * rows with a zero error are left out.
     */
    public static XYChart truncation(List<TruncatedBptt> rows) {
        Arguments.notNull(rows, "rows", "a list of truncations");
        List<TruncatedBptt> kept = rows.stream().filter(r -> r.error() > 0 && r.bound() > 0).toList();
        Arguments.that(!kept.isEmpty(), "rows", "hold a truncation with a nonzero error", rows.size() + " without");
        XYChart chart = Plots.xy("Truncating backpropagation after k steps", "truncation k (steps kept)",
                "relative error of ∇L at h⁽ᶠ⁾");
        double[] k = kept.stream().mapToDouble(TruncatedBptt::k).toArray();
        Plots.line(chart, "error of truncated BPTT", k, kept.stream().mapToDouble(TruncatedBptt::error).toArray());
        Plots.reference(chart, "bound from the envelope's tail (j > k), relative", k,
                kept.stream().mapToDouble(TruncatedBptt::bound).toArray());
        Plots.logY(chart);
        return chart;
    }
}
