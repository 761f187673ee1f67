package dltheory.init;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;

import dltheory.check.Arguments;
import dltheory.check.Check;
import dltheory.linalg.Vectors;
import dltheory.random.Seeded;
import dltheory.table.Tables;
import tech.tablesaw.api.Table;

/**
 * Why initialization matters, notebook 01: a deep ReLU {@link Mlp} trained by full-batch
 * gradient descent on a small regression task, once per scheme. With He's 2/d the signal and the
 * gradients reach every layer at unit size and the loss falls; with 1/d the signal halves at each
 * ReLU layer (steps 3–4: ρ = 1/2), the output starts near 0 and the gradients of the lower layers
 * are ρ^{L/2} times too small to move them; with N(0, 1) the output is of order (d/2)^{L/2}, and
 * the first step is so large that it switches off every unit of some layer for good.
 *
 * @param scheme the initialization's name
 * @param loss   the loss before step t, t = 0…T (truncated after the first non-finite value)
 * @param steps  T, the steps asked for
 */
public record Training(String scheme, double[] loss, int steps) {

    /** A regression task: inputs X (d × n) i.i.d. N(0, 1), targets y_b = sin(2uᵀx_b), u ~ N(0, I/d). */
    public record Task(DMatrixRMaj X, double[] y) {
    }

    /** One row of {@link #table}. */
    public record Row(String scheme, double initial, double last, double ratio, int finiteSteps) {
    }

    /** Draws a {@link Task} with d inputs and n examples. */
    public static Task task(int d, int n, Random rng) {
        Arguments.atLeast(d, 1, "d");
        Arguments.atLeast(n, 2, "n");
        DMatrixRMaj X = Seeded.normal(d, n, 0, 1, rng);
        double[] u = Seeded.normal(d, 0, 1 / Math.sqrt(d), rng);
        double[] y = new double[n];
        for (int b = 0; b < n; b++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += u[j] * X.get(j, b);
            }
            y[b] = Math.sin(2 * s);
        }
        return new Task(X, y);
    }

    /** The widths d, width × depth hidden layers, 1. */
    static int[] dims(int inputs, int depth, int width) {
        Arguments.atLeast(depth, 1, "depth");
        int[] dims = new int[depth + 2];
        Arrays.fill(dims, width);
        dims[0] = inputs;
        dims[depth + 1] = 1;
        return dims;
    }

    /**
     * Trains a net of {@code depth} hidden ReLU layers of {@code width} units, drawn from
     * {@code init}, for {@code steps} steps of size {@code eta}; stops early when the loss is no
     * longer finite.
     */
    public static Training run(Init init, Task task, int depth, int width, int steps, double eta, Random rng) {
        Arguments.atLeast(steps, 1, "steps");
        Mlp net = Mlp.random(dims(task.X().numRows, depth, width), init, rng);
        return new Training(init.name(), descend(net, task, steps, eta), steps);
    }

    /**
     * {@link #run} with the gradient's norm clipped at {@code maxNorm} ({@link Mlp#clippedStep}):
     * the notebook's training. With plain steps of 0.05 a He-initialized net of 20 layers of 24
     * units diverged for about 12 % of the draws (issue #31): the scale of its output at the start
     * varies by a large factor from draw to draw (steps 2–3), and so does its gradient.
     */
    public static Training runClipped(Init init, Task task, int depth, int width, int steps, double eta,
                                      double maxNorm, Random rng) {
        Arguments.atLeast(steps, 1, "steps");
        Mlp net = Mlp.random(dims(task.X().numRows, depth, width), init, rng);
        double[] loss = new double[steps + 1];
        for (int t = 0; t < steps; t++) {
            loss[t] = net.clippedStep(task.X(), task.y(), eta, maxNorm);
            if (!Double.isFinite(loss[t])) {
                return new Training(init.name(), Arrays.copyOf(loss, t + 1), steps);
            }
        }
        loss[steps] = net.loss(task.X(), task.y());
        return new Training(init.name(), loss, steps);
    }

    /** Losses before each of {@code steps} gradient steps and after the last; stops at a non-finite loss. */
    static double[] descend(Mlp net, Task task, int steps, double eta) {
        double[] loss = new double[steps + 1];
        for (int t = 0; t < steps; t++) {
            loss[t] = net.step(task.X(), task.y(), eta);
            if (!Double.isFinite(loss[t])) {
                return Arrays.copyOf(loss, t + 1);
            }
        }
        loss[steps] = net.loss(task.X(), task.y());
        return Double.isFinite(loss[steps]) ? loss : Arrays.copyOf(loss, steps + 1);
    }

    /** Whether every recorded loss is finite and all T steps were taken. */
    public boolean finite() {
        return loss.length == steps + 1 && Double.isFinite(loss[steps]);
    }

    /** The loss before the first step. */
    double initial() {
        return loss[0];
    }

    /** The last recorded loss. */
    public double last() {
        return loss[loss.length - 1];
    }

    /** One row per run: initial and last loss, their ratio, and how many steps stayed finite. */
    public static Table table(List<Training> runs, Task task) {
        List<Row> rows = new ArrayList<>();
        for (Training r : runs) {
            int lastFinite = r.loss().length - 1;
            while (lastFinite > 0 && !Double.isFinite(r.loss()[lastFinite])) {
                lastFinite--;
            }
            double last = r.loss()[lastFinite];
            rows.add(new Row(r.scheme(), r.initial(), last, last / r.initial(), lastFinite));
        }
        return Tables.of("Training a deep ReLU net by gradient descent (L₀ = "
                        + dltheory.text.SignificantFormat.format(zeroLoss(task), 4) + ")", rows,
                "Var[w]", "L(0)", "last finite L(t)", "ratio to L(0)", "at step t");
    }

    /** L₀ = (1/2n) Σ_b y_b², the loss of the net that outputs 0 for every input. */
    static double zeroLoss(Task task) {
        double s = 0;
        for (double v : task.y()) {
            s += v * v;
        }
        return s / (2 * task.y().length);
    }

    /**
     * The check cell for the three schemes, trained by {@link #runClipped} (claim
     * 01.training-only-he-learns): He's run ends below {@code factor} times its initial loss; the
     * 1/d run keeps more than {@code keep} of its initial loss; the naive run stays finite and never
     * gets below {@code keep} times L₀, the loss of the net that outputs 0. No bound on the loss of a
     * deep ReLU net after the clipped steps is known (their length alone allows reaching L₀, see
     * TrainingTest), so the thresholds are measured: over 1,000 seeds (TrainingMargins) every seed
     * passes and each line keeps more than 5 standard deviations of its statistic's spread. The
     * naive line's threshold is relative to L₀ rather than to the naive start's size because for about
     * one draw in a thousand a clipped step switches off every unit of some layer: the net then
     * outputs 0 for every input, its gradient vanishes, and its loss stays at L₀ for good.
     */
    public static void checkClaims(Training he, Training lecun, Training naive, Task task, double factor,
                                   double keep) {
        double zero = zeroLoss(task);
        Check.atMost(he.last() / he.initial(), factor, he.scheme() + ": L(T)/L(0)");
        Check.atLeast(lecun.last() / lecun.initial(), keep, lecun.scheme() + ": L(T)/L(0)");
        double lowest = Vectors.min(naive.loss());
        String shown = dltheory.text.SignificantFormat.format(keep, 3);
        Check.that(naive.finite() && lowest / zero >= keep, naive.scheme() + ": L(t)/L₀ ≥ " + shown
                + " at every step t ≤ " + naive.steps(), naive.finite() ? "lowest L(t)/L₀ = "
                + dltheory.text.SignificantFormat.format(lowest / zero, 3) : "the loss is not finite after "
                + (naive.loss().length - 1) + " steps");
    }

    /**
     * Symmetry breaking: trains a net whose weights are all equal and the same net drawn from
     * {@code init}, and reports how many distinct units each hidden layer has afterwards.
     *
     * @param scheme      the start's name
     * @param unitsLayer1 distinct units (rows of W⁽¹⁾) after training
     * @param unitsLayer2 distinct units (rows of W⁽²⁾) after training
     * @param width       the units per hidden layer
     * @param lossAfter   the loss after training
     */
    public record Symmetry(String scheme, int unitsLayer1, int unitsLayer2, int width, double lossAfter) {

        /** Constant start {@code value} and a draw from {@code init}, each trained {@code steps} steps. */
        public static List<Symmetry> compare(Task task, int width, double value, Init init, int steps, double eta,
                                             Random rng) {
            int[] dims = dims(task.X().numRows, 2, width);
            List<Symmetry> rows = new ArrayList<>();
            for (Mlp net : List.of(Mlp.constant(dims, value), Mlp.random(dims, init, rng))) {
                descend(net, task, steps, eta);
                rows.add(new Symmetry(rows.isEmpty() ? "all weights " + value : init.name(), net.distinctUnits(1),
                        net.distinctUnits(2), width, net.loss(task.X(), task.y())));
            }
            return rows;
        }

        /** The rows as a table. */
        public static Table table(List<Symmetry> rows, int steps) {
            return Tables.of("Distinct hidden units after " + steps + " steps of gradient descent", rows,
                    "start", "units, layer 1", "units, layer 2", "width", "L(T)");
        }

        /**
         * The check cell: from the constant start each hidden layer still has one distinct unit,
         * from the random start every unit differs, and the random start ends at a lower loss
         * (the claim's own boundary, ratio 1: the old threshold ½ was only 2.8 standard deviations
         * of log₁₀ L_random/L_constant from the draws, a false alarm of about 3e-3; see TrainingTest).
         */
        public static void checkClaims(List<Symmetry> rows) {
            Symmetry constant = rows.get(0);
            Symmetry random = rows.get(1);
            Check.close(constant.unitsLayer1(), 1, 0.5, constant.scheme() + ": distinct units in layer 1");
            Check.close(constant.unitsLayer2(), 1, 0.5, constant.scheme() + ": distinct units in layer 2");
            Check.close(random.unitsLayer1(), random.width(), 0.5, random.scheme() + ": distinct units in layer 1");
            Check.atMost(random.lossAfter(), constant.lossAfter(),
                    random.scheme() + ": L(T), against the constant start's");
        }
    }
}
