package dltheory.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.imageio.ImageIO;

import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import dltheory.check.Arguments;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.internal.series.Series;

/**
 * Writes a picture (one chart, or small multiples) as SVG or PNG, and names a chart in one line:
 * the one place where the collection's charts become files or display data, as XChart's
 * {@code VectorGraphicsEncoder} and {@code BitmapEncoder} are for its charts. The SVG keeps the
 * charts' text as text ({@link TextKeepingGraphics}) and is compacted ({@link SvgCompaction}); the
 * PNG is drawn at 2× scale, so it stays sharp on high-density screens. Each drawing follows the
 * house rules ({@link Plots}).
 */
public final class Encoder {

    private Encoder() {
    }

    /** The chart as an SVG element (text kept as text), to inline in HTML. */
    public static String svg(Chart<?, ?> chart) {
        return svg(List.of(chart), chart.getWidth(), chart.getHeight(),
                g -> Drawing.draw(chart, g, chart.getWidth(), chart.getHeight()));
    }

    /** The chart as PNG bytes drawn at 2× scale, so it stays sharp on high-density screens. */
    public static byte[] png(Chart<?, ?> chart) {
        return png(chart, chart.getWidth(), chart.getHeight());
    }

    /**
     * The chart drawn at {@code width}×{@code height} as an SVG element, its text at the sizes of the
     * theme: smaller than its own size, the same text takes a larger share of the picture. A house
     * chart keeps its own size; XChart's other charts take that one, as their {@code paint} does.
     */
    public static String svg(Chart<?, ?> chart, int width, int height) {
        Arguments.inRange(width, 1, 100_000, "width");
        Arguments.inRange(height, 1, 100_000, "height");
        return svg(List.of(chart), width, height, g -> Drawing.draw(chart, g, width, height));
    }

    /** The chart drawn at {@code width}×{@code height} as PNG bytes at 2× scale (see {@link #svg(Chart, int, int)}). */
    public static byte[] png(Chart<?, ?> chart, int width, int height) {
        Arguments.inRange(width, 1, 100_000, "width");
        Arguments.inRange(height, 1, 100_000, "height");
        return png(width, height, g -> Drawing.draw(chart, g, width, height));
    }

    /** The small multiples as one SVG element (see {@link #svg(Chart)}). */
    public static String svg(Panels panels) {
        return svg(panels.panels(), panels.width(), panels.height(), panels::paint);
    }

    /** The small multiples as PNG bytes at 2× scale. */
    public static byte[] png(Panels panels) {
        return png(panels.width(), panels.height(), panels::paint);
    }

    /** Writes the chart as {@code base.svg} and {@code base.png}; returns the SVG path. */
    static Path save(Chart<?, ?> chart, Path base) {
        try {
            Path svg = base.resolveSibling(base.getFileName() + ".svg");
            Files.writeString(svg, svg(chart));
            Files.write(base.resolveSibling(base.getFileName() + ".png"), png(chart));
            return svg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the chart's series, guides (contours, minor grid lines) left out. */
    public static List<String> seriesNames(Chart<?, ?> chart) {
        List<String> names = new ArrayList<>();
        for (Object s : chart.getSeriesMap().values()) {
            if (!(s instanceof XYSeries xy && chart instanceof XYChart c
                    && HouseChart.roleOf(c, xy) == HouseChart.Role.GUIDE)) {
                names.add(((Series) s).getName());
            }
        }
        return names;
    }

    /** One line describing the chart, used as its {@code text/plain} form. */
    public static String describe(Chart<?, ?> chart) {
        List<String> names = seriesNames(chart);
        return "Chart \"" + chart.getTitle() + "\" (" + names.size() + " series: " + String.join(", ", names) + ")";
    }

    /**
     * The SVG element of what {@code painter} draws on a {@code width}×{@code height} page, without
     * XML declaration or DOCTYPE, so that it can be inlined in HTML (nbconvert refuses an SVG
     * output that carries an encoding declaration).
     *
     * @param charts the charts drawn, whose strings are written as text
     */
    static String svg(List<? extends Chart<?, ?>> charts, int width, int height, Consumer<Graphics2D> painter) {
        TextKeepingGraphics g = new TextKeepingGraphics(charts);
        painter.accept(g);
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

    /** PNG bytes of what {@code painter} draws on a white {@code width}×{@code height} page, at 2× scale. */
    static byte[] png(int width, int height, Consumer<Graphics2D> painter) {
        BufferedImage image = new BufferedImage(2 * width, 2 * height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.scale(2, 2);
            painter.accept(g);
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
}
