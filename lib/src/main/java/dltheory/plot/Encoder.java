package dltheory.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import javax.imageio.ImageIO;

import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes a picture (one chart, or small multiples) as SVG or PNG: the one place where the
 * collection's charts become files or display data. The SVG keeps the charts' text as text
 * ({@link TextKeepingGraphics}) and is compacted ({@link SvgCompaction}); the PNG is drawn at 2×
 * scale, so it stays sharp on high-density screens.
 */
final class Encoder {

    private Encoder() {
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
