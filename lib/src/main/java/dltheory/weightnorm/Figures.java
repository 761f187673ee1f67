package dltheory.weightnorm;

import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.knowm.xchart.XYChart;

import dltheory.plot.Plots;
import dltheory.table.SignificantFormat;

/** The charts of notebook 04, one function per figure. */
public final class Figures {

    private Figures() {
    }

    /**
     * Q4.1 (eq. 5): the weight-normalized output wᵀxᵢ + β against the batch-normalized ŷᵢ for
     * the first {@code points} examples of each case, with the line of agreement. A case on the
     * line agrees; a correlated input tilts it (ρ ≠ 1), a mean shifts it (δ ≠ 0).
     */
    public static XYChart outputs(double gamma, double beta, int points, Case... cases) {
        if (cases == null || cases.length == 0) {
            throw new IllegalArgumentException("cases must hold at least one case");
        }
        if (points < 2) {
            throw new IllegalArgumentException("points must be >= 2, got " + points);
        }
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
            Plots.scatter(chart, c.name(), bx, wy).setMarker(org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE);
        }
        Plots.reference(chart, "agreement  wᵀx + β = ŷ", new double[] {lo, hi}, new double[] {lo, hi});
        chart.getStyler().setMarkerSize(3);
        return chart;
    }

    /** Q4.3 (eq. 9): ‖u_t‖ against the step t, one line per step size α. */
    public static XYChart normGrowth(List<Trajectory> runs) {
        Training.requireRuns(runs);
        XYChart chart = Plots.xy("‖u‖ never decreases, and grows faster for larger α", "step t + 1", "‖uₜ‖");
        for (Trajectory r : runs) {
            Plots.line(chart, label(r), plusOne(r.times()), r.normU());
        }
        logSteps(chart);
        return chart;
    }

    /**
     * Beyond the text (eq. 10): the rate α/‖u_t‖² that multiplies the learning of w's direction,
     * on a log axis, one line per α. Large steps grow ‖u‖ fastest, so their rate falls most.
     */
    public static XYChart rate(List<Trajectory> runs) {
        Training.requireRuns(runs);
        XYChart chart = Plots.xy("Weight norm's built-in step-size decay: α/‖uₜ‖²", "step t + 1", "α/‖uₜ‖²");
        for (Trajectory r : runs) {
            Plots.line(chart, label(r), plusOne(r.times()), r.rate());
        }
        logSteps(chart);
        Plots.logY(chart);
        return chart;
    }

    /** The loss L_t against t, one line per α. */
    public static XYChart loss(List<Trajectory> runs) {
        Training.requireRuns(runs);
        XYChart chart = Plots.xy("Training loss", "step t + 1", "L(u_t, γ_t, β_t)");
        for (Trajectory r : runs) {
            Plots.line(chart, label(r), plusOne(r.times()), r.loss());
        }
        logSteps(chart);
        return chart;
    }

    /** Steps on a log axis, so that the fast start and the late bursts both show. */
    private static void logSteps(XYChart chart) {
        Plots.logX(chart);
    }

    private static double[] plusOne(double[] t) {
        double[] x = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            x[i] = t[i] + 1;
        }
        return x;
    }

    private static String label(Trajectory r) {
        return "α = " + SignificantFormat.format(r.alpha(), 4);
    }
}
