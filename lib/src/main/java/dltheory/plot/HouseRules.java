package dltheory.plot;

import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;

/**
 * The house rules for the layout of a chart, applied by {@link Drawing} (see {@link Plots}):
 * drawing order, legend keys and layout, tick labels and round ticks, equal aspect.
 */
final class HouseRules {

    private HouseRules() {
    }

    /**
     * XChart lays out a row legend with a marker's width for a scatter series' key but draws its
     * text a line's length after the key, so the text runs into the next key. A scatter series is
     * drawn instead as a line series without a line, which gets a key of a line's length.
     */
    static void pointKeys(XYChart chart) {
        for (XYSeries s : chart.getSeriesMap().values()) {
            if (s.getXYSeriesRenderStyle() == XYSeriesRenderStyle.Scatter) {
                s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
                s.setLineStyle(SeriesLines.NONE);
            }
        }
    }

    /** Guides first, then references, then the data, then single points, in that drawing order. */
    static void layer(XYChart chart) {
        Map<String, XYSeries> map = chart.getSeriesMap();
        List<XYSeries> all = new ArrayList<>(map.values());
        List<XYSeries> ordered = new ArrayList<>();
        for (HouseChart.Role want : new HouseChart.Role[] {HouseChart.Role.GUIDE, HouseChart.Role.REFERENCE}) {
            for (XYSeries s : all) {
                if (HouseChart.roleOf(chart, s) == want) {
                    ordered.add(s);
                }
            }
        }
        for (XYSeries s : all) {
            if (HouseChart.roleOf(chart, s) == null && s.getXData().length > 1) {
                ordered.add(s);
            }
        }
        for (XYSeries s : all) {
            if (HouseChart.roleOf(chart, s) == null && s.getXData().length <= 1) {
                ordered.add(s);
            }
        }
        map.clear();
        for (XYSeries s : ordered) {
            map.put(s.getName(), s);
        }
    }

    /** A legend beside the plot may take at most this share of the picture's width. */
    static final double MAX_SIDE_LEGEND = 0.3;

    /**
     * Fits the legend to the size the chart is drawn at: a legend beside the plot (outside, to the
     * right) wider than {@link #MAX_SIDE_LEGEND} of the picture goes under the plot, where it leaves
     * the plot the picture's width (an Explore frame drawn small for the PDF); a legend in a row
     * that would be wider than the picture (XChart centres it and cuts both ends off) becomes a
     * column.
     */
    static void fitLegend(XYChart chart) {
        XYStyler s = chart.getStyler();
        if (!s.isLegendVisible()) {
            return;
        }
        FontRenderContext frc = new FontRenderContext(null, true, true);
        double row = s.getLegendPadding();
        double column = 0;
        for (XYSeries series : chart.getSeriesMap().values()) {
            if (series.isShowInLegend()) {
                double entry = s.getLegendFont().getStringBounds(series.getName(), frc).getWidth()
                        + s.getLegendSeriesLineLength() + 3 * s.getLegendPadding();
                row += entry;
                column = Math.max(column, entry + s.getLegendPadding());
            }
        }
        if (s.getLegendPosition() == LegendPosition.OutsideE && column > MAX_SIDE_LEGEND * chart.getWidth()) {
            s.setLegendPosition(LegendPosition.OutsideS);
        }
        if (s.getLegendLayout() == LegendLayout.Horizontal && row > chart.getWidth() - 2 * s.getChartPadding()) {
            s.setLegendLayout(LegendLayout.Vertical);
        }
    }

    /**
     * Labels the ticks of each linear axis that has no format of its own as plain decimals with a
     * leading zero and thousands separators (0.005, 1,000; XChart's default writes .005), and
     * values below 10⁻⁴ as m×10ᵏ ({@link TickLabels#linear}).
     */
    static void plainTicks(XYChart chart, boolean logX, boolean logY) {
        XYStyler s = chart.getStyler();
        if (!logX && s.getxAxisTickLabelsFormattingFunction() == null && s.getXAxisDecimalPattern() == null) {
            s.setxAxisTickLabelsFormattingFunction(TickLabels::linear);
        }
        if (!logY && s.getyAxisTickLabelsFormattingFunction() == null && s.getYAxisDecimalPattern() == null) {
            s.setyAxisTickLabelsFormattingFunction(TickLabels::linear);
        }
    }

    /**
     * XChart puts a tick on every k-th x value when the x values are evenly spaced (1, 3, 5, …);
     * widening the axis by 0.2 % breaks the even spacing, so it steps on round values instead.
     */
    static void roundTicks(XYChart chart) {
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

    /**
     * Widens the x or the y range about its centre until a data unit spans as many pixels on
     * both axes; the plot's size in pixels is measured by drawing the chart once off-screen.
     */
    static void equalizeAspect(XYChart chart, Drawing.Painter plain) {
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
            plain.paint(g, chart.getWidth(), chart.getHeight());
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

    /** {min, max} of the finite x (or y) values of the series that are not guides. */
    static double[] range(XYChart chart, boolean xAxis) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (XYSeries series : chart.getSeriesMap().values()) {
            if (HouseChart.roleOf(chart, series) == HouseChart.Role.GUIDE) {
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

    static double orElse(Double v, double fallback) {
        return v != null ? v : fallback;
    }
}
