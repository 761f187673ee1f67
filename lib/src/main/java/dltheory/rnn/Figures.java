package dltheory.rnn;

import java.util.List;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

import dltheory.plot.Plots;

/** The figures of notebook 05 that combine several results, one function per figure. */
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
        if (curves == null || curves.isEmpty()) {
            throw new IllegalArgumentException("curves must contain at least one curve");
        }
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("rate must be finite and > 0, got " + rate);
        }
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

    /** log₁₀ of each entry; an entry that underflowed to 0 is shown at the smallest double. */
    private static double[] log10(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.log10(Math.max(v[i], Double.MIN_VALUE));
        }
        return out;
    }

}
