package dltheory.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import dltheory.check.Arguments;

/**
 * The collection's charts, built on XChart in one house style ({@link HouseTheme}): white plot
 * area, light grid, legend in a row under the plot, fonts readable at the site's column width,
 * a colour-blind-safe palette with marker shapes or dash patterns as a second cue, and log axes
 * labelled as powers of ten.
 *
 * <p>Build a chart with {@link #xy} (a {@link HouseChart}), add series with {@link #line},
 * {@link #scatter}, {@link #histogram}, {@link #band} or {@link #reference}, switch to log axes with
 * {@link #logX}/{@link #logY}, then let the notebook display it (the display extension renders
 * SVG and PNG) or write it with {@link Encoder#svg}/{@link Encoder#png}. Each time the chart is drawn it follows
 * the house rules ({@code Drawing}): colours and cues kept by series name within a notebook,
 * references beneath the data and single points on top, round ticks, log axes in decades with
 * minor grid lines, equal aspect where asked; its data and axis settings stay as the author set
 * them.
 */
public final class Plots {

    /** Default size in pixels: the site's text column (45em at 16 px) and a notebook cell. */
    public static final int WIDTH = 720;
    public static final int HEIGHT = 440;

    /** The house theme every chart of the collection uses. */
    public static final HouseTheme THEME = new HouseTheme();

    /** Colour of predictions, bounds and closed forms: dark grey, thinner than the data. */
    public static final Color REFERENCE = new Color(0x444444);

    private Plots() {
    }

    /**
     * An empty XY chart in the house style.
     *
     * @param title  the chart's title
     * @param xLabel the x-axis label, with the symbol used in the text (e.g. {@code "layer t"})
     * @param yLabel the y-axis label, e.g. {@code "Var[a⁽ᵗ⁾]"}
     */
    public static HouseChart xy(String title, String xLabel, String yLabel) {
        return xy(title, xLabel, yLabel, WIDTH, HEIGHT);
    }

    /** {@link #xy(String, String, String)} at a given size in pixels (e.g. one of small multiples). */
    public static HouseChart xy(String title, String xLabel, String yLabel, int width, int height) {
        Arguments.nonBlank(title, "title");
        HouseChart chart = new HouseChart(width, height);
        chart.setTitle(title);
        chart.setXAxisTitle(xLabel);
        chart.setYAxisTitle(yLabel);
        applyHouseStyle(chart.getStyler());
        return chart;
    }

    /** Sets the house style on an XY styler; exposed so that any XY chart can share it. */
    public static void applyHouseStyle(XYStyler s) {
        s.setTheme(THEME);
        s.setLegendLayout(LegendLayout.Horizontal);
        s.setAntiAlias(true);
        s.setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
    }

    /** Adds a line and returns it; its colour and cue are chosen by {@link #finish}. */
    public static XYSeries line(XYChart chart, String name, double[] x, double[] y) {
        requireSameLength(x, y);
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        return series;
    }

    /** Adds a line against x = 1, 2, …, n (layers, steps). */
    public static XYSeries line(XYChart chart, String name, double[] y) {
        return line(chart, name, oneTo(y.length), y);
    }

    /**
     * Adds a prediction, closed form or bound: a thin dashed dark-grey line drawn beneath the
     * measured data.
     */
    public static XYSeries reference(XYChart chart, String name, double[] x, double[] y) {
        HouseChart house = HouseChart.of(chart, "a reference");
        XYSeries series = line(chart, name, x, y);
        series.setLineStyle(new BasicStroke(1.3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                10f, new float[] {5f, 3f}, 0f));
        series.setLineColor(REFERENCE);
        series.setMarker(SeriesMarkers.NONE);
        house.role(series, HouseChart.Role.REFERENCE);
        return series;
    }

    /** Adds a horizontal dashed line at {@code y} across {@code [x0, x1]}. */
    public static XYSeries horizontal(XYChart chart, String name, double y, double x0, double x1) {
        return reference(chart, name, new double[] {x0, x1}, new double[] {y, y});
    }

    /** Adds points without lines. */
    public static XYSeries scatter(XYChart chart, String name, double[] x, double[] y) {
        requireSameLength(x, y);
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        return series;
    }

    /**
     * Adds thin light lines that are not data (contours, guides): drawn first, not in the legend.
     * A NaN in {@code y} breaks the line, so one series can hold several curves.
     */
    static XYSeries guide(XYChart chart, String name, double[] x, double[] y, Color color) {
        HouseChart house = HouseChart.of(chart, "a guide");
        requireSameLength(x, y);
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
        series.setLineStyle(new BasicStroke(1f));
        series.setShowInLegend(false);
        house.role(series, HouseChart.Role.GUIDE);
        return series;
    }

    /**
     * Adds the level sets ½θᵀAθ = c of a 2×2 quadratic as light ellipses (contour lines), for
     * paths on a bowl.
     *
     * @param a      the symmetric positive definite matrix {{a11, a12}, {a12, a22}}
     * @param levels the values c &gt; 0 of ½θᵀAθ to draw
     */
    public static XYSeries contours(XYChart chart, double[][] a, double... levels) {
        double[][] xy = Contours.ellipses(a, levels);
        return guide(chart, "contours of the loss", xy[0], xy[1], new Color(0xC8C8C8));
    }

    /** Both axes show the same quantity: one data unit spans as many pixels on each. */
    public static XYChart equalAspect(XYChart chart) {
        HouseChart.of(chart, "equal aspect").equalAspect(true);
        return chart;
    }

    /**
     * Adds a shaded band between {@code lower} and {@code upper} (e.g. ± 2 standard errors).
     * XChart fills an area down to the axis, so the band is drawn as its two edges, dotted.
     */
    public static void band(XYChart chart, String name, double[] x, double[] lower, double[] upper) {
        HouseChart house = HouseChart.of(chart, "a band");
        requireSameLength(x, lower);
        requireSameLength(x, upper);
        Color grey = new Color(0x888888);
        BasicStroke dotted = new BasicStroke(1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND,
                10f, new float[] {1f, 3f}, 0f);
        XYSeries lo = line(chart, name, x, lower);
        lo.setLineStyle(dotted);
        lo.setLineColor(grey);
        lo.setMarker(SeriesMarkers.NONE);
        house.role(lo, HouseChart.Role.REFERENCE);
        XYSeries hi = line(chart, name + " (upper)", x, upper);
        hi.setLineStyle(dotted);
        hi.setLineColor(grey);
        hi.setMarker(SeriesMarkers.NONE);
        hi.setShowInLegend(false);
        house.role(hi, HouseChart.Role.REFERENCE);
    }

    /**
     * Adds a histogram of {@code samples} as a step line of the empirical density over
     * {@code bins} equal bins on {@code [lo, hi]} (values outside are counted in the edge bins),
     * so several histograms can be overlaid and compared with a density curve.
     */
    public static XYSeries histogram(XYChart chart, String name, double[] samples, int bins,
                                     double lo, double hi) {
        Histogram h = Histogram.of(samples, bins, lo, hi);
        return line(chart, name, h.stepX(), h.stepY());
    }

    /**
     * Switches the x axis to a logarithmic scale (values must be positive). Data spanning less than
     * one decade are drawn on a linear axis instead (see {@link LogAxes}); {@link #isLog} tells.
     */
    public static XYChart logX(XYChart chart) {
        chart.getStyler().setXAxisLogarithmic(true);
        return chart;
    }

    /**
     * Switches the y axis to a logarithmic scale (values must be positive). Data spanning less than
     * one decade are drawn on a linear axis instead (see {@link LogAxes}); {@link #isLog} tells.
     */
    public static XYChart logY(XYChart chart) {
        chart.getStyler().setYAxisLogarithmic(true);
        return chart;
    }

    /**
     * Whether the x (or y) axis of {@code chart} is drawn as a log axis: asked for with
     * {@link #logX}/{@link #logY} and spanning at least one decade.
     */
    public static boolean isLog(XYChart chart, boolean xAxis) {
        if (!(chart instanceof HouseChart house)) {
            return xAxis ? chart.getStyler().isXAxisLogarithmic() : chart.getStyler().isYAxisLogarithmic();
        }
        synchronized (house) {
            Drawing d = Drawing.axesOnly(house);
            try {
                return d.log(xAxis);
            } finally {
                d.undo();
            }
        }
    }

    /**
     * Draws with the names → colours memory left as it is: the charts made and shown inside
     * {@code drawing} (on this thread) reuse the colours of names seen before, and their new names
     * claim none, so later charts look as in a Run All. For an Explore slider's moves and frames.
     */
    public static <T> T withoutNewColours(java.util.function.Supplier<T> drawing) {
        return Looks.withoutClaims(drawing);
    }

    /** Clears the names → colours memory (a new notebook; tests). */
    public static void forgetColours() {
        Looks.forget();
    }

    /**
     * Applies the house rules that stay with the chart (each series' colour and cue, the drawing
     * order, the legend's layout; see the class comment), as drawing the chart does; the data and
     * axis settings are left as the author set them. Safe to call again.
     */
    public static void finish(Chart<?, ?> chart) {
        if (chart instanceof XYChart xy) {
            synchronized (xy) {
                Drawing.apply(xy).undo();
            }
        }
    }

    /** The vector 1, 2, …, n as doubles (layer or step indices for an x axis). */
    public static double[] oneTo(int n) {
        return java.util.stream.IntStream.rangeClosed(1, n).asDoubleStream().toArray();
    }

    private static void requireSameLength(double[] x, double[] y) {
        Arguments.sameLength(Arguments.nonEmpty(x, "x"), y, "x", "y");
    }
}
