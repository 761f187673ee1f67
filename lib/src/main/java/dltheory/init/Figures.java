package dltheory.init;

import dltheory.check.Arguments;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

import dltheory.linalg.Vectors;
import dltheory.plot.HouseTheme;
import dltheory.plot.KeyMarker;
import dltheory.plot.Panels;
import dltheory.plot.Plots;
import dltheory.table.Tables;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** The figures and the summary table of notebook 01, one function per figure. */
public final class Figures {

    private Figures() {
    }

    /**
     * log₁₀ Var[a⁽ᵗ⁾] against the layer t for several sweeps, with each sweep's mean-field
     * prediction dashed (one legend entry for all of them). The logarithm is taken here rather
     * than by a log axis because the values can span two hundred decades, more than an axis can
     * label.
     */
    public static XYChart varianceByLayer(String title, List<Sweep> sweeps) {
        Arguments.nonEmpty(sweeps, "sweeps");
        XYChart chart = Plots.xy(title, "layer t", "log₁₀ Var[a⁽ᵗ⁾]");
        for (Sweep s : sweeps) {
            styleScheme(Plots.line(chart, s.label(), s.layers(), log10(s.varA())), s.label());
        }
        boolean first = true;
        for (Sweep s : sweeps) {
            if (Double.isNaN(s.predictedVarA()[0])) {
                continue;
            }
            XYSeries p = Plots.reference(chart, first ? "prediction (dashed)" : "prediction: " + s.label(),
                    s.layers(), log10(s.predictedVarA()));
            p.setShowInLegend(first);
            first = false;
        }
        chart.getStyler().setLegendLayout(LegendLayout.Vertical);
        chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
        return chart;
    }

    /** The schemes of notebook 01 in the order of {@link #SCHEME_COLOURS}, by {@link Sweep#label}. */
    private static final List<String> SCHEMES = List.of("identity, N(0, 1/d)", "identity, U(±√(3/d))",
            "ReLU, N(0, 2/d)", "ReLU, U(±√(6/d))", "ReLU, N(0, 1/d)", "ReLU, N(0, 1)", "ReLU, N(0, 0.01²)");

    /** Okabe–Ito colours, one per scheme, so that a scheme has the same colour in every chart. */
    private static final Color[] SCHEME_COLOURS = {new Color(0x0072B2), new Color(0x56B4E9),
        new Color(0xD55E00), new Color(0xE69F00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0x000000)};

    /** One marker per scheme, in the order of {@link #SCHEMES}. */
    private static final Marker[] SCHEME_MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.CROSS,
        SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP,
        SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.PLUS};

    /** A solid line: measured data in notebook 01, where predictions are the dashed lines. */
    private static final BasicStroke SOLID = new BasicStroke(2f);

    /**
     * Gives a series of a scheme of notebook 01 that scheme's colour and marker in every chart, and
     * a solid line (left to the theme, the n-th series of a chart would get the n-th dash pattern,
     * and a measured line could not be told from the dashed predictions).
     */
    private static void styleScheme(XYSeries line, String label) {
        Color colour = schemeColour(label);
        line.setLineStyle(SOLID);
        if (colour != null) {
            line.setLineColor(colour);
            line.setMarkerColor(colour);
            line.setMarker(SCHEME_MARKERS[SCHEMES.indexOf(label)]);
        }
    }

    /** The fixed colour of a scheme of notebook 01, or null for another label (the palette's turn). */
    static Color schemeColour(String label) {
        int i = SCHEMES.indexOf(label);
        return i < 0 ? null : SCHEME_COLOURS[i];
    }

    /**
     * The median over an ensemble's nets of Var[a⁽ᵗ⁾] (solid) and the band between the 10 % and
     * 90 % quantiles (dotted), on a log axis, one ensemble after the other (notebook 01, step 3).
     * Each ensemble has its scheme's colour, the one its single nets have in the other charts.
     */
    public static XYChart varianceBands(String title, SweepEnsemble... ensembles) {
        Arguments.that(ensembles.length > 0, "ensembles", "hold at least one ensemble", "none");
        XYChart chart = Plots.xy(title, "layer t", "Var[a⁽ᵗ⁾]");
        BasicStroke dotted = new BasicStroke(1.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND,
                10f, new float[] {2f, 3f}, 0f);
        for (int i = 0; i < ensembles.length; i++) {
            SweepEnsemble e = ensembles[i];
            Color colour = schemeColour(e.label());
            Arguments.that(colour != null, "ensembles", "be of a scheme of notebook 01", e.label());
            double[] x = Plots.oneTo(e.depth());
            Plots.line(chart, e.label() + ": median of " + e.nets() + " nets", x, e.quantile(0.5))
                    .setLineColor(colour);
            XYSeries lo = Plots.line(chart, e.label() + ": 10 % and 90 % quantiles", x, e.quantile(0.1));
            XYSeries hi = Plots.line(chart, e.label() + " (90 %)", x, e.quantile(0.9));
            for (XYSeries band : new XYSeries[] {lo, hi}) {
                band.setLineColor(colour);
                band.setLineStyle(dotted);
            }
            hi.setShowInLegend(false);
        }
        chart.getStyler().setLegendLayout(LegendLayout.Vertical);
        return Plots.logY(chart);
    }

    /**
     * Histograms (densities) of a⁽ᵗ⁾ at the given layers of one sweep, on [−4, 4], with the
     * N(E[a], Var[a]) density of the last layer dashed.
     */
    public static XYChart histograms(Sweep s, int... layers) {
        Arguments.that(layers.length > 0, "layers", "name at least one layer", "none");
        XYChart chart = Plots.xy("Distribution of a⁽ᵗ⁾: " + s.label(), "a⁽ᵗ⁾", "density");
        for (int t : layers) {
            Plots.histogram(chart, "t = " + t, s.sample(t), 48, -4, 4);
        }
        int last = layers[layers.length - 1];
        double m = s.mean(last);
        double sd = Math.sqrt(s.var(last));
        double[] x = new double[161];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = -4 + 8.0 * i / (x.length - 1);
            double z = (x[i] - m) / sd;
            y[i] = Math.exp(-0.5 * z * z) / (sd * Math.sqrt(2 * Math.PI));
        }
        Plots.reference(chart, "N(E[a], Var[a]) at t = " + last, x, y);
        return chart;
    }

    /**
     * Histograms of log₁₀|a⁽ᵗ⁾| at the given layers, one panel per sweep (small multiples): the
     * scale of a⁽ᵗ⁾ in decades. Each panel has its own x range, since exploding and vanishing
     * schemes end up hundreds of decades apart; a layer has the same colour in every panel.
     */
    public static Panels logMagnitudes(List<Sweep> sweeps, int... layers) {
        Arguments.nonEmpty(sweeps, "sweeps");
        Arguments.that(layers.length > 0, "layers", "name at least one layer", "none");
        List<XYChart> panels = new java.util.ArrayList<>();
        for (Sweep s : sweeps) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int t : layers) {
                double[] decades = log10Abs(s.sample(t));
                lo = Math.min(lo, Vectors.min(decades));
                hi = Math.max(hi, Vectors.max(decades));
            }
            lo = Math.floor(lo);
            hi = Math.ceil(hi);
            int bins = (int) Math.max(40, Math.min(240, 4 * (hi - lo)));
            XYChart chart = Plots.xy("Scale of a⁽ᵗ⁾ under " + s.label(), "log₁₀|a⁽ᵗ⁾|", "density",
                    Plots.WIDTH, 300);
            for (int t : layers) {
                Plots.histogram(chart, "t = " + t, log10Abs(s.sample(t)), bins, lo, hi);
            }
            chart.getStyler().setXAxisMin(lo);
            chart.getStyler().setXAxisMax(hi);
            panels.add(chart);
        }
        return new Panels(panels, 1);
    }

    /** Var[∂L/∂a⁽ᵗ⁾] against t for several backward sweeps, log y, predictions dashed. */
    public static XYChart gradientVarianceByLayer(String title, List<GradientSweep> sweeps) {
        Arguments.nonEmpty(sweeps, "sweeps");
        XYChart chart = Plots.xy(title, "layer t", "Var[∂L/∂a⁽ᵗ⁾]");
        chart.getStyler().setYAxisDecimalPattern("0.#E0");
        for (GradientSweep s : sweeps) {
            styleScheme(Plots.line(chart, s.label(), s.forward().layers(), s.varGrad()), s.label());
        }
        boolean first = true;
        for (GradientSweep s : sweeps) {
            XYSeries p = Plots.reference(chart, first ? "prediction (dashed)" : "prediction: " + s.label(),
                    s.forward().layers(), s.predicted());
            p.setShowInLegend(first);
            first = false;
        }
        Plots.logY(chart);
        return chart;
    }

    /**
     * The backward factor against the forward factor of {@link Glorot#compare}'s rows (log-log):
     * every variance v lies on the line backward = (d_out/d_in)·forward, which misses the target
     * (1, 1) unless d_in = d_out.
     */
    public static XYChart glorotFactors(List<Glorot.Factors> rows, int dIn, int dOut) {
        XYChart chart = Plots.logY(Plots.logX(Plots.xy("Forward against backward factor, dᵢₙ = "
                + dIn + ", dₒᵤₜ = " + dOut, "forward factor dᵢₙ·v", "backward factor dₒᵤₜ·v")));
        double lo = 0.1;
        double hi = 10;
        Plots.reference(chart, "any v", new double[] {lo, hi},
                new double[] {lo * dOut / (double) dIn, hi * dOut / (double) dIn});
        KeyMarker.Shape[] shapes = {KeyMarker.Shape.DIAMOND, KeyMarker.Shape.SQUARE,
            KeyMarker.Shape.CIRCLE};
        int k = 0;
        for (Glorot.Factors r : rows) {
            Plots.scatter(chart, r.scheme(), new double[] {r.forward()},
                    new double[] {r.backward()}).setMarker(KeyMarker.of(shapes[k % shapes.length], 1.7))
                    .setMarkerColor(HouseTheme.PALETTE[k % 3]);
            k++;
        }
        Plots.scatter(chart, "target (1, 1)", new double[] {1}, new double[] {1})
                .setMarker(KeyMarker.of(KeyMarker.Shape.CROSS, 1.7)).setMarkerColor(Color.BLACK);
        // the upper left is empty (every scheme lies on the line d_out·v = (d_out/d_in)·d_in·v):
        // the legend goes there, inside the plot, instead of squashing it from below
        chart.getStyler().setLegendPosition(LegendPosition.InsideNW)
                .setLegendLayout(LegendLayout.Vertical);
        return chart;
    }

    /** The loss of {@link Training} runs against the step (log y), each run that stayed finite. */
    public static XYChart trainingLoss(String title, List<Training> runs) {
        XYChart chart = Plots.logY(Plots.xy(title, "step t", "loss L(t)"));
        for (Training r : runs) {
            if (r.finite()) {
                double[] t = new double[r.loss().length];
                for (int k = 0; k < t.length; k++) {
                    t[k] = k;
                }
                String name = "ReLU, " + r.scheme();
                Color colour = schemeColour(name);
                var line = Plots.line(chart, name, t, r.loss());
                if (colour != null) {
                    line.setLineColor(colour);
                }
            }
        }
        return chart;
    }

    /** Var[a⁽ᵗ⁾] of several sweeps at the given layers: one row per layer, one column per sweep. */
    public static Table varianceTable(String title, List<Sweep> sweeps, int... layers) {
        Arguments.nonEmpty(sweeps, "sweeps");
        int[] ts = layers.length == 0 ? Sweep.range(sweeps.get(0).depth()) : layers;
        Table table = Table.create(title, IntColumn.create("t", ts));
        for (Sweep s : sweeps) {
            double[] v = new double[ts.length];
            for (int i = 0; i < ts.length; i++) {
                v[i] = s.var(ts[i]);
            }
            table.addColumns(DoubleColumn.create(s.label(), v));
        }
        return Tables.formatted(table);
    }

    /** One row of {@link #compare}. */
    public record Comparison(int t, double measured, double predicted) {
    }

    /**
     * Var[a⁽ᵗ⁾] of a sweep next to a prediction computed elsewhere (e.g.
     * {@link Theory#identityVarianceWithWeightMean}), one row per layer.
     *
     * @param predicted Var[a⁽¹⁾] … Var[a⁽ᴸ⁾], one value per layer of the sweep
     */
    public static Table compare(String title, Sweep s, double[] predicted) {
        Arguments.length(predicted, s.depth(), "predicted", "one value per layer");
        List<Comparison> rows = new java.util.ArrayList<>();
        for (int t = 1; t <= s.depth(); t++) {
            rows.add(new Comparison(t, s.var(t), predicted[t - 1]));
        }
        // no standard-error column: Sweep's per-unit standard errors assume uncorrelated units,
        // which is exactly what fails when E[w] ≠ 0 (the notebook derives the right one, √(2/n))
        return Tables.of(title, rows, "t", "Var[a] measured", "Var[a] predicted");
    }

    private static double[] log10(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.log10(v[i]);
        }
        return out;
    }

    private static double[] log10Abs(double[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.log10(Math.max(Math.abs(a[i]), Double.MIN_NORMAL));
        }
        return out;
    }
}
