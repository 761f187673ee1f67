package dltheory.plot;

import java.awt.Shape;
import java.awt.geom.GeneralPath;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.internal.series.Series;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;

/**
 * Checks a chart as it is drawn: every text (title, axis titles, tick labels, legend entries)
 * inside the picture and at least {@value #GAP} px from every other text, at most
 * {@value #MAX_TICKS} tick labels per axis, and chart text in Unicode rather than TeX
 * ({@code δ^T}, {@code w_drop}, {@code \\lambda}) without a question number in the title.
 *
 * <p>The boxes come from drawing the chart into a {@link java.awt.Graphics2D} that records where XChart
 * fills the outline of a text: XChart 3.8.8 draws every text as the outline of a
 * {@link java.awt.font.TextLayout} (a {@link GeneralPath}), from the chart part that owns it.
 */
public final class ChartLint {

    /** Smallest gap between two texts, in pixels. */
    public static final double GAP = 4;
    /** Most tick labels on one axis. */
    public static final int MAX_TICKS = 10;

    private static final Pattern TEX = Pattern.compile("\\\\[a-zA-Z]+|[_^][{(\\p{L}\\p{N}]|\\$");
    private static final Pattern QUESTION = Pattern.compile("^Q\\d+(\\.\\d+)*\\s*:");

    private ChartLint() {
    }

    /** What a text is: the chart part that drew it. */
    public enum Part { TITLE, AXIS_TITLE, X_TICK, Y_TICK, LEGEND, OTHER }

    /** One text of the drawn chart and its box in pixels. */
    public record Text(Part part, Rectangle2D box) {
    }

    /** The texts of {@code chart} as drawn at its size, in drawing order. */
    public static List<Text> texts(Chart<?, ?> chart) {
        return texts(chart, chart.getWidth(), chart.getHeight());
    }

    /** The texts of {@code chart} as drawn at {@code width}×{@code height}, in drawing order. */
    public static List<Text> texts(Chart<?, ?> chart, int width, int height) {
        Recorder g = new Recorder();
        Drawing.draw(chart, g, width, height);
        g.dispose();
        return g.texts;
    }

    /** Tick labels drawn on the x (or y) axis. */
    static int ticks(Chart<?, ?> chart, boolean xAxis) {
        Part want = xAxis ? Part.X_TICK : Part.Y_TICK;
        return (int) texts(chart).stream().filter(t -> t.part() == want).count();
    }

    /** Every defect found, one sentence each; empty when the chart passes. */
    public static List<String> problems(Chart<?, ?> chart) {
        return problems(chart, chart.getWidth(), chart.getHeight());
    }

    /** Every defect found in {@code chart} drawn at {@code width}×{@code height}; empty when it passes. */
    public static List<String> problems(Chart<?, ?> chart, int width, int height) {
        List<String> out = new ArrayList<>();
        List<Text> texts = texts(chart, width, height);
        Rectangle2D picture = new Rectangle2D.Double(0, 0, width, height);
        for (Text t : texts) {
            if (!picture.contains(t.box())) {
                out.add(t.part() + " text at " + describe(t.box()) + " leaves the " + width + "×" + height + " picture");
            }
        }
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                double gap = gap(texts.get(i).box(), texts.get(j).box());
                if (gap < GAP) {
                    out.add(texts.get(i).part() + " text at " + describe(texts.get(i).box()) + " and "
                            + texts.get(j).part() + " text at " + describe(texts.get(j).box())
                            + (gap < 0 ? " overlap" : " are " + Math.round(gap) + " px apart (< " + (int) GAP + ")"));
                }
            }
        }
        for (Part axis : new Part[] {Part.X_TICK, Part.Y_TICK}) {
            long n = texts.stream().filter(t -> t.part() == axis).count();
            if (n > MAX_TICKS) {
                out.add(n + " " + axis + " labels (at most " + MAX_TICKS + ")");
            }
        }
        for (String s : strings(chart)) {
            if (TEX.matcher(s).find()) {
                out.add("TeX-like text \"" + s + "\": use Unicode sub- and superscripts");
            }
        }
        if (chart.getTitle() != null && QUESTION.matcher(chart.getTitle()).find()) {
            out.add("title starts with a question number: \"" + chart.getTitle() + "\"");
        }
        return out;
    }

    /** The defects of every panel, each prefixed with its panel number (from 1). */
    public static List<String> problems(Panels panels) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < panels.panels().size(); i++) {
            for (String p : problems(panels.panels().get(i))) {
                out.add("panel " + (i + 1) + ": " + p);
            }
        }
        return out;
    }

    /** The title, axis titles and legend names of {@code chart}. */
    static List<String> strings(Chart<?, ?> chart) {
        List<String> s = new ArrayList<>();
        s.add(chart.getTitle());
        s.add(chart.getXAxisTitle());
        s.add(chart.getYAxisTitle());
        for (Object series : chart.getSeriesMap().values()) {
            Series one = (Series) series;
            if (one.isShowInLegend()) {
                s.add(one.getName());
            }
        }
        s.removeIf(t -> t == null || t.isEmpty());
        return s;
    }

    /** Distance between two boxes (negative when they overlap). */
    static double gap(Rectangle2D a, Rectangle2D b) {
        double dx = Math.max(a.getMinX() - b.getMaxX(), b.getMinX() - a.getMaxX());
        double dy = Math.max(a.getMinY() - b.getMaxY(), b.getMinY() - a.getMaxY());
        if (dx < 0 && dy < 0) {
            return Math.max(dx, dy);
        }
        return Math.max(dx, dy);
    }

    private static String describe(Rectangle2D r) {
        return "(" + Math.round(r.getX()) + ", " + Math.round(r.getY()) + ", " + Math.round(r.getWidth()) + "×"
                + Math.round(r.getHeight()) + ")";
    }

    /** A vector graphics context that also records the box of every text outline it fills. */
    private static final class Recorder extends VectorGraphics2D {
        final List<Text> texts = new ArrayList<>();

        @Override
        public void fill(Shape shape) {
            if (shape instanceof GeneralPath) {
                Part part = caller();
                if (part != null) {
                    Rectangle2D box = getTransform().createTransformedShape(shape).getBounds2D();
                    if (!box.isEmpty()) {
                        texts.add(new Text(part, box));
                    }
                }
            }
            super.fill(shape);
        }

        /** The chart part filling a text outline, from the call stack; null for other fills. */
        private static Part caller() {
            Optional<Part> part = StackWalker.getInstance().walk(frames -> frames
                    .filter(f -> f.getClassName().startsWith("org.knowm.xchart.internal.chartpart."))
                    .findFirst()
                    .map(f -> {
                        String cls = f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1);
                        if (cls.equals("ChartTitle")) {
                            return Part.TITLE;
                        }
                        if (cls.equals("AxisTitle")) {
                            return Part.AXIS_TITLE;
                        }
                        if (cls.equals("AxisTickLabels")) {
                            // AxisTickLabels.paint draws the y labels first in its source (3.8.8)
                            return f.getLineNumber() < 150 ? Part.Y_TICK : Part.X_TICK;
                        }
                        if (cls.startsWith("Legend")) {
                            return Part.LEGEND;
                        }
                        return Part.OTHER;
                    }));
            return part.orElse(null);
        }
    }
}
