package dltheory.birnn;

import dltheory.rnn.Activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import dltheory.plot.Plots;
import dltheory.random.Seeded;

class ComputationalGraphTest {

    private static final long SEED = 60606L;

    @Test
    void countsOfNodesAndEdgesFollowFromTheEquations() {
        for (int T = 1; T <= 8; T++) {
            ComputationalGraph g = ComputationalGraph.bidirectional(T);
            assertEquals(5 * T + 3, g.nodes().size(), "x, h(f), h(b), y, L_t per step + two initial states + L");
            assertEquals(8 * T, g.edges().size());
            Map<String, Integer> counts = g.edgeCounts();
            for (String label : List.of("W(f)", "U(f)", "W(b)", "U(b)", "V(f)", "V(b)")) {
                assertEquals(T, counts.get(label), label);
            }
            assertEquals(2 * T, counts.get(ComputationalGraph.LOSS_EDGES));
            assertEquals(7, g.edgeTable().rowCount());
            for (int t = 1; t <= T; t++) {
                assertEquals(List.of("hf" + (t - 1), "x" + t), g.parents("hf" + t));
                assertEquals(List.of("hb" + (t + 1), "x" + t), g.parents("hb" + t));
                assertEquals(List.of("hf" + t, "hb" + t), g.parents("y" + t));
            }
        }
    }

    /** The graph's paths are exactly the dependences of the computation: x_s moves h_t iff a path joins them. */
    @Test
    void pathsAreExactlyTheDependencesOfTheForwardPass() {
        int T = 5;
        ComputationalGraph g = ComputationalGraph.bidirectional(T);
        BidirectionalRnn net = BidirectionalRnn.random(2, 3, 2, 1.0, Activation.SIGMOID, Seeded.rng(SEED, "net"));
        DMatrixRMaj x = Seeded.normal(2, T, 0, 1, Seeded.rng(SEED, "x"));
        BidirectionalPass base = net.forward(x);
        for (int s = 1; s <= T; s++) {
            DMatrixRMaj moved = x.copy();
            moved.add(0, s - 1, 0.3);
            BidirectionalPass p = net.forward(moved);
            for (int t = 1; t <= T; t++) {
                assertEquals(g.reaches("x" + s, "hf" + t), changed(base.hForward(t), p.hForward(t)), "hf" + t + " x" + s);
                assertEquals(g.reaches("x" + s, "hb" + t), changed(base.hBackward(t), p.hBackward(t)), "hb" + t + " x" + s);
                assertEquals(g.reaches("x" + s, "y" + t), changed(base.y(t), p.y(t)), "y" + t + " x" + s);
                assertEquals(s <= t, g.reaches("x" + s, "hf" + t));
                assertEquals(s >= t, g.reaches("x" + s, "hb" + t));
            }
            assertTrue(g.reaches("x" + s, "L"));
        }
    }

    @Test
    void drawingPlacesOneMarkerPerNodeAndRenders() {
        ComputationalGraph g = ComputationalGraph.bidirectional(3);
        XYChart chart = ComputationalGraphDrawing.chart(g, "graph");
        int points = 0;
        for (XYSeries s : chart.getSeriesMap().values()) {
            double[] xs = s.getXData();
            double[] ys = s.getYData();
            for (int i = 0; i < xs.length; i++) {
                final double px = xs[i];
                final double py = ys[i];
                assertTrue(g.nodes().stream().anyMatch(n -> n.x() == px && n.y() == py), "marker at a node");
            }
            points += xs.length;
        }
        assertEquals(g.nodes().size(), points);
        assertEquals(ComputationalGraph.Kind.values().length, chart.getSeriesMap().size());
        String svg = Plots.svg(chart);
        // every labelled edge and every node writes its base symbol as text
        long texts = svg.split("<text", -1).length - 1;
        assertTrue(texts >= g.nodes().size() + 6 * 3, "text elements: " + texts);
        assertTrue(Plots.png(chart).length > 1000);
    }

    @Test
    void badArgumentsAreNamed() {
        BidirectionalAssertions.rejects("steps", () -> ComputationalGraph.bidirectional(0));
        BidirectionalAssertions.rejects("steps", () -> ComputationalGraph.bidirectional(9));
        ComputationalGraph g = ComputationalGraph.bidirectional(2);
        BidirectionalAssertions.rejects("id", () -> g.node("z"));
        BidirectionalAssertions.rejects("id", () -> g.reaches("x1", "z"));
        BidirectionalAssertions.rejects("graph", () -> ComputationalGraphDrawing.chart(null, "t"));
        BidirectionalAssertions.rejects("title", () -> ComputationalGraphDrawing.chart(g, " "));
        BidirectionalAssertions.rejects("edge", () -> new ComputationalGraph(1, g.nodes(),
                List.of(new ComputationalGraph.Edge("x1", "nowhere", "W", ""))));
    }

    private static boolean changed(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return true;
            }
        }
        return false;
    }
}
