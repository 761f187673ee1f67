package dltheory.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Each data series' look: a colour of {@link HouseTheme#PALETTE} and a second cue (a marker shape
 * for points and short lines, a dash pattern for long lines). A series name keeps its look across
 * every chart drawn in the same kernel (one notebook), and two series of one chart never share one.
 * This memory of names is the one state shared between charts, on purpose.
 */
final class Looks {

    /** Lines with at most this many points get a marker on each point. */
    static final int MARKED_LINE_POINTS = 25;
    /** Distinct (colour, cue) pairs: 4 colours × 6 cues cycle together with period 12. */
    private static final int LOOK_COUNT = 12;
    /** Series name → look (colour PALETTE[l % 4], cue l % 6) in the order names were first drawn. */
    private static final Map<String, Integer> LOOKS = new LinkedHashMap<>();

    /** Set while drawing charts whose new names must not claim a look (see {@link #withoutClaims}). */
    private static final ThreadLocal<Boolean> PASSING = ThreadLocal.withInitial(() -> false);

    private Looks() {
    }

    /**
     * Runs {@code drawing} on this thread with the memory of names read but not written: a series
     * name seen before keeps its look, a new one gets a free look for that chart only. Charts a
     * reader does not run in order (an Explore slider's moves, the site's precomputed frames) thus
     * leave the colours of the notebook's later charts as Run All gives them.
     */
    static <T> T withoutClaims(java.util.function.Supplier<T> drawing) {
        boolean outer = PASSING.get();
        PASSING.set(true);
        try {
            return drawing.get();
        } finally {
            PASSING.set(outer);
        }
    }

    /** Forgets the names' looks (a new notebook; tests). */
    static void forget() {
        synchronized (LOOKS) {
            LOOKS.clear();
        }
    }

    /** Gives each data series of {@code chart} without a colour of its own a look. */
    static void assign(XYChart chart) {
        Set<Integer> used = new HashSet<>();
        List<XYSeries> open = new ArrayList<>();
        for (XYSeries s : chart.getSeriesMap().values()) {
            boolean data = HouseChart.roleOf(chart, s) == null;
            if (data && s.getLineColor() == null && s.getMarkerColor() == null) {
                open.add(s);
            } else if (data) {
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
                Integer look = LOOKS.get(s.getName());
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
                if (!PASSING.get()) {
                    LOOKS.putIfAbsent(s.getName(), look);
                }
                used.add(look);
                style(s, look);
            }
        }
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
}
