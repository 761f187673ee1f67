package dltheory.birnn;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;

import dltheory.check.Arguments;

/**
 * The loss of notebook 06: squared error to targets ŷ_t on a chosen set S of steps,
 * L = Σ_{t∈S} L_t with L_t = ½‖y_t − ŷ_t‖², so ∂L_t/∂y_t = y_t − ŷ_t.
 * S = {1 … T} is "an output at every step"; S = {T} or {1} puts the loss at one end.
 *
 * @param targets K×T, column t − 1 is ŷ_t (copied)
 * @param steps   steps[t − 1] is true when t ∈ S (copied)
 */
public record BidirectionalLoss(DMatrixRMaj targets, boolean[] steps) {

    /** Checks that there is one flag per target column and at least one step. */
    public BidirectionalLoss {
        Arguments.nonEmpty(targets, "targets");
        Arguments.that(steps != null && steps.length == targets.numCols, "steps",
                "have one flag per target column (T = " + targets.numCols + ")", steps == null ? null : steps.length);
        targets = targets.copy();
        steps = steps.clone();
    }

    /** A loss term at every step t = 1 … T. */
    public static BidirectionalLoss everyStep(DMatrixRMaj targets) {
        return at(targets, range(targets));
    }

    /** A loss term at t = T only. */
    public static BidirectionalLoss lastStep(DMatrixRMaj targets) {
        return at(targets, targets == null ? 1 : targets.numCols);
    }

    /** A loss term at t = 1 only. */
    public static BidirectionalLoss firstStep(DMatrixRMaj targets) {
        return at(targets, 1);
    }

    /** Loss terms at the listed steps (1-based). */
    public static BidirectionalLoss at(DMatrixRMaj targets, int... ts) {
        Arguments.matrix(targets, "targets");
        boolean[] s = new boolean[targets.numCols];
        for (int t : ts) {
            s[Arguments.inRange(t, 1, targets.numCols, "steps") - 1] = true;
        }
        return new BidirectionalLoss(targets, s);
    }

    /** T. */
    public int length() {
        return steps.length;
    }

    /** Whether step t (1-based) carries a loss term. */
    public boolean has(int t) {
        return steps[t - 1];
    }

    /** L = Σ_{t∈S} ½‖y_t − ŷ_t‖² for a pass of the same length. */
    public double value(BidirectionalPass pass) {
        requireLength(pass);
        double sum = 0;
        for (int t = 1; t <= length(); t++) {
            if (steps[t - 1]) {
                double[] e = residual(pass, t);
                for (double v : e) {
                    sum += 0.5 * v * v;
                }
            }
        }
        return sum;
    }

    /** ∂L/∂y_t: y_t − ŷ_t when t ∈ S, else 0. */
    double[] outputGradient(BidirectionalPass pass, int t) {
        return steps[t - 1] ? residual(pass, t) : new double[targets.numRows];
    }

    void requireLength(BidirectionalPass pass) {
        Arguments.shape(targets, pass.yRef(1).length, pass.steps(), "targets");
    }

    private double[] residual(BidirectionalPass pass, int t) {
        double[] y = pass.yRef(t);
        double[] e = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            e[i] = y[i] - targets.get(i, t - 1);
        }
        return e;
    }

    private static int[] range(DMatrixRMaj targets) {
        Arguments.matrix(targets, "targets");
        int[] ts = new int[targets.numCols];
        Arrays.setAll(ts, i -> i + 1);
        return ts;
    }
}
