package dltheory.birnn;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;

import org.knowm.xchart.style.markers.Marker;

/**
 * An open marker, a circle or a square outline {@value #SCALE} times the series' marker size, for
 * a series with a single point that sits where another series has a filled marker (notebook 06,
 * charts (a) and (b)): the outline surrounds the filled marker instead of covering it.
 */
final class RingMarker extends Marker {

    /** The outline's size over the marker size: its hole is wider than a filled marker. */
    static final double SCALE = 2.2;

    /** The outline's width in pixels. */
    static final float WIDTH = 2.2f;

    private final boolean square;

    RingMarker(boolean square) {
        this.square = square;
    }

    /** The inner half-width of the outline for a marker size, ≥ the half-diagonal of a filled square. */
    static double innerHalfWidth(int markerSize) {
        return SCALE * markerSize / 2 - WIDTH / 2;
    }

    @Override
    public void paint(Graphics2D g, double x, double y, int markerSize) {
        double half = SCALE * markerSize / 2;
        Shape outline = square
                ? new Rectangle2D.Double(x - half, y - half, 2 * half, 2 * half)
                : new Ellipse2D.Double(x - half, y - half, 2 * half, 2 * half);
        g.setStroke(new BasicStroke(WIDTH));
        g.draw(outline);
    }
}
