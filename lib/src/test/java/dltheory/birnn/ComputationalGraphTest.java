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

import dltheory.plot.Encoder;
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
            for (String label : List.of("W⁽ᶠ⁾", "U⁽ᶠ⁾", "W⁽ᵇ⁾", "U⁽ᵇ⁾", "V⁽ᶠ⁾", "V⁽ᵇ⁾")) {
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
        String svg = Encoder.svg(chart);
        // every labelled edge and every node writes its base symbol as text
        long texts = svg.split("<text", -1).length - 1;
        assertTrue(texts >= g.nodes().size() + 6 * 3, "text elements: " + texts);
        assertTrue(Encoder.png(chart).length > 1000);
        assertEquals(List.of(), dltheory.plot.ChartLint.problems(chart));
    }

    @Test
    void noWeightEdgeCrossesAChainAndOnlyVfCrossesUbOncePerLaterStep() {
        for (int steps = 1; steps <= 8; steps++) {
            ComputationalGraph g = ComputationalGraph.bidirectional(steps);
            Map<String, Integer> expected = steps == 1 ? Map.of() : Map.of("U⁽ᵇ⁾ × V⁽ᶠ⁾", steps - 1);
            assertEquals(expected, g.crossings(), "T = " + steps);
        }
    }

    @Test
    void crossingsCountsAnXAndNotParallelOrTouchingEdges() {
        ComputationalGraph g = ComputationalGraph.bidirectional(1);
        var a = new ComputationalGraph.Node("a", ComputationalGraph.Kind.INPUT, 1, "a", "", "", 0, 0);
        var b = new ComputationalGraph.Node("b", ComputationalGraph.Kind.INPUT, 1, "b", "", "", 1, 1);
        var c = new ComputationalGraph.Node("c", ComputationalGraph.Kind.INPUT, 1, "c", "", "", 0, 1);
        var d = new ComputationalGraph.Node("d", ComputationalGraph.Kind.INPUT, 1, "d", "", "", 1, 0);
        var e = new ComputationalGraph.Node("e", ComputationalGraph.Kind.INPUT, 1, "e", "", "", 2, 0);
        List<ComputationalGraph.Node> nodes = List.of(a, b, c, d, e);
        var x = new ComputationalGraph(1, nodes, List.of(new ComputationalGraph.Edge("a", "b", "U", "(f)"),
                new ComputationalGraph.Edge("c", "d", "W", "(b)")));
        assertEquals(Map.of("U⁽ᶠ⁾ × W⁽ᵇ⁾", 1), x.crossings());
        var parallel = new ComputationalGraph(1, nodes, List.of(new ComputationalGraph.Edge("a", "d", "U", "(f)"),
                new ComputationalGraph.Edge("c", "b", "W", "(b)")));
        assertEquals(Map.of(), parallel.crossings());
        var sharing = new ComputationalGraph(1, nodes, List.of(new ComputationalGraph.Edge("a", "b", "U", "(f)"),
                new ComputationalGraph.Edge("b", "e", "", "")));
        assertEquals(Map.of(), sharing.crossings());
        assertTrue(g.crossings().isEmpty());
    }

    @Test
    void theGraphContainsASubdividedK33SoSomeCrossingIsNeeded() {
        // y₁, y₂, y₃ against hf2, hb2, L by nine paths that share no inner node (edges read undirected)
        ComputationalGraph g = ComputationalGraph.bidirectional(3);
        List<List<String>> paths = List.of(
                List.of("y1", "hf1", "hf2"), List.of("y1", "hb1", "hb2"), List.of("y1", "L1", "L"),
                List.of("y2", "hf2"), List.of("y2", "hb2"), List.of("y2", "L2", "L"),
                List.of("y3", "hf3", "hf2"), List.of("y3", "hb3", "hb2"), List.of("y3", "L3", "L"));
        java.util.Set<String> inner = new java.util.HashSet<>();
        for (List<String> path : paths) {
            for (int i = 0; i + 1 < path.size(); i++) {
                String u = path.get(i);
                String v = path.get(i + 1);
                assertTrue(g.edges().stream().anyMatch(ed -> ed.from().equals(u) && ed.to().equals(v)
                        || ed.from().equals(v) && ed.to().equals(u)), u + " – " + v);
            }
            for (String n : path.subList(1, path.size() - 1)) {
                assertTrue(inner.add(n), "inner node used twice: " + n);
            }
        }
    }

    @Test
    void theLossAndTheLossTermsDifferInLightness() {
        // WCAG contrast ratio of the two pinks; the old pair (#EFCDE1, #E3A8C9) had 1.3
        double a = luminance(ComputationalGraphDrawing.fill(ComputationalGraph.Kind.LOSS_TERM));
        double b = luminance(ComputationalGraphDrawing.fill(ComputationalGraph.Kind.LOSS));
        double ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        assertTrue(ratio >= 2, "contrast ratio " + ratio);
        assertTrue(luminance(new java.awt.Color(0xEFCDE1)) / luminance(new java.awt.Color(0xE3A8C9)) < 1.5);
    }

    private static double luminance(java.awt.Color c) {
        double[] rgb = {c.getRed() / 255.0, c.getGreen() / 255.0, c.getBlue() / 255.0};
        for (int i = 0; i < 3; i++) {
            rgb[i] = rgb[i] <= 0.03928 ? rgb[i] / 12.92 : Math.pow((rgb[i] + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
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
