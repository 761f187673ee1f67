package dltheory.birnn;

import dltheory.check.Arguments;
import dltheory.rnn.Activation;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * Notebook 06, erratum 3 (the text's eqs. 29–32): the Jacobian of h = σ(a), σ the sigmoid acting
 * entry by entry, measured by central differences and compared with two readings of the text's
 * {@code σ(a) ⊙ (I − σ(a))}.
 */
public final class SigmoidJacobian {

    /** Central-difference step for σ (its third derivative is bounded, so 10⁻⁵ is accurate). */
    public static final double STEP = 1e-5;

    private SigmoidJacobian() {
    }

    /** The two readings of the text's formula. */
    public enum Form {
        /** diag(h ⊙ (1 − h)): the all-ones vector 1 in place of I (what the text means). */
        ONES_VECTOR,
        /** h ⊙ (I − h) read literally, with h broadcast along rows: entry (i, j) = h_i(δ_ij − h_j). */
        IDENTITY_MATRIX
    }

    /** The H×H Jacobian ∂h/∂a of h = σ(a) in the given form. */
    static DMatrixRMaj jacobian(Form form, double[] a) {
        requirePoint(a);
        double[] h = Activation.SIGMOID.apply(a);
        DMatrixRMaj j = new DMatrixRMaj(a.length, a.length);
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < a.length; k++) {
                double identity = i == k ? 1 : 0;
                if (form == Form.ONES_VECTOR) {
                    j.set(i, k, identity * h[i] * (1 - h[i]));
                } else {
                    j.set(i, k, h[i] * (identity - h[k]));
                }
            }
        }
        return j;
    }

    /** ∂h/∂a by central differences: column k is (σ(a + εe_k) − σ(a − εe_k))/2ε. */
    public static DMatrixRMaj measured(double[] a) {
        requirePoint(a);
        DMatrixRMaj j = new DMatrixRMaj(a.length, a.length);
        for (int k = 0; k < a.length; k++) {
            double[] up = a.clone();
            double[] down = a.clone();
            up[k] += STEP;
            down[k] -= STEP;
            double[] hUp = Activation.SIGMOID.apply(up);
            double[] hDown = Activation.SIGMOID.apply(down);
            for (int i = 0; i < a.length; i++) {
                j.set(i, k, (hUp[i] - hDown[i]) / (2 * STEP));
            }
        }
        return j;
    }

    /** ‖J_form − J_measured‖_F / ‖J_measured‖_F at a. */
    public static double error(Form form, double[] a) {
        DMatrixRMaj m = measured(a);
        DMatrixRMaj diff = new DMatrixRMaj(m.numRows, m.numCols);
        CommonOps_DDRM.subtract(jacobian(form, a), m, diff);
        return NormOps_DDRM.normF(diff) / NormOps_DDRM.normF(m);
    }

    /**
     * max over the points of |σ′(x) − (σ(x + ε) − σ(x − ε))/2ε| / |σ′(x)|, with σ′ the library's
     * {@link Activation#derivative(double)}.
     */
    public static double derivativeError(double[] xs) {
        requirePoint(xs);
        double worst = 0;
        for (double x : xs) {
            double fd = (Activation.SIGMOID.value(x + STEP) - Activation.SIGMOID.value(x - STEP)) / (2 * STEP);
            double d = Activation.SIGMOID.derivative(x);
            worst = Math.max(worst, Math.abs(d - fd) / Math.abs(d));
        }
        return worst;
    }

    private static void requirePoint(double[] a) {
        Arguments.nonEmpty(a, "a");
        for (int i = 0; i < a.length; i++) {
            Arguments.inClosed(a[i], -30, 30, "a[" + i + "]");
        }
    }
}
