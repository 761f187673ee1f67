package dltheory.plot;

import java.awt.Font;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.internal.series.Series;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

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
     * Measures the outlines of the chart's strings not seen before (title, legend entries, axis
     * titles), each in the font XChart draws it with (the y-axis title also turned a quarter); true
     * if there were any. Tick labels are learned as XChart formats them ({@link #keepTickLabels}).
     */
    private boolean learnNewStrings() {
        boolean learned = false;
        for (Chart<?, ?> chart : charts) {
            Styler styler = chart.getStyler();
            learned |= learn(chart.getTitle(), styler.getChartTitleFont(), false);
            for (Object s : chart.getSeriesMap().values()) {
                learned |= learn(((Series) s).getName(), styler.getLegendFont(), false);
            }
            if (styler instanceof AxesChartStyler axes) {
                learned |= learn(chart.getXAxisTitle(), axes.getAxisTitleFont(), false);
                learned |= learn(chart.getYAxisTitle(), axes.getAxisTitleFont(), true);
            }
        }
        return learned;
    }

    /**
     * Has this graphics learn the tick labels of the next drawing with {@code s} as XChart formats
     * them: each axis's formatting function is wrapped so that every label it returns is measured.
     * An axis with a decimal pattern and no function gets, for the drawing, a function that formats
     * as XChart does with that pattern (a {@code DecimalFormat} of the styler's locale), so that its
     * labels are the same. An axis left to XChart's own formats (a log axis of a plain chart) keeps
     * them, and its labels stay outlines. The caller restores the styler's functions afterwards.
     */
    void keepTickLabels(XYStyler s) {
        Font font = s.getAxisTickLabelsFont();
        s.setxAxisTickLabelsFormattingFunction(learning(s.getxAxisTickLabelsFormattingFunction(),
                s.isXAxisLogarithmic() ? null : s.getXAxisDecimalPattern(), s.getLocale(), font));
        s.setyAxisTickLabelsFormattingFunction(learning(s.getyAxisTickLabelsFormattingFunction(),
                s.isYAxisLogarithmic() ? null : s.getYAxisDecimalPattern(), s.getLocale(), font));
    }

    private Function<Double, String> learning(Function<Double, String> format, String pattern, Locale locale,
                                              Font font) {
        Function<Double, String> f = format != null ? format : pattern != null ? v -> {
            DecimalFormat decimal = (DecimalFormat) NumberFormat.getNumberInstance(locale);
            decimal.applyPattern(pattern);
            return decimal.format(v);
        } : null;
        if (f == null) {
            return null;
        }
        return v -> {
            String label = f.apply(v);
            learn(label, font, false);
            return label;
        };
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
