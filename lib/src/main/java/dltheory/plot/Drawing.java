package dltheory.plot;

import java.awt.Graphics2D;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.internal.chartpart.ChartTitle;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;

/**
 * One drawing of a chart with the house rules applied (see {@link Plots}), and how to undo what the
 * rules change only for the drawing. The rules that are part of the chart's look stay: each
 * series' colour and cue ({@link Looks}) and the drawing order ({@link HouseRules}). What only a
 * drawing needs is undone afterwards: the series' data drawn in log₁₀ coordinates
 * ({@link LogAxes}), the minor grid lines, the axis ranges, tick formats and spacing set for it,
 * and the legend's layout and place, fitted to the size drawn at. A chart is therefore drawn from
 * its own data every time, at any size.
 */
final class Drawing {

    /** XChart's own painting of a chart, without the house rules. */
    @FunctionalInterface
    interface Painter {
        void paint(Graphics2D g, int width, int height);
    }

    private final XYChart chart;
    private final Map<XYSeries, double[][]> data = new IdentityHashMap<>();
    private final List<XYSeries> added = new ArrayList<>();
    private final Axes axes;
    private final LegendLayout legendLayout;
    private final LegendPosition legendPosition;
    private boolean logX;
    private boolean logY;

    /** What the drawing may change on the styler, as the author left it. */
    private record Axes(boolean logX, boolean logY, Double xMin, Double xMax, Double yMin, Double yMax,
                        Function<Double, String> xFormat, Function<Double, String> yFormat,
                        int xHint, int yHint) {

        static Axes of(XYStyler s) {
            return new Axes(s.isXAxisLogarithmic(), s.isYAxisLogarithmic(), s.getXAxisMin(), s.getXAxisMax(),
                    s.getYAxisMin(), s.getYAxisMax(), s.getxAxisTickLabelsFormattingFunction(),
                    s.getyAxisTickLabelsFormattingFunction(), s.getXAxisTickMarkSpacingHint(),
                    s.getYAxisTickMarkSpacingHint());
        }

        void restore(XYStyler s) {
            s.setXAxisLogarithmic(logX).setYAxisLogarithmic(logY);
            s.setXAxisMin(xMin).setXAxisMax(xMax).setYAxisMin(yMin).setYAxisMax(yMax);
            s.setxAxisTickLabelsFormattingFunction(xFormat);
            s.setyAxisTickLabelsFormattingFunction(yFormat);
            s.setXAxisTickMarkSpacingHint(xHint);
            s.setYAxisTickMarkSpacingHint(yHint);
        }
    }

    private Drawing(XYChart chart) {
        this.chart = chart;
        this.axes = Axes.of(chart.getStyler());
        this.legendLayout = chart.getStyler().getLegendLayout();
        this.legendPosition = chart.getStyler().getLegendPosition();
    }

    /**
     * Draws {@code chart} with {@code g}: a house chart draws itself in the house style; a plain
     * {@link XYChart} gets the same rules for the drawing (its log axes stay XChart's own, as it
     * holds no roles for the minor grid lines); other charts are drawn as XChart draws them.
     */
    static void draw(Chart<?, ?> chart, Graphics2D g, int width, int height) {
        if (chart instanceof XYChart xy && !(chart instanceof HouseChart)) {
            paint(xy, g, width, height);
        } else {
            chart.paint(g, width, height);
        }
    }

    /** Applies the rules to {@code chart}, paints it as XChart does, and undoes the drawing's changes. */
    static void paint(XYChart chart, Graphics2D g, int width, int height) {
        synchronized (chart) {
            forgetTitleBounds(chart);
            Drawing drawing = apply(chart);
            try {
                if (g instanceof TextKeepingGraphics text) {
                    text.keepTickLabels(chart.getStyler());  // undone with the drawing's other changes
                }
                plain(chart).paint(g, width, height);
            } finally {
                drawing.undo();
            }
        }
    }

    /** The rules applied to {@code chart} for one drawing; the caller holds the chart's lock and undoes. */
    static Drawing apply(XYChart chart) {
        Drawing d = new Drawing(chart);
        boolean gridX = false;
        boolean gridY = false;
        if (chart instanceof HouseChart house) {
            LogAxes.Axis x = LogAxes.draw(house, true, d);
            LogAxes.Axis y = LogAxes.draw(house, false, d);
            d.logX = x.log();
            d.logY = y.log();
            // minor lines once both axes hold their final (log) coordinates
            gridX = x.minorGrid();
            gridY = y.minorGrid();
            if (gridX) {
                LogAxes.minorGrid(house, true, d);
            }
            if (gridY) {
                LogAxes.minorGrid(house, false, d);
            }
        }
        HouseRules.plainTicks(chart, d.logX, d.logY);
        Looks.assign(chart);
        HouseRules.pointKeys(chart);
        HouseRules.layer(chart);
        HouseRules.roundTicks(chart);
        HouseRules.fitLegend(chart);
        if (chart instanceof HouseChart house && house.isEqualAspect()) {
            HouseRules.equalizeAspect(chart, plain(chart));
        }
        return d;
    }

    /** XChart's title of a chart; its {@code bounds}, the size of the title as last drawn. */
    private static final Field CHART_TITLE = field(Chart.class, "chartTitle");
    private static final Field TITLE_BOUNDS = field(ChartTitle.class, "bounds");

    /**
     * Makes this drawing of {@code chart} lay out as its first one. XChart sizes the axes with the
     * title's bounds from the chart's last drawing, measured with that drawing's fonts (a PNG's at
     * 2× scale are not an SVG's), and measures them afresh only for a chart never drawn: the same
     * chart drawn after a PNG and after an SVG came out 0.02 px apart, with ticks moved. Forgotten
     * before each drawing, the bounds are measured as for a new chart, so that every drawing of a
     * chart gives the same picture whatever was drawn before.
     */
    private static void forgetTitleBounds(XYChart chart) {
        try {
            TITLE_BOUNDS.set(CHART_TITLE.get(chart), null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("XChart's ChartTitle changed: " + e, e);
        }
    }

    private static Field field(Class<?> owner, String name) {
        try {
            Field f = owner.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("XChart " + owner.getSimpleName() + " has no field " + name
                    + " (the version 3.8.8 this library is written for has)", e);
        }
    }

    /** XChart's own painting of {@code chart}, without the house rules. */
    private static Painter plain(XYChart chart) {
        return chart instanceof HouseChart house ? house::paintPlain : chart::paint;
    }

    /** Only the log axes of {@code chart} set up for a drawing (to ask {@link #log}); the caller undoes. */
    static Drawing axesOnly(HouseChart chart) {
        Drawing d = new Drawing(chart);
        d.logX = LogAxes.draw(chart, true, d).log();
        d.logY = LogAxes.draw(chart, false, d).log();
        return d;
    }

    /** Whether the x (or y) axis is drawn as a log axis in this drawing. */
    boolean log(boolean xAxis) {
        return xAxis ? logX : logY;
    }

    /** Replaces the data of {@code series} for this drawing; {@link #undo} puts the author's back. */
    void replace(XYSeries series, double[] x, double[] y) {
        data.putIfAbsent(series, new double[][] {series.getXData(), series.getYData(), series.getExtraValues()});
        series.replaceData(x, y, null);
    }

    /** Records a series added for this drawing only (a guide), removed by {@link #undo}. */
    void added(XYSeries series) {
        added.add(series);
    }

    /** Puts back the author's data and axis settings and removes the drawing's own series. */
    void undo() {
        for (Map.Entry<XYSeries, double[][]> e : data.entrySet()) {
            double[][] xy = e.getValue();
            e.getKey().replaceData(xy[0], xy[1], xy[2]);
        }
        for (XYSeries s : added) {
            chart.getSeriesMap().values().remove(s);
            if (chart instanceof HouseChart house) {
                house.forget(s);
            }
        }
        axes.restore(chart.getStyler());
        chart.getStyler().setLegendLayout(legendLayout).setLegendPosition(legendPosition);
    }
}
