package dltheory.birnn;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dltheory.check.Arguments;

/**
 * The unrolled computational graph of notebook 06's bidirectional net (Q6.1, the figure the
 * reference text is missing): one node per value, one edge per direct dependence, each edge
 * labelled with the weight it multiplies by. Nodes carry a position for
 * {@link ComputationalGraphDrawing}: column t, row by kind.
 *
 * @param steps T
 * @param nodes in creation order (inputs, initial states, states, outputs, losses)
 * @param edges from → to, in creation order
 */
public record ComputationalGraph(int steps, List<Node> nodes, List<Edge> edges) {

    /** What a node holds. */
    public enum Kind {
        INPUT("input xₜ"), INITIAL("initial state"), FORWARD("forward state hₜ⁽ᶠ⁾"),
        BACKWARD("backward state hₜ⁽ᵇ⁾"), OUTPUT("output yₜ"), LOSS_TERM("loss term Lₜ"), LOSS("loss L = Σ Lₜ");

        private final String legend;

        Kind(String legend) {
            this.legend = legend;
        }

        /** The legend text of this kind. */
        public String legend() {
            return legend;
        }
    }

    /**
     * A value of the graph, drawn as base_{sub}^{sup} at (x, y).
     *
     * @param id   a short unique name: x1, hf0, hf1, hb1, hb4, y1, L1, L
     * @param t    its step (0 and T + 1 for the initial states, 0 for L)
     */
    public record Node(String id, Kind kind, int t, String base, String sub, String sup, double x, double y) {
    }

    /**
     * A direct dependence: {@code to} is computed from {@code from}; the label is the weight
     * (W, U or V with superscript (f) or (b)), empty for the loss edges.
     */
    public record Edge(String from, String to, String label, String labelSup) {
    }

    /** Copies the lists; checks that every edge joins two nodes of the graph. */
    public ComputationalGraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        Set<String> ids = new HashSet<>();
        for (Node n : nodes) {
            Arguments.that(ids.add(n.id()), "nodes", "have unique ids", n.id() + " twice");
        }
        for (Edge e : edges) {
            Arguments.that(ids.contains(e.from()) && ids.contains(e.to()), "edges", "join nodes of the graph",
                    "edge " + e.from() + " → " + e.to());
        }
    }

    /**
     * The graph of the bidirectional net unrolled over {@code steps} = T steps:
     * x_t → h_t⁽ᶠ⁾ (W⁽ᶠ⁾), h_{t−1}⁽ᶠ⁾ → h_t⁽ᶠ⁾ (U⁽ᶠ⁾), x_t → h_t⁽ᵇ⁾ (W⁽ᵇ⁾), h_{t+1}⁽ᵇ⁾ → h_t⁽ᵇ⁾ (U⁽ᵇ⁾),
     * h_t⁽ᶠ⁾ → y_t (V⁽ᶠ⁾), h_t⁽ᵇ⁾ → y_t (V⁽ᵇ⁾), y_t → L_t, L_t → L.
     *
     * @param steps T, 1 … 8 (a drawing, not a computation)
     */
    public static ComputationalGraph bidirectional(int steps) {
        Arguments.inRange(steps, 1, 8, "steps");
        // Rows from the bottom: forward chain (0), inputs (1), backward chain (2), outputs (3), loss
        // terms (4), loss (5). With the inputs between the two chains no W edge crosses a chain. The
        // graph with its loss node cannot be drawn without crossings for T ≥ 3 (hf₂, hb₂, L and y₁,
        // y₂, y₃ span a subdivided K₃,₃); here the only ones left are V⁽ᶠ⁾ crossing U⁽ᵇ⁾, T − 1 of them.
        final double shift = 0.25;
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (int t = 1; t <= steps; t++) {
            nodes.add(new Node("x" + t, Kind.INPUT, t, "x", "" + t, "", t + shift, ROW_INPUT));
        }
        nodes.add(new Node("hf0", Kind.INITIAL, 0, "h", "0", "(f)", 0 - shift, ROW_FORWARD));
        nodes.add(new Node("hb" + (steps + 1), Kind.INITIAL, steps + 1, "h", "" + (steps + 1), "(b)",
                steps + 1 + shift, ROW_BACKWARD));
        for (int t = 1; t <= steps; t++) {
            nodes.add(new Node("hf" + t, Kind.FORWARD, t, "h", "" + t, "(f)", t - shift, ROW_FORWARD));
        }
        for (int t = 1; t <= steps; t++) {
            nodes.add(new Node("hb" + t, Kind.BACKWARD, t, "h", "" + t, "(b)", t + shift, ROW_BACKWARD));
        }
        for (int t = 1; t <= steps; t++) {
            nodes.add(new Node("y" + t, Kind.OUTPUT, t, "y", "" + t, "", t, 3));
        }
        for (int t = 1; t <= steps; t++) {
            nodes.add(new Node("L" + t, Kind.LOSS_TERM, t, "L", "" + t, "", t, 4));
        }
        nodes.add(new Node("L", Kind.LOSS, 0, "L", "", "", (steps + 1) / 2.0, 5));
        for (int t = 1; t <= steps; t++) {
            edges.add(new Edge("hf" + (t - 1), "hf" + t, "U", "(f)"));
            edges.add(new Edge("x" + t, "hf" + t, "W", "(f)"));
        }
        for (int t = steps; t >= 1; t--) {
            edges.add(new Edge("hb" + (t + 1), "hb" + t, "U", "(b)"));
            edges.add(new Edge("x" + t, "hb" + t, "W", "(b)"));
        }
        for (int t = 1; t <= steps; t++) {
            edges.add(new Edge("hf" + t, "y" + t, "V", "(f)"));
            edges.add(new Edge("hb" + t, "y" + t, "V", "(b)"));
            edges.add(new Edge("y" + t, "L" + t, "", ""));
            edges.add(new Edge("L" + t, "L", "", ""));
        }
        return new ComputationalGraph(steps, nodes, edges);
    }

    /** The node named {@code id}. */
    Node node(String id) {
        for (Node n : nodes) {
            if (n.id().equals(id)) {
                return n;
            }
        }
        throw Arguments.invalid("id", "name a node of the graph", id);
    }

    /** The nodes {@code id} is computed from directly. */
    List<String> parents(String id) {
        node(id);
        return edges.stream().filter(e -> e.to().equals(id)).map(Edge::from).toList();
    }

    /** Whether a directed path leads from {@code from} to {@code to} (to depends on from). */
    public boolean reaches(String from, String to) {
        node(from);
        node(to);
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String n = todo.pop();
            if (n.equals(to)) {
                return true;
            }
            if (seen.add(n)) {
                for (Edge e : edges) {
                    if (e.from().equals(n)) {
                        todo.push(e.to());
                    }
                }
            }
        }
        return false;
    }

    /** The drawing's row of the forward chain, the inputs and the backward chain (outputs: 3, losses: 4, 5). */
    static final double ROW_FORWARD = 0;
    static final double ROW_INPUT = 1;
    static final double ROW_BACKWARD = 2;

    /** The key of {@link #edgeCounts()} for the edges that carry no weight (y_t → L_t → L). */
    public static final String LOSS_EDGES = "no weight (loss)";

    /**
     * How many edges carry each weight matrix, in order of first appearance; the unlabelled loss
     * edges are counted under {@link #LOSS_EDGES}.
     */
    Map<String, Integer> edgeCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Edge e : edges) {
            String key = e.label().isEmpty() ? LOSS_EDGES : weightName(e);
            counts.merge(key, 1, Integer::sum);
        }
        return counts;
    }

    /** One row of {@link #edgeTable()}: an edge label and its number of edges. */
    public record EdgeCount(String label, int edges) {
    }

    /** {@link #edgeCounts()} as a table. */
    public tech.tablesaw.api.Table edgeTable() {
        java.util.List<EdgeCount> rows = new java.util.ArrayList<>();
        edgeCounts().forEach((k, v) -> rows.add(new EdgeCount(k, v)));
        return dltheory.table.Tables.of("Edges of the unrolled graph, by the weight they carry", rows,
                "weight", "edges");
    }

    /** The weight an edge carries as the notebook writes it, e.g. U⁽ᶠ⁾; empty for a loss edge. */
    static String weightName(Edge e) {
        return e.label() + e.labelSup().replace("(f)", "⁽ᶠ⁾").replace("(b)", "⁽ᵇ⁾");
    }

    /**
     * The pairs of edges that cross in the drawing, counted by the weights they carry, e.g.
     * {"U⁽ᵇ⁾ × V⁽ᶠ⁾" = 2}: two edges that share no node cross when the straight segments between
     * their nodes' positions intersect ({@link ComputationalGraphDrawing} draws them so, and an affine
     * map of the plane keeps intersections). The names of a pair are in alphabetical order.
     */
    public Map<String, Integer> crossings() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        for (int i = 0; i < edges.size(); i++) {
            for (int j = i + 1; j < edges.size(); j++) {
                Edge e = edges.get(i);
                Edge f = edges.get(j);
                if (Set.of(e.from(), e.to()).stream().anyMatch(v -> v.equals(f.from()) || v.equals(f.to()))) {
                    continue;
                }
                Node a = node(e.from());
                Node b = node(e.to());
                Node c = node(f.from());
                Node d = node(f.to());
                if (java.awt.geom.Line2D.linesIntersect(a.x(), a.y(), b.x(), b.y(), c.x(), c.y(), d.x(), d.y())) {
                    String p = e.label().isEmpty() ? "loss" : weightName(e);
                    String q = f.label().isEmpty() ? "loss" : weightName(f);
                    out.merge(p.compareTo(q) <= 0 ? p + " × " + q : q + " × " + p, 1, Integer::sum);
                }
            }
        }
        return out;
    }
}
