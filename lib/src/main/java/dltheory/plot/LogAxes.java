package dltheory.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;

/**
 * Log axes in the house style. XChart's own log axis puts ticks at values that are not powers of
 * ten and labels them in E notation, so a log axis is drawn instead as a linear axis over log₁₀ of
 * the data, for one drawing ({@link Drawing}): ticks fall on whole decades labelled 10ᵏ (at least
 * two of them, at most ~8), with light minor grid lines at 2…9 × 10ᵏ when the axis spans at most
 * three decades. Non-positive values are left out of the drawing.
 *
 * <p><b>Linear fallback.</b> Data that span less than one decade are drawn on a linear axis
 * instead: there a log scale is nearly straight and could show at most one power of ten.
 */
final class LogAxes {

    private static final Color GUIDE = new Color(0xEEEEEE);

    /** How one axis is drawn: as a log axis (else linear), and whether it gets minor grid lines. */
    record Axis(boolean log, boolean minorGrid) {
    }

    private static final Axis LINEAR = new Axis(false, false);

    private LogAxes() {
    }

    /**
     * Sets up the x (or y) axis of {@code chart} for drawing {@code d}: a log axis the author asked
     * for becomes a linear axis over log₁₀ of the data (the series' data replaced for the drawing),
     * or, spanning less than a decade, a plain linear axis.
     */
    static Axis draw(HouseChart chart, boolean xAxis, Drawing d) {
        XYStyler s = chart.getStyler();
        boolean wanted = xAxis ? s.isXAxisLogarithmic() : s.isYAxisLogarithmic();
        if (!wanted) {
            return LINEAR;
        }
        double[] positive = positiveRange(chart, xAxis);
        Double min = xAxis ? s.getXAxisMin() : s.getYAxisMin();
        Double max = xAxis ? s.getXAxisMax() : s.getYAxisMax();
        double decades = Math.log10(HouseRules.orElse(max, positive[1]) / HouseRules.orElse(min, positive[0]));
        if (decades < 1) {
            if (xAxis) {
                s.setXAxisLogarithmic(false);
            } else {
                s.setYAxisLogarithmic(false);
            }
            return LINEAR;
        }
        for (XYSeries series : chart.getSeriesMap().values()) {
            if (HouseChart.roleOf(chart, series) != HouseChart.Role.GUIDE) {
                toLog(series, xAxis, d);
            }
        }
        double[] range = HouseRules.range(chart, xAxis);
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
            s.setxAxisTickLabelsFormattingFunction(TickLabels::powerOfTen);
            s.setXAxisTickMarkSpacingHint(Math.max(Plots.THEME.getXAxisTickMarkSpacingHint(), hint));
        } else {
            s.setYAxisLogarithmic(false);
            s.setYAxisMin(min != null ? Math.log10(min) : null);
            s.setYAxisMax(max != null ? Math.log10(max) : null);
            s.setyAxisTickLabelsFormattingFunction(TickLabels::powerOfTen);
            s.setYAxisTickMarkSpacingHint(Math.max(Plots.THEME.getYAxisTickMarkSpacingHint(), hint));
        }
        return new Axis(true, span <= 3);
    }

    /** The series' points with a positive (or NaN) coordinate on the axis, that coordinate as log₁₀. */
    private static void toLog(XYSeries series, boolean xAxis, Drawing d) {
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
        d.replace(series, nx, ny);
    }

    /** {min, max} of the positive finite x (or y) values of the series that are not guides. */
    private static double[] positiveRange(HouseChart chart, boolean xAxis) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (XYSeries series : chart.getSeriesMap().values()) {
            if (HouseChart.roleOf(chart, series) == HouseChart.Role.GUIDE) {
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

    /** Light lines at log₁₀(m·10ᵏ), m = 2…9, across the plot, for drawing {@code d} only. */
    static void minorGrid(HouseChart chart, boolean xAxis, Drawing d) {
        XYStyler s = chart.getStyler();
        double[] own = HouseRules.range(chart, xAxis);
        double lo = xAxis ? HouseRules.orElse(s.getXAxisMin(), own[0]) : HouseRules.orElse(s.getYAxisMin(), own[0]);
        double hi = xAxis ? HouseRules.orElse(s.getXAxisMax(), own[1]) : HouseRules.orElse(s.getYAxisMax(), own[1]);
        double[] other = HouseRules.range(chart, !xAxis);
        if (xAxis) {
            other = new double[] {HouseRules.orElse(s.getYAxisMin(), other[0]), HouseRules.orElse(s.getYAxisMax(), other[1])};
        } else {
            other = new double[] {HouseRules.orElse(s.getXAxisMin(), other[0]), HouseRules.orElse(s.getXAxisMax(), other[1])};
        }
        if (!(other[1] >= other[0])) {
            return;
        }
        // fix the other axis at its range, so the lines may run past it to the plot's frame (XChart
        // insets the data by its plot-content margin and clips what lies outside the plot)
        if (xAxis) {
            s.setXAxisMin(lo).setXAxisMax(hi).setYAxisMin(other[0]).setYAxisMax(other[1]);
        } else {
            s.setYAxisMin(lo).setYAxisMax(hi).setXAxisMin(other[0]).setXAxisMax(other[1]);
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
        // a NaN in y breaks a line: horizontal lines need it in y as well
        XYSeries lines = xAxis ? Plots.guide(chart, "minor grid x", u, w, GUIDE)
                : Plots.guide(chart, "minor grid y", w, u.clone(), GUIDE);
        d.added(lines);
    }
}
