package dltheory.plot;

import java.awt.Font;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Axis;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.internal.series.Series;
import org.knowm.xchart.style.Styler;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;

/**
 * A vector graphics context that keeps XChart's text as text. XChart draws every label as the
 * filled outline of its glyphs ({@code TextLayout.getOutline}), so an SVG of the charts held each
 * letter as a path: 660 KB for one figure of small multiples, and text that could not be selected
 * or searched. Here a filled outline that is exactly the outline of one of the chart's strings (its
 * title, axis titles, legend entries and tick labels, in one of its styler's fonts) is drawn with
 * {@code drawString} instead, which the SVG processor writes as a {@code <text>} element at the
 * same place. Any other shape, and a label drawn in a way not recognised (e.g. rotated by the
 * outline itself), is filled as before, so nothing is lost.
 */
final class TextKeepingGraphics extends VectorGraphics2D {

    private final List<? extends Chart<?, ?>> charts;
    /** Outline signature → the text and font whose outline it is, and the outline's first point. */
    private final Map<String, Label> outlines = new HashMap<>();
    private final Set<String> measured = new HashSet<>();
    private int kept;

    /** A string in a font, turned by {@code angle} (0, or −π/2 for a y-axis title), and its outline's first point. */
    private record Label(String text, Font font, double angle, double x0, double y0) {
    }

    /** XChart turns a y-axis title's outline by a quarter turn (AxisTitle, 3.8.8). */
    private static final double[] ANGLES = {0, -Math.PI / 2};

    TextKeepingGraphics(List<? extends Chart<?, ?>> charts) {
        this.charts = List.copyOf(charts);
    }

    /** How many outlines were written as text so far. */
    int keptAsText() {
        return kept;
    }

    @Override
    public void fill(Shape shape) {
        if (shape instanceof Path2D path) {
            double[] first = new double[2];
            String signature = signature(path, first);
            Label label = outlines.get(signature);
            if (label == null && learnNewStrings()) {
                label = outlines.get(signature);
            }
            if (label != null) {
                Font saved = getFont();
                AffineTransform transform = getTransform();
                setFont(label.font());
                translate(first[0] - label.x0(), first[1] - label.y0());
                if (label.angle() != 0) {
                    rotate(label.angle());
                }
                drawString(label.text(), 0f, 0f);
                setTransform(transform);
                setFont(saved);
                kept++;
                return;
            }
        }
        super.fill(shape);
    }

    /**
     * Measures the outlines of strings not seen before, each in the font XChart draws it with (the
     * y-axis titles also turned a quarter); true if there were any.
     */
    private boolean learnNewStrings() {
        boolean learned = false;
        for (Chart<?, ?> chart : charts) {
            Styler styler = chart.getStyler();
            learned |= learn(chart.getTitle(), styler.getChartTitleFont(), false);
            for (Object s : chart.getSeriesMap().values()) {
                learned |= learn(((Series) s).getName(), styler.getLegendFont(), false);
            }
            if (styler instanceof org.knowm.xchart.style.AxesChartStyler axes) {
                learned |= learn(chart.getXAxisTitle(), axes.getAxisTitleFont(), false);
                learned |= learn(chart.getYAxisTitle(), axes.getAxisTitleFont(), true);
                if (chart instanceof XYChart) {
                    for (Axis<?, ?> axis : axes(chart)) {
                        if (axis != null && axis.getAxisTickCalculator() != null) {
                            for (String label : axis.getAxisTickCalculator().getTickLabels()) {
                                learned |= learn(label, axes.getAxisTickLabelsFont(), false);
                            }
                        }
                    }
                }
            }
        }
        return learned;
    }

    /** Records the outline of {@code text} in {@code font} (and turned, if asked); false if known. */
    private boolean learn(String text, Font font, boolean turned) {
        if (text == null || text.isBlank() || font == null || !measured.add(font + "\u0000" + text)) {
            return false;
        }
        TextLayout layout = new TextLayout(text, font, getFontRenderContext());
        for (double angle : turned ? ANGLES : new double[] {0}) {
            Shape outline = layout.getOutline(AffineTransform.getRotateInstance(angle));
            double[] first = new double[2];
            outlines.putIfAbsent(signature(outline, first), new Label(text, font, angle, first[0], first[1]));
        }
        return true;
    }

    /** The chart's axes, read from XChart's internals (3.8.8: Chart.axisPair, AxisPair.xAxis/yAxisMap). */
    private static List<Axis<?, ?>> axes(Chart<?, ?> chart) {
        List<Axis<?, ?>> axes = new ArrayList<>();
        try {
            Field pairField = Chart.class.getDeclaredField("axisPair");
            pairField.setAccessible(true);
            Object pair = pairField.get(chart);
            if (pair == null) {
                return axes;
            }
            Field x = pair.getClass().getDeclaredField("xAxis");
            Field map = pair.getClass().getDeclaredField("yAxisMap");
            x.setAccessible(true);
            map.setAccessible(true);
            axes.add((Axis<?, ?>) x.get(pair));
            for (Object y : ((Map<?, ?>) map.get(pair)).values()) {
                axes.add((Axis<?, ?>) y);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // another XChart version: the tick labels stay outlines
        }
        return axes;
    }

    /** The path's segments relative to its first point (which is stored in {@code first}). */
    private static String signature(Shape shape, double[] first) {
        StringBuilder out = new StringBuilder();
        double[] c = new double[6];
        boolean start = true;
        for (PathIterator it = shape.getPathIterator(new AffineTransform()); !it.isDone(); it.next()) {
            int type = it.currentSegment(c);
            if (start && type != PathIterator.SEG_CLOSE) {
                first[0] = c[0];
                first[1] = c[1];
                start = false;
            }
            out.append(type);
            int points = switch (type) {
                case PathIterator.SEG_MOVETO, PathIterator.SEG_LINETO -> 1;
                case PathIterator.SEG_QUADTO -> 2;
                case PathIterator.SEG_CUBICTO -> 3;
                default -> 0;
            };
            for (int i = 0; i < points; i++) {
                out.append(' ').append(Math.round((c[2 * i] - first[0]) * 1000))
                        .append(',').append(Math.round((c[2 * i + 1] - first[1]) * 1000));
            }
            out.append(';');
        }
        return out.toString();
    }
}
