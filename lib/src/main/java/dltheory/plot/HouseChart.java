package dltheory.plot;

import java.awt.Graphics2D;
import java.util.IdentityHashMap;
import java.util.Map;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import dltheory.check.Arguments;

/**
 * A chart of the collection: XChart's {@link XYChart} plus what the house rules need to know about
 * it, kept on the chart as XChart keeps its own state on the chart and its styler: which series are
 * references or guides rather than data, and whether both axes show one quantity (equal aspect).
 * Made by {@link Plots#xy}.
 *
 * <p>The series hold the data as the author gave it, and the styler the axes as the author set
 * them (a log axis is {@code isXAxisLogarithmic()}). {@link #paint} draws the chart with the house
 * rules applied ({@link Drawing}): a log axis drawn as a linear axis over log₁₀ of the data, minor
 * grid lines, round ticks, equal aspect; afterwards data and axis settings are as before, so a chart
 * can be drawn any number of times and gives the same picture.
 */
public class HouseChart extends XYChart {

    /** What a series is besides data: drawn first, thin, and (guides) left out of ranges and legend. */
    enum Role { REFERENCE, GUIDE }

    private final Map<XYSeries, Role> roles = new IdentityHashMap<>();
    private boolean equalAspect;

    HouseChart(int width, int height) {
        super(width, height, Plots.THEME);
    }

    /**
     * Draws the chart in the house style at {@code width}×{@code height}: the house rules that fit
     * the legend and the log axes' labels see that size while it is drawn. The chart's data, axis
     * settings and size are left as they were.
     */
    @Override
    public void paint(Graphics2D g, int width, int height) {
        synchronized (this) {  // the lock Drawing.paint takes: no other drawing sees the size borrowed
            int ownWidth = getWidth();
            int ownHeight = getHeight();
            setWidth(width);
            setHeight(height);
            try {
                Drawing.paint(this, g, width, height);
            } finally {
                setWidth(ownWidth);
                setHeight(ownHeight);
            }
        }
    }

    /** XChart's painting of the chart as it stands, for {@link Drawing}. */
    void paintPlain(Graphics2D g, int width, int height) {
        super.paint(g, width, height);
    }

    synchronized void role(XYSeries series, Role role) {
        roles.put(series, role);
    }

    synchronized void forget(XYSeries series) {
        roles.remove(series);
    }

    /** The role of {@code series} on {@code chart}; null for data (and for every series of a plain XYChart). */
    static Role roleOf(XYChart chart, XYSeries series) {
        if (chart instanceof HouseChart house) {
            synchronized (house) {
                return house.roles.get(series);
            }
        }
        return null;
    }

    synchronized void equalAspect(boolean on) {
        equalAspect = on;
    }

    synchronized boolean isEqualAspect() {
        return equalAspect;
    }

    /** {@code chart} as a house chart, or an exception naming what the author must do. */
    static HouseChart of(XYChart chart, String what) {
        if (chart instanceof HouseChart house) {
            return house;
        }
        throw Arguments.invalid("chart", "be made by Plots.xy for " + what,
                "a " + (chart == null ? "null chart" : chart.getClass().getSimpleName()));
    }
}
