package dltheory.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The collection's charts, built on XChart in one house style: white plot area, light grid,
 * legend inside the plot, readable fonts, a colour-blind-safe palette and labelled log axes.
 *
 * <p>Build a chart with {@link #xy}, add series with {@link #line}, {@link #scatter},
 * {@link #histogram} or {@link #band}, switch to log axes with {@link #logX}/{@link #logY}, then
 * let the notebook display it (the display extension renders SVG and PNG) or save it with
 * {@link #svg}/{@link #png}.
 */
public final class Plots {

    /** Default size in pixels: fits a notebook column and a page of the static site. */
    public static final int WIDTH = 720;
    public static final int HEIGHT = 440;

    /** Okabe–Ito palette (colour-blind safe), black last. */
    private static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000)
    };

    private Plots() {
    }

    /**
     * An empty XY chart in the house style.
     *
     * @param title  the chart's title
     * @param xLabel the x-axis label, with the symbol used in the text (e.g. {@code "layer t"})
     * @param yLabel the y-axis label, e.g. {@code "Var[a⁽ᵗ⁾]"}
     */
    public static XYChart xy(String title, String xLabel, String yLabel) {
        requireText(title, "title");
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        applyHouseStyle(chart.getStyler());
        return chart;
    }

    /** Sets the house style on an XY styler; exposed so that any XY chart can share it. */
    public static void applyHouseStyle(XYStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(true);
        s.setPlotBorderColor(new Color(0x999999));
        s.setPlotGridLinesVisible(true);
        s.setPlotGridLinesColor(new Color(0xE5E5E5));
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setChartTitleBoxVisible(false);
        s.setChartTitleFont(new Font(Fonts.SANS, Font.BOLD, 15));
        s.setAxisTitleFont(new Font(Fonts.SANS, Font.PLAIN, 13));
        s.setAxisTickLabelsFont(new Font(Fonts.SANS, Font.PLAIN, 11));
        s.setLegendFont(new Font(Fonts.SANS, Font.PLAIN, 11));
        // below the plot, in a row: never hides data, and leaves the plot its full width
        s.setLegendPosition(LegendPosition.OutsideS);
        s.setLegendLayout(LegendLayout.Horizontal);
        s.setLegendBackgroundColor(new Color(255, 255, 255, 220));
        s.setLegendBorderColor(new Color(0xBBBBBB));
        s.setSeriesColors(PALETTE);
        s.setMarkerSize(5);
        s.setAntiAlias(true);
        s.setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
        // log axes label every decade; finish() labels 2…9 too when a range spans under two decades
        s.setXAxisLogarithmicDecadeOnly(true);
        s.setYAxisLogarithmicDecadeOnly(true);
        s.setDecimalPattern("#,##0.###");
    }

    /** Adds a line (no markers) and returns it for further styling. */
    public static XYSeries line(XYChart chart, String name, double[] x, double[] y) {
        requireSameLength(x, y);
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineStyle(new BasicStroke(2f));
        return series;
    }

    /** Adds a line against x = 1, 2, …, n (layers, steps). */
    public static XYSeries line(XYChart chart, String name, double[] y) {
        return line(chart, name, oneTo(y.length), y);
    }

    /** Adds a dashed reference line, e.g. a closed form or a bound. */
    public static XYSeries reference(XYChart chart, String name, double[] x, double[] y) {
        XYSeries series = line(chart, name, x, y);
        series.setLineStyle(new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                10f, new float[] {6f, 4f}, 0f));
        series.setLineColor(Color.BLACK);
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
        series.setMarker(SeriesMarkers.CIRCLE);
        return series;
    }

    /**
     * Adds a shaded band between {@code lower} and {@code upper} (e.g. ± 2 standard errors).
     * XChart fills an area down to the axis, so the band is drawn as its two edges, dotted.
     */
    public static void band(XYChart chart, String name, double[] x, double[] lower, double[] upper) {
        requireSameLength(x, lower);
        requireSameLength(x, upper);
        Color grey = new Color(0x777777);
        BasicStroke dotted = new BasicStroke(1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND,
                10f, new float[] {2f, 3f}, 0f);
        XYSeries lo = line(chart, name, x, lower);
        lo.setLineStyle(dotted);
        lo.setLineColor(grey);
        XYSeries hi = line(chart, name + " (upper)", x, upper);
        hi.setLineStyle(dotted);
        hi.setLineColor(grey);
        hi.setShowInLegend(false);
    }

    /**
     * Adds a histogram of {@code samples} as a step line of the empirical density over
     * {@code bins} equal bins on {@code [lo, hi]} (values outside are counted in the edge bins),
     * so several histograms can be overlaid and compared with a density curve.
     */
    public static XYSeries histogram(XYChart chart, String name, double[] samples, int bins,
                                     double lo, double hi) {
        Histogram h = Histogram.of(samples, bins, lo, hi);
        XYSeries series = chart.addSeries(name, h.stepX(), h.stepY());
        series.setMarker(SeriesMarkers.NONE);
        series.setLineStyle(new BasicStroke(1.8f));
        return series;
    }

    /** Switches the x axis to a logarithmic scale (values must be positive). */
    public static XYChart logX(XYChart chart) {
        chart.getStyler().setXAxisLogarithmic(true);
        return chart;
    }

    /** Switches the y axis to a logarithmic scale (values must be positive). */
    public static XYChart logY(XYChart chart) {
        chart.getStyler().setYAxisLogarithmic(true);
        return chart;
    }

    /**
     * Last touches before drawing: a logarithmic axis whose data span less than two decades gets
     * labels at 2…9 as well (XChart would show a single label); one spanning more keeps decade
     * labels only, so they do not overlap; its labels switch to scientific notation ({@code 1E-5})
     * when values fall below 10⁻³ or above 10⁶. Called by {@link #svg} and {@link #png}.
     */
    public static void finish(Chart<?, ?> chart) {
        if (chart instanceof XYChart xy) {
            XYStyler s = xy.getStyler();
            if (s.isXAxisLogarithmic()) {
                s.setXAxisLogarithmicDecadeOnly(decades(xy, true) >= 2);
                s.setXAxisDecimalPattern(readableRange(xy, true) ? null : "0E0");
            }
            if (s.isYAxisLogarithmic()) {
                s.setYAxisLogarithmicDecadeOnly(decades(xy, false) >= 2);
                s.setYAxisDecimalPattern(readableRange(xy, false) ? null : "0E0");
            }
        }
    }

    /** log₁₀(max/min) over the positive x (or y) values of every series. */
    static double decades(XYChart chart, boolean xAxis) {
        double[] range = positiveRange(chart, xAxis);
        return range[1] > 0 ? Math.log10(range[1] / range[0]) : 0;
    }

    /** Whether the positive x (or y) values all lie in [10⁻³, 10⁶), where plain numbers read well. */
    static boolean readableRange(XYChart chart, boolean xAxis) {
        double[] range = positiveRange(chart, xAxis);
        return range[1] == 0 || (range[0] >= 1e-3 && range[1] < 1e6);
    }

    /** {min, max} of the positive finite x (or y) values of every series; {∞, 0} when none. */
    private static double[] positiveRange(XYChart chart, boolean xAxis) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (XYSeries series : chart.getSeriesMap().values()) {
            for (double v : xAxis ? series.getXData() : series.getYData()) {
                if (v > 0 && Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return new double[] {min, max};
    }

    /**
     * The chart as an SVG element, without XML declaration or DOCTYPE, so that it can be inlined
     * in HTML (nbconvert refuses an SVG output that carries an encoding declaration).
     */
    public static String svg(Chart<?, ?> chart) {
        finish(chart);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String document = out.toString(StandardCharsets.UTF_8);
        return document.substring(document.indexOf("<svg"));
    }

    /** The chart as PNG bytes drawn at 2× scale, so it stays sharp on high-density screens. */
    public static byte[] png(Chart<?, ?> chart) {
        finish(chart);
        int w = chart.getWidth();
        int h = chart.getHeight();
        BufferedImage image = new BufferedImage(2 * w, 2 * h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(2, 2);
            chart.paint(g, w, h);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes the chart as {@code base.svg} and {@code base.png}; returns the SVG path. */
    public static Path save(Chart<?, ?> chart, Path base) {
        try {
            Path svg = base.resolveSibling(base.getFileName() + ".svg");
            Files.writeString(svg, svg(chart));
            Files.write(base.resolveSibling(base.getFileName() + ".png"), png(chart));
            return svg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line describing the chart, used as its {@code text/plain} form. */
    public static String describe(Chart<?, ?> chart) {
        String names = String.join(", ", chart.getSeriesMap().keySet());
        return "Chart \"" + chart.getTitle() + "\" (" + chart.getSeriesMap().size() + " series: " + names + ")";
    }

    /** The vector 1, 2, …, n as doubles (layer or step indices for an x axis). */
    public static double[] oneTo(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        return x;
    }

    private static void requireSameLength(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y must have the same length, got " + x.length + " and " + y.length);
        }
        if (x.length == 0) {
            throw new IllegalArgumentException("a series needs at least one point, got length 0");
        }
    }

    private static void requireText(String s, String name) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(name + " must be non-empty");
        }
    }
}
