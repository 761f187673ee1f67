package dltheory.plot;

import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.util.List;

import org.knowm.xchart.XYChart;

import dltheory.check.Arguments;

/**
 * Small multiples: several charts of one figure side by side or stacked, each with its own
 * axes, instead of one crowded axis. The display extension shows them as one picture.
 *
 * @param panels  the charts, in reading order; all of the same size
 * @param columns how many panels per row, ≥ 1
 */
public record Panels(List<XYChart> panels, int columns) {

    public Panels {
        Arguments.nonEmpty(panels, "panels");
        Arguments.atLeast(columns, 1, "columns");
        panels = List.copyOf(panels);
    }

    /** Rows of panels. */
    public int rows() {
        return (panels.size() + columns - 1) / columns;
    }

    /** Width of the whole picture in pixels. */
    public int width() {
        return Math.min(columns, panels.size()) * panels.get(0).getWidth();
    }

    /** Height of the whole picture in pixels. */
    public int height() {
        return rows() * panels.get(0).getHeight();
    }

    /** Draws every panel in the house style in its grid cell. */
    public void paint(Graphics2D g) {
        int w = panels.get(0).getWidth();
        int h = panels.get(0).getHeight();
        for (int i = 0; i < panels.size(); i++) {
            XYChart panel = panels.get(i);
            AffineTransform saved = g.getTransform();
            Shape clip = g.getClip();
            g.translate((i % columns) * w, (i / columns) * h);
            g.clipRect(0, 0, w, h);
            Drawing.draw(panel, g, w, h);
            g.setTransform(saved);
            g.setClip(clip);
        }
    }
}
