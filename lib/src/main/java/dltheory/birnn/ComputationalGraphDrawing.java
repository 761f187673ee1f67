package dltheory.birnn;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Annotation;
import org.knowm.xchart.style.XYStyler;

import dltheory.check.Arguments;
import dltheory.plot.Fonts;
import org.knowm.xchart.style.markers.SeriesMarkers;

import dltheory.plot.Plots;
import dltheory.birnn.ComputationalGraph.Edge;
import dltheory.birnn.ComputationalGraph.Kind;
import dltheory.birnn.ComputationalGraph.Node;

/**
 * Draws a {@link ComputationalGraph} (notebook 06, Q6.1) as an XChart chart, so that the display
 * extension shows it as SVG and PNG like every other figure: one scatter series per node kind
 * (their positions set the plot range and the legend), and a Java2D annotation painted on top that
 * draws each edge as an arrow with its weight label and each node as a disc with its symbol.
 * The SVG goes through XChart's VectorGraphics2D encoder; the PNG through a BufferedImage.
 */
final class ComputationalGraphDrawing {

    /** Size in pixels. */
    public static final int WIDTH = 820;
    public static final int HEIGHT = 600;

    private static final double RADIUS = 21;
    private static final FontRenderContext MEASURE = new FontRenderContext(null, true, true);
    private static final String SERIF = Fonts.SERIF;
    private static final Font NODE = new Font(SERIF, Font.ITALIC, 17);
    private static final Font EDGE = new Font(SERIF, Font.ITALIC, 15);
    private static final Font SMALL = new Font(SERIF, Font.PLAIN, 10);

    private ComputationalGraphDrawing() {
    }

    /** The drawing of {@code graph} with {@code title}. */
    static XYChart chart(ComputationalGraph graph, String title) {
        Arguments.notNull(graph, "graph", "a ComputationalGraph");
        Arguments.nonBlank(title, "title");
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).build();
        XYStyler s = chart.getStyler();
        Plots.applyHouseStyle(s);
        s.setAxisTicksVisible(false);
        s.setAxisTitlesVisible(false);
        s.setPlotGridLinesVisible(false);
        s.setPlotBorderVisible(false);
        s.setPlotTicksMarksVisible(false);
        // no legend: every node is labelled with its symbol, and the graph needs the whole width
        // (T + 2 columns) and height (six rows) of the chart
        s.setLegendVisible(false);
        s.setMarkerSize(12);
        s.setXAxisMin(-0.55);
        s.setXAxisMax(graph.steps() + 1.55);
        s.setYAxisMin(-0.45);
        s.setYAxisMax(5.45);
        for (Kind kind : Kind.values()) {
            List<Node> ns = graph.nodes().stream().filter(n -> n.kind() == kind).toList();
            if (ns.isEmpty()) {
                continue;
            }
            double[] x = ns.stream().mapToDouble(Node::x).toArray();
            double[] y = ns.stream().mapToDouble(Node::y).toArray();
            XYSeries series = Plots.scatter(chart, kind.legend(), x, y);
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setMarkerColor(fill(kind));
        }
        chart.addAnnotation(new GraphAnnotation(graph));
        return chart;
    }

    /** The fill colour of a node of {@code kind} (the legend's marker colour). */
    static Color fill(Kind kind) {
        return switch (kind) {
            case INPUT -> new Color(0xDDDDDD);
            case INITIAL -> new Color(0xFFF1B8);
            case FORWARD -> new Color(0xB9D7EC);
            case BACKWARD -> new Color(0xF5C9A8);
            case OUTPUT -> new Color(0xBFE6D6);
            case LOSS_TERM -> new Color(0xF4DCEA);   // pale pink: the T loss terms
            case LOSS -> new Color(0xCC79A7);        // the palette's full reddish purple: the one total
        };
    }

    /** The colour of an edge labelled {@code label}{@code sup}. */
    static Color edgeColor(Edge e) {
        boolean f = e.labelSup().equals("(f)");
        return switch (e.label()) {
            case "U" -> f ? new Color(0x0072B2) : new Color(0xD55E00);
            case "W" -> new Color(0x666666);
            case "V" -> new Color(0x009E73);
            default -> Color.BLACK;
        };
    }

    /** Paints edges (arrows with labels) and nodes (discs with symbols) in data coordinates. */
    private static final class GraphAnnotation extends Annotation {

        private final ComputationalGraph graph;

        GraphAnnotation(ComputationalGraph graph) {
            super(false);
            this.graph = graph;
        }

        @Override
        public void paint(Graphics2D g) {
            if (!isVisible) {
                return;
            }
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            for (Edge e : graph.edges()) {
                paintEdge(g, e);
            }
            for (Edge e : graph.edges()) {
                if (!e.label().isEmpty()) {
                    paintEdgeLabel(g, e);
                }
            }
            for (Node n : graph.nodes()) {
                paintNode(g, n);
            }
        }

        private double sx(Node n) {
            return getXAxisScreenValue(n.x());
        }

        private double sy(Node n) {
            return getYAxisScreenValue(n.y());
        }

        private void paintEdge(Graphics2D g, Edge e) {
            Node a = graph.node(e.from());
            Node b = graph.node(e.to());
            double x0 = sx(a);
            double y0 = sy(a);
            double x1 = sx(b);
            double y1 = sy(b);
            double len = Math.hypot(x1 - x0, y1 - y0);
            double ux = (x1 - x0) / len;
            double uy = (y1 - y0) / len;
            double startX = x0 + ux * RADIUS;
            double startY = y0 + uy * RADIUS;
            double tipX = x1 - ux * (RADIUS + 1);
            double tipY = y1 - uy * (RADIUS + 1);
            double head = 9;
            g.setColor(edgeColor(e));
            g.setStroke(new BasicStroke(e.label().equals("U") ? 2.2f : 1.5f));
            g.draw(new Line2D.Double(startX, startY, tipX - ux * head * 0.8, tipY - uy * head * 0.8));
            Path2D arrow = new Path2D.Double();
            arrow.moveTo(tipX, tipY);
            arrow.lineTo(tipX - ux * head - uy * head * 0.45, tipY - uy * head + ux * head * 0.45);
            arrow.lineTo(tipX - ux * head + uy * head * 0.45, tipY - uy * head - ux * head * 0.45);
            arrow.closePath();
            g.fill(arrow);
        }

        private void paintEdgeLabel(Graphics2D g, Edge e) {
            Node a = graph.node(e.from());
            Node b = graph.node(e.to());
            // where along the edge, and how far sideways, each label sits so that none overlap
            boolean f = e.labelSup().equals("(f)");
            double at = switch (e.label()) {
                case "V" -> f ? 0.55 : 0.5;
                case "U" -> f ? 0.5 : 0.62;
                default -> 0.5;
            };
            // the V⁽ᶠ⁾ label to the left of its long edge, every other W and V label to the right
            double side = e.label().equals("U") ? 0 : e.label().equals("V") && f ? -15 : 15;
            double x = sx(a) + at * (sx(b) - sx(a)) + side;
            double y = sy(a) + at * (sy(b) - sy(a));
            Font base = EDGE;
            Font small = SMALL;
            double w = width(g, base, e.label()) + width(g, small, e.labelSup());
            g.setColor(new Color(255, 255, 255, 230));
            g.fill(new Rectangle2D.Double(x - w / 2 - 2, y - 10, w + 4, 19));
            g.setColor(edgeColor(e).darker());
            drawSymbol(g, e.label(), "", e.labelSup(), x - w / 2, y + 5, base, small);
        }

        private void paintNode(Graphics2D g, Node n) {
            double x = sx(n);
            double y = sy(n);
            Ellipse2D disc = new Ellipse2D.Double(x - RADIUS, y - RADIUS, 2 * RADIUS, 2 * RADIUS);
            g.setColor(fill(n.kind()));
            g.fill(disc);
            g.setColor(new Color(0x333333));
            g.setStroke(n.kind() == Kind.INITIAL
                    ? new BasicStroke(1.3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 3f}, 0f)
                    : new BasicStroke(1.3f));
            g.draw(disc);
            Font base = NODE;
            Font small = SMALL;
            double w = width(g, base, n.base()) + Math.max(width(g, small, n.sub()), width(g, small, n.sup()));
            g.setColor(Color.BLACK);
            drawSymbol(g, n.base(), n.sub(), n.sup(), x - w / 2, y + 5, base, small);
        }

        /** Draws base with a subscript and a superscript stacked after it, baseline at y. */
        private static void drawSymbol(Graphics2D g, String text, String sub, String sup, double x, double y,
                                       Font base, Font small) {
            g.setFont(base);
            g.drawString(text, (float) x, (float) y);
            double after = x + width(g, base, text) + 0.5;
            g.setFont(small);
            if (!sub.isEmpty()) {
                g.drawString(sub, (float) after, (float) (y + 4));
            }
            if (!sup.isEmpty()) {
                g.drawString(sup, (float) after, (float) (y - 8));
            }
        }

        private static double width(Graphics2D g, Font font, String s) {
            // measured with a fixed context: the same on screen, in the PNG and in the SVG, and fast
            return s.isEmpty() ? 0 : font.getStringBounds(s, MEASURE).getWidth();
        }
    }
}
