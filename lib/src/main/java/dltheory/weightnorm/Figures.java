package dltheory.weightnorm;

import java.util.List;
import java.util.function.Function;

import org.ejml.data.DMatrixRMaj;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;

import dltheory.check.Arguments;
import dltheory.plot.KeyMarker;
import dltheory.plot.HouseTheme;
import dltheory.plot.Plots;
import dltheory.text.SignificantFormat;

/** The charts of notebook 04, one function per figure. */
public final class Figures {

    private Figures() {
    }

    /**
     * Q4.1 (4.5): the weight-normalized output wᵀxᵢ + β against the batch-normalized ŷᵢ for
     * the first {@code points} examples of each case, with the line of agreement. A case on the
     * line agrees; a correlated input tilts it (ρ ≠ 1), a mean shifts it (δ ≠ 0).
     */
    public static XYChart outputs(double gamma, double beta, int points, Case... cases) {
        Arguments.that(cases != null && cases.length > 0, "cases", "hold at least one case",
                cases == null ? "null" : "none");
        Arguments.atLeast(points, 2, "points");
        XYChart chart = Plots.xy("Weight norm vs batch norm of y = uᵀx", "batch norm  ŷ = γ(y − μ)/σ + β",
                "weight norm  wᵀx + β");
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Case c : cases) {
            DMatrixRMaj x = c.inputs().batch();
            double[] wn = BatchNormLink.weightNormOutputs(x, c.u(), gamma, beta);
            double[] bn = BatchNormLink.batchNormOutputs(x, c.u(), gamma, beta);
            int k = Math.min(points, bn.length);
            double[] bx = java.util.Arrays.copyOf(bn, k);
            double[] wy = java.util.Arrays.copyOf(wn, k);
            for (double v : bx) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            Plots.scatter(chart, c.name(), bx, wy).setMarker(KeyMarker.dot(0.75));
        }
        Plots.reference(chart, "agreement  wᵀx + β = ŷ", new double[] {lo, hi}, new double[] {lo, hi});
        // every case is a line through the middle, so the lower right corner is free: the legend
        // goes there, inside the plot, instead of taking a third of the picture's height below it
        chart.getStyler().setLegendPosition(LegendPosition.InsideSE).setLegendLayout(LegendLayout.Vertical);
        return chart;
    }

    /** Q4.3 (4.9): ‖u_t‖ against the step t, one line per step size α. */
    public static XYChart normGrowth(List<StepDiagnostics> runs) {
        return perStepSize(runs, "‖u‖ never decreases, and grows faster for larger α", "‖uₜ‖",
                StepDiagnostics::normU);
    }

    /**
     * Beyond the text (4.10): the effective rate α γ_t²/‖u_t‖² with which w's direction learns,
     * on a log axis, one line per α. It rises while γ grows, and falls where ‖u‖ jumps.
     */
    public static XYChart rate(List<StepDiagnostics> runs) {
        XYChart chart = perStepSize(runs, "Effective rate of w's direction, αγₜ²/‖uₜ‖²", "αγₜ²/‖uₜ‖²",
                StepDiagnostics::rate);
        Plots.logY(chart);
        return chart;
    }

    /**
     * Beyond the text (4.10), the other convention: α/‖u_t‖², the rate of the unit direction
     * u/‖u‖ per unit of its own gradient γ∇_w L, one line per α. By eq. (4.9) it never rises.
     */
    public static XYChart directionRate(List<StepDiagnostics> runs) {
        XYChart chart = perStepSize(runs, "Rate of the unit direction u/‖u‖, α/‖uₜ‖²", "α/‖uₜ‖²",
                StepDiagnostics::normFactor);
        Plots.logY(chart);
        return chart;
    }

    /**
     * Beyond the text (4.10): the burst of one run, steps {@code from} to {@code to}: the loss,
     * ‖u_t‖ and the effective rate αγ_t²/‖u_t‖², each divided by its value at {@code from}.
     */
    public static XYChart burst(StepDiagnostics run, int from, int to) {
        Arguments.notNull(run, "run", "a StepDiagnostics");
        Arguments.inRange(from, 0, run.length() - 1, "from");
        Arguments.inRange(to, from + 1, run.length(), "to");
        XYChart chart = Plots.xy("A burst at " + label(run) + ": the loss rises, ‖u‖ jumps, the rate falls",
                "step t", "value / value at t = " + from);
        double[] t = java.util.Arrays.copyOfRange(run.times(), from, to + 1);
        Plots.line(chart, "loss Lₜ", t, relative(run.loss(), from, to));
        Plots.line(chart, "‖uₜ‖", t, relative(run.normU(), from, to));
        Plots.line(chart, "rate αγₜ²/‖uₜ‖²", t, relative(run.rate(), from, to));
        return chart;
    }

    /**
     * The burst that {@code search} found in {@code runs}, from 20 steps before its peak to 40
     * after (within the run); when there is none, the whole run whose loss rose most after its
     * peak, so that the chart shows what happened instead.
     */
    public static XYChart burst(List<StepDiagnostics> runs, Burst.Search search) {
        Arguments.nonEmpty(runs, "runs");
        Arguments.that(search != null && search.candidates().size() == runs.size(), "search",
                "be Burst.search(runs) of these " + runs.size() + " runs",
                search == null ? "null" : search.candidates().size() + " candidates");
        Burst b = search.found().orElseGet(() -> search.candidates().stream()
                .max(java.util.Comparator.comparingDouble(Burst::lossRise)).orElseThrow());
        StepDiagnostics run = Training.withAlpha(runs, b.alpha());
        if (!b.isBurst()) {
            return burst(run, 0, run.length());
        }
        return burst(run, Math.max(0, b.peakStep() - 20), Math.min(run.length(), b.peakStep() + 40));
    }

    private static double[] relative(double[] v, int from, int to) {
        double[] out = new double[to - from + 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = v[from + i] / v[from];
        }
        return out;
    }

    /** The loss L_t against t, one line per α. */
    public static XYChart loss(List<StepDiagnostics> runs) {
        return perStepSize(runs, "Training loss", "L(u_t, γ_t, β_t)", StepDiagnostics::loss);
    }

    /**
     * One line per step size α of {@code y} against the step t + 1, the steps on a log axis (so that
     * the fast start and the late bursts both show).
     */
    private static XYChart perStepSize(List<StepDiagnostics> runs, String title, String yTitle,
                                       Function<StepDiagnostics, double[]> y) {
        Arguments.nonEmpty(runs, "runs");
        XYChart chart = Plots.xy(title, "step t + 1", yTitle);
        for (StepDiagnostics r : runs) {
            styleRun(runs, r, Plots.line(chart, label(r), plusOne(r.times()), y.apply(r)));
        }
        Plots.logX(chart);
        return chart;
    }

    private static double[] plusOne(double[] t) {
        double[] x = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            x[i] = t[i] + 1;
        }
        return x;
    }

    /**
     * The colours of the runs, in the order of {@code runs} (increasing α): the house palette's four
     * and its reddish purple, so that five runs never share a colour (the house looks repeat a colour
     * after four names); {@link HouseTheme#LINES}' dashes are the second cue.
     */
    static final java.awt.Color[] RUN_COLOURS = {
        HouseTheme.PALETTE[0], HouseTheme.PALETTE[1], HouseTheme.PALETTE[2], new java.awt.Color(0xCC79A7),
        HouseTheme.PALETTE[3]
    };

    /** Gives run {@code r} its own colour and dash, the same in every chart of the notebook. */
    private static void styleRun(List<StepDiagnostics> runs, StepDiagnostics r, org.knowm.xchart.XYSeries s) {
        int i = runs.indexOf(r) % RUN_COLOURS.length;
        s.setLineColor(RUN_COLOURS[i]);
        s.setMarkerColor(RUN_COLOURS[i]);
        s.setLineStyle(HouseTheme.LINES[i % HouseTheme.LINES.length]);
        s.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
    }

    private static String label(StepDiagnostics r) {
        return "α = " + SignificantFormat.format(r.alpha(), 4);
    }
}
