package dltheory.rnn;

import java.util.List;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

import dltheory.check.Arguments;
import dltheory.plot.Plots;

/**
 * The charts of notebook 05, one function per figure: the Jacobian norms against their bound
 * (Q5.2), the temporal components of ∇L at h₀, and the clipping experiment (Q5.3). The result
 * types' {@code chart} methods call these.
 */
public final class Figures {

    private Figures() {
    }

    /**
     * The chart of notebook 05: log₁₀‖∂h_t/∂h_0‖ against t, one line per curve, and a dashed reference
     * line log₁₀(rateᵗ) = t·log₁₀(rate) (e.g. δᵗ or (γ‖W‖)ᵗ) drawn underneath. The values span
     * dozens of decades, so the logarithm is plotted on a linear axis: exponential growth and decay
     * become straight lines with slope log₁₀ of the per-step rate.
     */
    public static XYChart jacobianNorms(String title, List<NormCurve> curves, double rate, String rateName) {
        Arguments.nonEmpty(curves, "curves");
        Arguments.positive(rate, "rate");
        int steps = curves.get(0).steps();
        XYChart chart = Plots.xy(title, "t", "log₁₀ ‖∂hₜ/∂h₀‖");
        double[] bound = new double[steps];
        for (int t = 1; t <= steps; t++) {
            bound[t - 1] = t * Math.log10(rate);
        }
        // the reference first, so a curve that lies on it is drawn on top and stays visible
        Plots.reference(chart, rateName, Plots.oneTo(steps), bound);
        for (NormCurve c : curves) {
            Plots.line(chart, c.label(), log10(c.norms()));
        }
        // curves fan out from the top-left corner in every direction: keep the legend off the plot
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        return chart;
    }

    /** The size of each temporal component ‖(∂hₜ/∂h₀)ᵀ∇Lₜ‖ against its distance t from h₀, on a log axis. */
    public static XYChart temporalComponents(TemporalComponents components, String title) {
        Arguments.notNull(components, "components", "TemporalComponents");
        XYChart chart = Plots.xy(title, "distance t from h₀ to the loss Lₜ", "‖(∂hₜ/∂h₀)ᵀ∇Lₜ‖");
        double[] norms = components.norms();
        Plots.line(chart, "temporal component of Lₜ", Plots.oneTo(norms.length), norms);
        Plots.logY(chart);
        return chart;
    }

    /**
     * The chart of the clipping experiment (Q5.3): log₁₀ L against the step for each run; a run
     * that overflowed ends at its last finite loss.
     */
    public static XYChart clipping(String title, List<Clipping.Run> runs, List<String> labels) {
        Arguments.nonEmpty(runs, "runs");
        Arguments.that(labels != null && labels.size() == runs.size(), "labels", "name each of the " + runs.size()
                + " runs", labels == null ? null : labels.size() + " labels");
        XYChart chart = Plots.xy(title, "step t", "log₁₀ L(wₜ)");
        for (int i = 0; i < runs.size(); i++) {
            double[] loss = runs.get(i).loss();
            int n = 0;
            while (n < loss.length && Double.isFinite(loss[n])) {
                n++;
            }
            double[] x = new double[n];
            double[] y = new double[n];
            for (int t = 0; t < n; t++) {
                x[t] = t;
                y[t] = Math.log10(Math.max(loss[t], Double.MIN_NORMAL));
            }
            Plots.line(chart, labels.get(i), x, y);
        }
        return chart;
    }

    /** log₁₀ of each entry; an entry that underflowed to 0 is shown at the smallest double. */
    private static double[] log10(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.log10(Math.max(v[i], Double.MIN_VALUE));
        }
        return out;
    }

}
