package dltheory.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.knowm.xchart.style.theme.AbstractBaseTheme;

/**
 * The collection's XChart theme: white plot with a light grid and one frame, fonts readable at
 * the site's column width (720 px), ticks at least 110 px apart on x and 60 px on y (at most 10 per
 * axis), the legend in a row under the plot, and a palette that stays distinct under
 * colour-vision deficiency with a marker shape and a dash pattern as a second cue.
 *
 * <p>The palette is Okabe and Ito's (2008) without the neighbours that look alike (orange next
 * to vermillion, sky blue next to blue, reddish purple next to bluish green for deuteranopes):
 * blue, vermillion, bluish green, black. {@code ThemeTest} checks its colour distances under
 * simulated deuteranopia and protanopia.
 */
public final class HouseTheme extends AbstractBaseTheme {

    /** Blue, vermillion, bluish green, black (Okabe–Ito). */
    public static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0x000000)
    };

    /** Second cue for points and short lines: one marker shape per look. */
    public static final Marker[] MARKERS = {
        SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP,
        SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS
    };

    /** Second cue for long lines: one dash pattern per look (the first solid). */
    public static final BasicStroke[] LINES = {
        stroke(2f), stroke(2f, 9f, 4f), stroke(2f, 9f, 3f, 2f, 3f), stroke(2f, 2f, 3f),
        stroke(2f, 14f, 4f), stroke(2f, 5f, 3f, 5f, 8f)
    };

    /** The font of tick labels and the legend. */
    static final Font SMALL = new Font(Fonts.SANS, Font.PLAIN, 12);

    private static BasicStroke stroke(float width, float... dash) {
        if (dash.length == 0) {
            return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        }
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    @Override
    public Font getBaseFont() {
        return SMALL;
    }

    @Override
    public Color[] getSeriesColors() {
        return PALETTE.clone();
    }

    @Override
    public Marker[] getSeriesMarkers() {
        return MARKERS.clone();
    }

    @Override
    public BasicStroke[] getSeriesLines() {
        return LINES.clone();
    }

    @Override
    public int getChartPadding() {
        return 12;
    }

    @Override
    public Font getChartTitleFont() {
        return new Font(Fonts.SANS, Font.BOLD, 15);
    }

    @Override
    public boolean isChartTitleBoxVisible() {
        return false;
    }

    @Override
    public int getChartTitlePadding() {
        return 10;
    }

    @Override
    public Font getLegendFont() {
        return SMALL;
    }

    @Override
    public Color getLegendBorderColor() {
        return Color.WHITE;
    }

    @Override
    public int getLegendPadding() {
        return 8;
    }

    @Override
    public int getLegendSeriesLineLength() {
        return 30;
    }

    @Override
    public LegendPosition getLegendPosition() {
        return LegendPosition.OutsideS;
    }

    @Override
    public Font getAxisTitleFont() {
        return new Font(Fonts.SANS, Font.PLAIN, 13);
    }

    @Override
    public Font getAxisTickLabelsFont() {
        return SMALL;
    }

    @Override
    public int getAxisTickPadding() {
        return 6;
    }

    @Override
    public int getAxisTitlePadding() {
        return 8;
    }

    @Override
    public Color getAxisTickMarksColor() {
        return new Color(0x888888);
    }

    /** The tick line along each axis would double the plot's frame at the bottom left. */
    @Override
    public boolean isAxisTicksLineVisible() {
        return false;
    }

    @Override
    public int getXAxisTickMarkSpacingHint() {
        return 110;
    }

    @Override
    public int getYAxisTickMarkSpacingHint() {
        return 60;
    }

    @Override
    public Color getPlotBorderColor() {
        return new Color(0x888888);
    }

    @Override
    public Color getPlotGridLinesColor() {
        return new Color(0xE3E3E3);
    }

    @Override
    public BasicStroke getPlotGridLinesStroke() {
        return new BasicStroke(1f);
    }

    @Override
    public int getPlotMargin() {
        return 0;
    }

    @Override
    public int getMarkerSize() {
        return 7;
    }
}
