package dltheory.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

import org.knowm.xchart.style.markers.Marker;

import dltheory.check.Arguments;

/**
 * A marker for a few key points drawn over many others (Figure 2.6's w_drop over a cloud of 400
 * runs, Figure 3.1's minimum θ*): {@code scale} times the chart's marker size, with a white halo
 * around it so that it stays visible on top of dots and lines of any colour. The marker is drawn in
 * the series' colour, as XChart's own markers are, in the plot and in the legend.
 */
public final class KeyMarker extends Marker {

    /** The shapes a key point can take. */
    public enum Shape { CIRCLE, SQUARE, DIAMOND, CROSS, PLUS }

    private final Shape shape;
    private final double scale;
    private final boolean hollow;
    private final boolean halo;

    private KeyMarker(Shape shape, double scale, boolean hollow, boolean halo) {
        Arguments.notNull(shape, "shape", "one of " + java.util.Arrays.toString(Shape.values()));
        Arguments.inOpenClosed(scale, 0, 10, "scale");
        this.shape = shape;
        this.scale = scale;
        this.hollow = hollow;
        this.halo = halo;
    }

    /** A filled key marker {@code scale} times the chart's marker size, with a white halo. */
    public static KeyMarker of(Shape shape, double scale) {
        return new KeyMarker(shape, scale, false, true);
    }

    /** An outlined (not filled) key marker, for a point that must not hide what lies beneath it. */
    public static KeyMarker hollow(Shape shape, double scale) {
        return new KeyMarker(shape, scale, true, true);
    }

    /**
     * A plain filled circle {@code scale} times the chart's marker size, without a halo: for the
     * many points of a cloud or a path, sized independently of the chart's key markers.
     */
    public static KeyMarker dot(double scale) {
        return new KeyMarker(Shape.CIRCLE, scale, false, false);
    }

    /** The size factor. */
    public double scale() {
        return scale;
    }

    @Override
    public void paint(Graphics2D g, double x, double y, int markerSize) {
        double r = scale * markerSize / 2.0;
        java.awt.Shape outline = outline(x, y, r);
        Paint colour = g.getPaint();
        Stroke before = g.getStroke();
        boolean lines = shape == Shape.CROSS || shape == Shape.PLUS;
        float width = (float) Math.max(2.0, r / 2.5);
        if (halo) {
            // the halo: the same outline, wider, in white
            g.setPaint(Color.WHITE);
            g.setStroke(new BasicStroke(width + 3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(outline);
            if (!lines && !hollow) {
                g.fill(outline);
            }
        }
        g.setPaint(colour);
        if (lines || hollow) {
            g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(outline);
        } else {
            g.fill(outline);
        }
        g.setStroke(before);
    }

    private java.awt.Shape outline(double x, double y, double r) {
        switch (shape) {
            case CIRCLE:
                return new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
            case SQUARE:
                double h = r * 0.9;
                return new Rectangle2D.Double(x - h, y - h, 2 * h, 2 * h);
            case DIAMOND: {
                Path2D.Double p = new Path2D.Double();
                p.moveTo(x, y - 1.2 * r);
                p.lineTo(x + 1.2 * r, y);
                p.lineTo(x, y + 1.2 * r);
                p.lineTo(x - 1.2 * r, y);
                p.closePath();
                return p;
            }
            case CROSS: {
                Path2D.Double p = new Path2D.Double();
                p.moveTo(x - r, y - r);
                p.lineTo(x + r, y + r);
                p.moveTo(x - r, y + r);
                p.lineTo(x + r, y - r);
                return p;
            }
            default: {
                Path2D.Double p = new Path2D.Double();
                p.moveTo(x - r, y);
                p.lineTo(x + r, y);
                p.moveTo(x, y - r);
                p.lineTo(x, y + r);
                return p;
            }
        }
    }
}
