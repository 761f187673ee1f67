package dltheory.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import javax.imageio.ImageIO;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import dltheory.table.SignificantFormat;

/**
 * The collection's charts, built on XChart in one house style ({@link HouseTheme}): white plot
 * area, light grid, legend in a row under the plot, fonts readable at the site's column width,
 * a colour-blind-safe palette with marker shapes or dash patterns as a second cue, and log axes
 * labelled as powers of ten.
 *
 * <p>Build a chart with {@link #xy}, add series with {@link #line}, {@link #scatter},
 * {@link #histogram}, {@link #band} or {@link #reference}, switch to log axes with
 * {@link #logX}/{@link #logY}, then let the notebook display it (the display extension renders
 * SVG and PNG) or save it with {@link #svg}/{@link #png}. {@link #finish} applies the rules every
 * chart follows just before it is drawn:
 * <ul>
 * <li>a series keeps its colour and cue by name across every chart drawn in the same kernel
 * (one notebook), and two series of one chart never share both;</li>
 * <li>predictions and bounds ({@link #reference}) are drawn first, thin, beneath the data;
 * single marked points last, on top;</li>
 * <li>ticks fall on round values (XChart would put one on every value of an evenly spaced x
 * axis: 1, 3, 5, …, 49);</li>
 * <li>log axes show decades as 10⁻⁷, 10⁰, 10³ with light minor grid lines at 2…9 when the axis
 * spans few decades;</li>
 * <li>{@link #equalAspect} charts get one data unit per pixel on both axes.</li>
 * </ul>
 */
public final class Plots {

    /** Default size in pixels: the site's text column (45em at 16 px) and a notebook cell. */
    public static final int WIDTH = 720;
    public static final int HEIGHT = 440;

    /** The house theme every chart of the collection uses. */
    public static final HouseTheme THEME = new HouseTheme();

    /** Colour of predictions, bounds and closed forms: dark grey, thinner than the data. */
    public static final Color REFERENCE = new Color(0x444444);

    private static final Color GUIDE = new Color(0xEEEEEE);
    private static final int MARKED_LINE_POINTS = 25;
    /** Distinct (colour, cue) pairs: 4 colours × 6 cues cycle together with period 12. */
    private static final int LOOK_COUNT = 12;

    private enum Role { REFERENCE, GUIDE }

    private static final Map<XYSeries, Role> ROLES = Collections.synchronizedMap(new WeakHashMap<>());
    private static final Map<XYChart, Boolean> EQUAL_ASPECT = Collections.synchronizedMap(new WeakHashMap<>());
    private static final Map<XYSeries, Boolean> LOGGED_X = Collections.synchronizedMap(new WeakHashMap<>());
    private static final Map<XYSeries, Boolean> LOGGED_Y = Collections.synchronizedMap(new WeakHashMap<>());
    private static final Map<XYChart, boolean[]> LOG_AXES = Collections.synchronizedMap(new WeakHashMap<>());
    /** Series name → look (colour PALETTE[l % 4], cue l % 6) in the order names were first drawn. */
    private static final Map<String, Integer> LOOKS = new LinkedHashMap<>();

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
        return xy(title, xLabel, yLabel, WIDTH, HEIGHT);
    }

    /** {@link #xy(String, String, String)} at a given size in pixels (e.g. one of small multiples). */
    public static XYChart xy(String title, String xLabel, String yLabel, int width, int height) {
        requireText(title, "title");
        XYChart chart = new XYChart(width, height, THEME);
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
        XYSeries series = line(chart, name, x, y);
        series.setLineStyle(new BasicStroke(1.3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                10f, new float[] {5f, 3f}, 0f));
        series.setLineColor(REFERENCE);
        series.setMarker(SeriesMarkers.NONE);
        ROLES.put(series, Role.REFERENCE);
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
    public static XYSeries guide(XYChart chart, String name, double[] x, double[] y, Color color) {
        requireSameLength(x, y);
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
        series.setLineStyle(new BasicStroke(1f));
        series.setShowInLegend(false);
        ROLES.put(series, Role.GUIDE);
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
        double a11 = a[0][0];
        double a12 = a[0][1];
        double a22 = a[1][1];
        if (!(a11 > 0 && a11 * a22 - a12 * a12 > 0)) {
            throw new IllegalArgumentException("a must be positive definite for contours");
        }
        // principal axes: A = λ₁e₁e₁ᵀ + λ₂e₂e₂ᵀ, e₁ at angle φ₀
        double phi0 = 0.5 * Math.atan2(2 * a12, a11 - a22);
        double mean = (a11 + a22) / 2;
        double radius = Math.hypot((a11 - a22) / 2, a12);
        double l1 = mean + radius;
        double l2 = mean - radius;
        double c0 = Math.cos(phi0);
        double s0 = Math.sin(phi0);
        int n = 241;
        double[] x = new double[levels.length * (n + 1)];
        double[] y = new double[x.length];
        int k = 0;
        for (double c : levels) {
            // the level set ½θᵀAθ = c is the ellipse with semi-axes √(2c/λ₁), √(2c/λ₂)
            double r1 = Math.sqrt(2 * c / l1);
            double r2 = Math.sqrt(2 * c / l2);
            for (int i = 0; i < n; i++) {
                double phi = 2 * Math.PI * i / (n - 1);
                double u = r1 * Math.cos(phi);
                double v = r2 * Math.sin(phi);
                x[k] = c0 * u - s0 * v;
                y[k++] = s0 * u + c0 * v;
            }
            x[k] = x[k - 1];
            y[k++] = Double.NaN;
        }
        return guide(chart, "contours of the loss", x, y, new Color(0xC8C8C8));
    }

    /** Both axes show the same quantity: one data unit spans as many pixels on each. */
    public static XYChart equalAspect(XYChart chart) {
        EQUAL_ASPECT.put(chart, Boolean.TRUE);
        return chart;
    }

    /**
     * Adds a shaded band between {@code lower} and {@code upper} (e.g. ± 2 standard errors).
     * XChart fills an area down to the axis, so the band is drawn as its two edges, dotted.
     */
    public static void band(XYChart chart, String name, double[] x, double[] lower, double[] upper) {
        requireSameLength(x, lower);
        requireSameLength(x, upper);
        Color grey = new Color(0x888888);
        BasicStroke dotted = new BasicStroke(1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND,
                10f, new float[] {1f, 3f}, 0f);
        XYSeries lo = line(chart, name, x, lower);
        lo.setLineStyle(dotted);
        lo.setLineColor(grey);
        lo.setMarker(SeriesMarkers.NONE);
        ROLES.put(lo, Role.REFERENCE);
        XYSeries hi = line(chart, name + " (upper)", x, upper);
        hi.setLineStyle(dotted);
        hi.setLineColor(grey);
        hi.setMarker(SeriesMarkers.NONE);
        hi.setShowInLegend(false);
        ROLES.put(hi, Role.REFERENCE);
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

    /** Whether the x (or y) axis of {@code chart} is logarithmic, before or after {@link #finish}. */
    public static boolean isLog(XYChart chart, boolean xAxis) {
        boolean[] state = LOG_AXES.get(chart);
        if (state != null && state[xAxis ? 0 : 1]) {
            return state[xAxis ? 2 : 3];
        }
        return xAxis ? chart.getStyler().isXAxisLogarithmic() : chart.getStyler().isYAxisLogarithmic();
    }

    /** Clears the names → colours memory (a new notebook; tests). */
    public static void forgetColours() {
        synchronized (LOOKS) {
            LOOKS.clear();
        }
    }

    /**
     * Applies the house rules before drawing (see the class comment). Called by {@link #svg} and
     * {@link #png}; safe to call again.
     */
    public static void finish(Chart<?, ?> chart) {
        if (chart instanceof XYChart xy) {
            synchronized (xy) {
                boolean gridX = logAxis(xy, true);
                boolean gridY = logAxis(xy, false);
                // minor lines once both axes hold their final (log) coordinates
                if (gridX) {
                    minorGrid(xy, true);
                }
                if (gridY) {
                    minorGrid(xy, false);
                }
                plainTicks(xy);
                assignLooks(xy);
                pointKeys(xy);
                layer(xy);
                roundTicks(xy);
                fitLegend(xy);
                if (EQUAL_ASPECT.containsKey(xy)) {
                    equalizeAspect(xy);
                }
            }
        }
    }

    // --- looks: colour, marker, dash ------------------------------------------------------------

    private static void assignLooks(XYChart chart) {
        Set<Integer> used = new HashSet<>();
        List<XYSeries> open = new ArrayList<>();
        for (XYSeries s : chart.getSeriesMap().values()) {
            if (!ROLES.containsKey(s) && s.getLineColor() == null && s.getMarkerColor() == null) {
                open.add(s);
            } else if (!ROLES.containsKey(s)) {
                used.add(lookOf(s.getLineColor() != null ? s.getLineColor() : s.getMarkerColor()));
                if (s.getMarker() == null && s.getXYSeriesRenderStyle() == XYSeriesRenderStyle.Line
                        && s.getXData().length > MARKED_LINE_POINTS) {
                    // a long line whose colour the caller chose: no marker on each of its points
                    s.setMarker(SeriesMarkers.NONE);
                }
            }
        }
        synchronized (LOOKS) {
            // names seen before keep their look when this chart leaves it free
            List<XYSeries> fresh = new ArrayList<>();
            for (XYSeries s : open) {
                Integer look = LOOKS.get(key(s));
                if (look != null && !used.contains(look)) {
                    used.add(look);
                    style(s, look);
                } else {
                    fresh.add(s);
                }
            }
            // a lone new series is drawn in the first look (solid blue) and does not claim it
            if (open.size() == 1 && fresh.size() == 1) {
                style(fresh.get(0), 0);
                return;
            }
            // new names take the first look free in this chart and not yet any other name's
            for (XYSeries s : fresh) {
                int look = 0;
                while (used.contains(look) || (LOOKS.containsValue(look) && look < LOOK_COUNT)) {
                    look++;
                }
                if (look >= LOOK_COUNT) {
                    look = 0;
                    while (used.contains(look)) {
                        look++;
                    }
                }
                LOOKS.putIfAbsent(key(s), look);
                used.add(look);
                style(s, look);
            }
        }
    }

    private static String key(XYSeries s) {
        return s.getName();
    }

    /** The look whose colour is {@code c}, or −1. */
    private static int lookOf(Color c) {
        for (int i = 0; i < HouseTheme.PALETTE.length; i++) {
            if (HouseTheme.PALETTE[i].equals(c)) {
                return i;
            }
        }
        return -1;
    }

    private static void style(XYSeries s, int look) {
        Color colour = HouseTheme.PALETTE[look % HouseTheme.PALETTE.length];
        int cue = look % HouseTheme.MARKERS.length;
        s.setLineColor(colour);
        s.setMarkerColor(colour);
        s.setFillColor(colour);
        boolean scatter = s.getXYSeriesRenderStyle() == XYSeriesRenderStyle.Scatter;
        boolean marked = scatter || s.getXData().length <= MARKED_LINE_POINTS;
        if (s.getMarker() == null) {
            s.setMarker(marked ? HouseTheme.MARKERS[cue] : SeriesMarkers.NONE);
        }
        if (s.getLineStyle() == null) {
            s.setLineStyle(marked ? HouseTheme.LINES[0] : HouseTheme.LINES[cue]);
        }
    }

    /**
     * XChart lays out a row legend with a marker's width for a scatter series' key but draws its
     * text a line's length after the key, so the text runs into the next key. A scatter series is
     * drawn instead as a line series without a line, which gets a key of a line's length.
     */
    private static void pointKeys(XYChart chart) {
        for (XYSeries s : chart.getSeriesMap().values()) {
            if (s.getXYSeriesRenderStyle() == XYSeriesRenderStyle.Scatter) {
                s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
                s.setLineStyle(SeriesLines.NONE);
            }
        }
    }

    /** Guides first, then references, then the data, then single points, in that drawing order. */
    private static void layer(XYChart chart) {
        Map<String, XYSeries> map = chart.getSeriesMap();
        List<XYSeries> all = new ArrayList<>(map.values());
        List<XYSeries> ordered = new ArrayList<>();
        for (XYSeries s : all) {
            if (ROLES.get(s) == Role.GUIDE) {
                ordered.add(s);
            }
        }
        for (XYSeries s : all) {
            if (ROLES.get(s) == Role.REFERENCE) {
                ordered.add(s);
            }
        }
        for (XYSeries s : all) {
            if (!ROLES.containsKey(s) && s.getXData().length > 1) {
                ordered.add(s);
            }
        }
        for (XYSeries s : all) {
            if (!ROLES.containsKey(s) && s.getXData().length <= 1) {
                ordered.add(s);
            }
        }
        map.clear();
        for (XYSeries s : ordered) {
            map.put(s.getName(), s);
        }
    }

    /**
     * A legend in a row under the plot that would be wider than the picture (XChart centres it
     * and cuts both ends off) becomes a column under the plot.
     */
    private static void fitLegend(XYChart chart) {
        XYStyler s = chart.getStyler();
        if (s.getLegendLayout() != LegendLayout.Horizontal || !s.isLegendVisible()) {
            return;
        }
        FontRenderContext frc = new FontRenderContext(null, true, true);
        double width = s.getLegendPadding();
        for (XYSeries series : chart.getSeriesMap().values()) {
            if (series.isShowInLegend()) {
                width += s.getLegendFont().getStringBounds(series.getName(), frc).getWidth()
                        + s.getLegendSeriesLineLength() + 3 * s.getLegendPadding();
            }
        }
        if (width > chart.getWidth() - 2 * s.getChartPadding()) {
            s.setLegendLayout(LegendLayout.Vertical);
        }
    }

    // --- ticks ----------------------------------------------------------------------------------

    /**
     * XChart puts a tick on every k-th x value when the x values are evenly spaced (1, 3, 5, …);
     * widening the axis by 0.2 % breaks the even spacing, so it steps on round values instead.
     */
    private static void roundTicks(XYChart chart) {
        XYStyler s = chart.getStyler();
        if (s.isXAxisLogarithmic() || chart.getSeriesMap().isEmpty()) {
            return;
        }
        Set<Double> values = new LinkedHashSet<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (XYSeries series : chart.getSeriesMap().values()) {
            for (double v : series.getXData()) {
                values.add(v);
                if (!Double.isNaN(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        double lo = s.getXAxisMin() != null ? s.getXAxisMin() : min;
        double hi = s.getXAxisMax() != null ? s.getXAxisMax() : max;
        List<Double> list = new ArrayList<>();
        list.add(lo);
        values.stream().filter(v -> !list.contains(v)).forEach(list::add);
        if (!list.contains(hi)) {
            list.add(hi);
        }
        if (list.size() < 2 || Math.abs(hi - lo) <= 1e-4) {
            return;
        }
        double step = list.get(1) - list.get(0);
        for (int i = 1; i < list.size(); i++) {
            if (Math.abs(list.get(i) - list.get(i - 1) - step) >= 1e-4) {
                return;
            }
        }
        s.setXAxisMax(hi + Math.max(0.002 * (hi - lo), 2e-4));
    }

    // --- log axes -------------------------------------------------------------------------------

    /**
     * Draws a logarithmic axis as a linear axis over log₁₀ of the data, so that its ticks fall on
     * whole decades labelled 10ᵏ (at least two of them, at most ~8), with light minor grid lines at
     * 2…9 × 10ᵏ when the axis spans at most three decades. Non-positive values are left out. Data
     * that span less than one decade are drawn on a linear axis instead: there a log scale is
     * nearly straight and could show at most one power of ten.
     *
     * @return whether minor grid lines belong on this axis
     */
    private static boolean logAxis(XYChart chart, boolean xAxis) {
        XYStyler s = chart.getStyler();
        boolean wanted = xAxis ? s.isXAxisLogarithmic() : s.isYAxisLogarithmic();
        // [handled x, handled y, drawn as log x, drawn as log y]
        boolean[] state = LOG_AXES.computeIfAbsent(chart, c -> new boolean[4]);
        int axis = xAxis ? 0 : 1;
        if (!wanted && !state[axis + 2]) {
            return false;
        }
        if (!state[axis]) {
            double[] range = positiveRange(chart, xAxis);
            Double min = xAxis ? s.getXAxisMin() : s.getYAxisMin();
            Double max = xAxis ? s.getXAxisMax() : s.getYAxisMax();
            double decades = Math.log10(orElse(max, range[1]) / orElse(min, range[0]));
            if (decades < 1) {
                state[axis] = true;
                if (xAxis) {
                    s.setXAxisLogarithmic(false);
                } else {
                    s.setYAxisLogarithmic(false);
                }
                return false;
            }
            state[axis + 2] = true;
        }
        Map<XYSeries, Boolean> logged = xAxis ? LOGGED_X : LOGGED_Y;
        for (XYSeries series : chart.getSeriesMap().values()) {
            if (logged.containsKey(series) || ROLES.get(series) == Role.GUIDE) {
                continue;
            }
            double[] x = series.getXData();
            double[] y = series.getYData();
            int n = 0;
            for (int i = 0; i < x.length; i++) {
                double v = xAxis ? x[i] : y[i];
                if (v > 0 || Double.isNaN(v)) {
                    n++;
                }
            }
            double[] nx = new double[n];
            double[] ny = new double[n];
            int k = 0;
            for (int i = 0; i < x.length; i++) {
                double v = xAxis ? x[i] : y[i];
                if (v > 0 || Double.isNaN(v)) {
                    nx[k] = xAxis ? Math.log10(x[i]) : x[i];
                    ny[k++] = xAxis ? y[i] : Math.log10(y[i]);
                }
            }
            if (n == 0) {
                nx = new double[] {Double.NaN};
                ny = new double[] {Double.NaN};
            }
            series.replaceData(nx, ny, null);
            logged.put(series, Boolean.TRUE);
        }
        if (state[axis]) {
            return false;
        }
        state[axis] = true;
        double[] range = range(chart, xAxis);
        Double min = xAxis ? s.getXAxisMin() : s.getYAxisMin();
        Double max = xAxis ? s.getXAxisMax() : s.getYAxisMax();
        double lo = min != null ? Math.log10(min) : range[0];
        double hi = max != null ? Math.log10(max) : range[1];
        if (Math.floor(hi) - Math.ceil(lo) < 1) {
            // one power of ten inside: widen to the nearer decade so that two are labelled
            if (Math.ceil(hi) - hi <= lo - Math.floor(lo)) {
                hi = Math.ceil(hi);
                max = Math.pow(10, hi);
            } else {
                lo = Math.floor(lo);
                min = Math.pow(10, lo);
            }
        }
        double span = hi - lo;
        // a tick spacing wide enough that XChart's step is a whole number of decades
        double pixels = 0.92 * (xAxis ? chart.getWidth() - 120 : chart.getHeight() - 150);
        int hint = (int) Math.ceil(1.1 * pixels / span);
        if (xAxis) {
            s.setXAxisLogarithmic(false);
            s.setXAxisMin(min != null ? Math.log10(min) : null);
            s.setXAxisMax(max != null ? Math.log10(max) : null);
            s.setxAxisTickLabelsFormattingFunction(Plots::powerOfTen);
            s.setXAxisTickMarkSpacingHint(Math.max(THEME.getXAxisTickMarkSpacingHint(), hint));
        } else {
            s.setYAxisLogarithmic(false);
            s.setYAxisMin(min != null ? Math.log10(min) : null);
            s.setYAxisMax(max != null ? Math.log10(max) : null);
            s.setyAxisTickLabelsFormattingFunction(Plots::powerOfTen);
            s.setYAxisTickMarkSpacingHint(Math.max(THEME.getYAxisTickMarkSpacingHint(), hint));
        }
        return span <= 3;
    }

    /**
     * Labels the ticks of each linear axis that has no format of its own as plain decimals with a
     * leading zero and thousands separators (0.005, 1,000; XChart's default writes .005), and
     * values below 10⁻⁴ as m×10ᵏ.
     */
    private static void plainTicks(XYChart chart) {
        XYStyler s = chart.getStyler();
        if (!isLog(chart, true) && s.getxAxisTickLabelsFormattingFunction() == null
                && s.getXAxisDecimalPattern() == null) {
            s.setxAxisTickLabelsFormattingFunction(Plots::tickLabel);
        }
        if (!isLog(chart, false) && s.getyAxisTickLabelsFormattingFunction() == null
                && s.getYAxisDecimalPattern() == null) {
            s.setyAxisTickLabelsFormattingFunction(Plots::tickLabel);
        }
    }

    /** A tick value as printed on a linear axis: −0.25 → "-0.25", 1500 → "1,500", 2·10⁻⁶ → "2×10⁻⁶". */
    static String tickLabel(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v == 0 ? "0" : Double.toString(v);
        }
        // ticks are multiples of a round step; 12 significant digits drop the step's rounding error
        BigDecimal d = new BigDecimal(v).round(new MathContext(12)).stripTrailingZeros();
        if (Math.abs(v) < 1e-4) {
            int k = d.precision() - d.scale() - 1;
            return d.movePointRight(-k).toPlainString() + "×10" + superscript(k);
        }
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setMaximumFractionDigits(Math.max(0, d.scale()));
        f.setMinimumFractionDigits(Math.max(0, d.scale()));
        return f.format(d);
    }

    /** {min, max} of the positive finite x (or y) values of the series that are not guides. */
    private static double[] positiveRange(XYChart chart, boolean xAxis) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (XYSeries series : chart.getSeriesMap().values()) {
            if (ROLES.get(series) == Role.GUIDE) {
                continue;
            }
            for (double v : xAxis ? series.getXData() : series.getYData()) {
                if (v > 0 && v < Double.POSITIVE_INFINITY) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return new double[] {min, max};
    }

    /** Light lines at log₁₀(m·10ᵏ), m = 2…9, across the plot. */
    private static void minorGrid(XYChart chart, boolean xAxis) {
        XYStyler s = chart.getStyler();
        double[] own = range(chart, xAxis);
        double lo = xAxis ? orElse(s.getXAxisMin(), own[0]) : orElse(s.getYAxisMin(), own[0]);
        double hi = xAxis ? orElse(s.getXAxisMax(), own[1]) : orElse(s.getYAxisMax(), own[1]);
        double[] other = range(chart, !xAxis);
        if (xAxis) {
            other = new double[] {orElse(s.getYAxisMin(), other[0]), orElse(s.getYAxisMax(), other[1])};
        } else {
            other = new double[] {orElse(s.getXAxisMin(), other[0]), orElse(s.getXAxisMax(), other[1])};
        }
        if (!(other[1] >= other[0])) {
            return;
        }
        // fix the other axis at its range, so the lines may run past it to the plot's frame (XChart
        // insets the data by its plot-content margin and clips what lies outside the plot)
        if (xAxis) {
            s.setXAxisMin(lo);
            s.setXAxisMax(hi);
            s.setYAxisMin(other[0]);
            s.setYAxisMax(other[1]);
        } else {
            s.setYAxisMin(lo);
            s.setYAxisMax(hi);
            s.setXAxisMin(other[0]);
            s.setXAxisMax(other[1]);
        }
        double pad = Math.max(other[1] - other[0], 1e-9);
        other = new double[] {other[0] - pad, other[1] + pad};
        double margin = 0.05 * (hi - lo);
        List<Double> at = new ArrayList<>();
        for (int k = (int) Math.floor(lo - margin); k <= Math.ceil(hi + margin); k++) {
            for (int m = 2; m <= 9; m++) {
                double v = k + Math.log10(m);
                if (v > lo - margin && v < hi + margin) {
                    at.add(v);
                }
            }
        }
        if (at.isEmpty()) {
            return;
        }
        double[] u = new double[3 * at.size()];
        double[] w = new double[u.length];
        for (int i = 0; i < at.size(); i++) {
            u[3 * i] = at.get(i);
            u[3 * i + 1] = at.get(i);
            u[3 * i + 2] = at.get(i);
            w[3 * i] = other[0];
            w[3 * i + 1] = other[1];
            w[3 * i + 2] = Double.NaN;
        }
        String name = xAxis ? "minor grid x" : "minor grid y";
        if (xAxis) {
            guide(chart, name, u, w, GUIDE);
        } else {
            // a NaN in y breaks a line: horizontal lines need it in y as well
            double[] y = u.clone();
            guide(chart, name, w, y, GUIDE);
        }
    }

    /** 10ᵏ for a whole k; otherwise the value 10ᵛ with two significant digits. */
    static String powerOfTen(double v) {
        long k = Math.round(v);
        if (Math.abs(v - k) < 1e-6) {
            return "10" + superscript(k);
        }
        return SignificantFormat.format(Math.pow(10, v), 2);
    }

    /** An integer in Unicode subscript digits: 12 → ₁₂. */
    public static String subscript(long k) {
        String digits = "₀₁₂₃₄₅₆₇₈₉";
        StringBuilder out = new StringBuilder(k < 0 ? "₋" : "");
        for (char c : Long.toString(Math.abs(k)).toCharArray()) {
            out.append(digits.charAt(c - '0'));
        }
        return out.toString();
    }

    /** An integer in Unicode superscript digits, with a superscript minus: −7 → ⁻⁷. */
    public static String superscript(long k) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder out = new StringBuilder(k < 0 ? "⁻" : "");
        for (char c : Long.toString(Math.abs(k)).toCharArray()) {
            out.append(digits.charAt(c - '0'));
        }
        return out.toString();
    }

    /** {min, max} of the finite x (or y) values of the series that are not guides. */
    private static double[] range(XYChart chart, boolean xAxis) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (XYSeries series : chart.getSeriesMap().values()) {
            if (ROLES.get(series) == Role.GUIDE) {
                continue;
            }
            for (double v : xAxis ? series.getXData() : series.getYData()) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return new double[] {min, max};
    }

    private static double orElse(Double v, double fallback) {
        return v != null ? v : fallback;
    }

    // --- equal aspect ---------------------------------------------------------------------------

    /**
     * Widens the x or the y range about its centre until a data unit spans as many pixels on
     * both axes; the plot's size in pixels is measured by drawing the chart once off-screen.
     */
    private static void equalizeAspect(XYChart chart) {
        XYStyler s = chart.getStyler();
        double[] xr = range(chart, true);
        double[] yr = range(chart, false);
        double xlo = orElse(s.getXAxisMin(), xr[0]);
        double xhi = orElse(s.getXAxisMax(), xr[1]);
        double ylo = orElse(s.getYAxisMin(), yr[0]);
        double yhi = orElse(s.getYAxisMax(), yr[1]);
        s.setXAxisMin(xlo).setXAxisMax(xhi).setYAxisMin(ylo).setYAxisMax(yhi);
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            chart.paint(g, chart.getWidth(), chart.getHeight());
        } finally {
            g.dispose();
        }
        double px = chart.getScreenXFromChart(xhi) - chart.getScreenXFromChart(xlo);
        double py = chart.getScreenYFromChart(ylo) - chart.getScreenYFromChart(yhi);
        if (!(px > 0 && py > 0)) {
            return;
        }
        double unitsPerPixel = Math.max((xhi - xlo) / px, (yhi - ylo) / py);
        double xc = (xlo + xhi) / 2;
        double yc = (ylo + yhi) / 2;
        s.setXAxisMin(xc - unitsPerPixel * px / 2).setXAxisMax(xc + unitsPerPixel * px / 2);
        s.setYAxisMin(yc - unitsPerPixel * py / 2).setYAxisMax(yc + unitsPerPixel * py / 2);
    }

    /**
     * The chart as an SVG element, without XML declaration or DOCTYPE, so that it can be inlined
     * in HTML (nbconvert refuses an SVG output that carries an encoding declaration).
     */
    public static String svg(Chart<?, ?> chart) {
        finish(chart);
        TextKeepingGraphics g = new TextKeepingGraphics(List.of(chart));
        chart.paint(g, chart.getWidth(), chart.getHeight());
        return svgElement(g, chart.getWidth(), chart.getHeight());
    }

    /** The SVG element of what {@code g} drew on a {@code width}×{@code height} page. */
    private static String svgElement(VectorGraphics2D g, double width, double height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, width, height)).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String document = out.toString(StandardCharsets.UTF_8);
        return SvgCompaction.compact(textDefaults(document.substring(document.indexOf("<svg"))));
    }

    /**
     * The SVG with what its text leaves to the viewer made explicit: VectorGraphics2D writes no
     * font size for 12 px text (a browser would draw it at 16 px) and a family without a fallback.
     */
    static String textDefaults(String svg) {
        String sized = svg.replaceFirst("^<svg ", "<svg font-size=\"12px\" ");
        return sized.replaceAll("font-family:(&quot;[^;&]*Serif[^;&]*&quot;);", "font-family:$1,serif;")
                .replaceAll("font-family:(&quot;[^;&]*&quot;);", "font-family:$1,sans-serif;");
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

    /** The small multiples as one SVG element (see {@link #svg(Chart)}). */
    public static String svg(Panels panels) {
        TextKeepingGraphics g = new TextKeepingGraphics(panels.panels());
        panels.paint(g);
        return svgElement(g, panels.width(), panels.height());
    }

    /** The small multiples as PNG bytes at 2× scale. */
    public static byte[] png(Panels panels) {
        BufferedImage image = new BufferedImage(2 * panels.width(), 2 * panels.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.scale(2, 2);
            panels.paint(g);
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
        List<String> names = new ArrayList<>();
        for (Object s : chart.getSeriesMap().values()) {
            if (!(s instanceof XYSeries xy && ROLES.get(xy) == Role.GUIDE)) {
                names.add(((org.knowm.xchart.internal.series.Series) s).getName());
            }
        }
        return "Chart \"" + chart.getTitle() + "\" (" + names.size() + " series: " + String.join(", ", names) + ")";
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
