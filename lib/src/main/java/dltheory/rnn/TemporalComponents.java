package dltheory.rnn;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.knowm.xchart.XYChart;

import dltheory.check.Gradients;
import dltheory.check.Arguments;
import dltheory.linalg.Vectors;
import java.util.stream.IntStream;

/**
 * Notebook 05, "Why it matters" (Pascanu, Mikolov and Bengio 2013, §2): with a loss at every step,
 * {@code L = Σ_t L_t}, {@code L_t = ½‖h_t − y_t‖²} (the notebook's assumption), the gradient at
 * the initial state splits into temporal components,
 * {@code ∇_{h_0} L = Σ_t (∂h_t/∂h_0)ᵀ ∇_{h_t} L_t}, one per loss term; the component of L_t goes
 * through the product of t step Jacobians.
 *
 * @param components components[t − 1] = (∂h_t/∂h_0)ᵀ(h_t − y_t), t = 1 … T, each of length n
 * @param residuals  residuals[t − 1] = ‖h_t − y_t‖ = ‖∇_{h_t} L_t‖
 * @param measured   ∇_{h_0} L by central differences of L(h_0) (recomputing the run)
 */
public record TemporalComponents(double[][] components, double[] residuals, double[] measured) {

    /**
     * Runs the recurrence of eq. (5.1) from h_0 and splits ∇_{h_0} L.
     *
     * @param targets T×n, row t − 1 = y_t; not modified
     */
    public static TemporalComponents of(Recurrences.Weights w, Activation sigma, double[] h0, DMatrixRMaj X,
                                        DMatrixRMaj targets) {
        TemporalComponents split = unmeasured(w, sigma, h0, X, targets);
        double[] measured = Gradients.centralDifference(v -> loss(w, sigma, v, X, targets), h0);
        return new TemporalComponents(split.components, split.residuals, measured);
    }

    /**
     * The components alone, without the central differences of {@link #of} (for seed sweeps of
     * the share); {@code measured} is empty and {@link #relativeError} is not available.
     */
    public static TemporalComponents unmeasured(Recurrences.Weights w, Activation sigma, double[] h0,
                                                DMatrixRMaj X, DMatrixRMaj targets) {
        Arguments.shape(targets, Arguments.matrix(X, "X").numRows, Arguments.notNull(w, "w", "weights").n(),
                "targets");
        DMatrixRMaj states = Recurrences.h(w, sigma, h0, X);
        int n = w.n();
        DMatrixRMaj p = CommonOps_DDRM.identity(n);
        DMatrixRMaj next = new DMatrixRMaj(n, n);
        double[][] comps = new double[X.numRows][];
        double[] res = new double[X.numRows];
        for (int t = 1; t <= X.numRows; t++) {
            CommonOps_DDRM.mult(Jacobians.step(w.W(), sigma, Recurrences.row(states, t - 1)), p, next);
            p.setTo(next); // p = ∂h_t/∂h_0 = J_t ⋯ J_1
            DMatrixRMaj e = new DMatrixRMaj(n, 1);
            for (int i = 0; i < n; i++) {
                e.data[i] = states.get(t, i) - targets.get(t - 1, i);
            }
            DMatrixRMaj c = new DMatrixRMaj(n, 1);
            CommonOps_DDRM.multTransA(p, e, c); // (∂h_t/∂h_0)ᵀ ∇_{h_t} L_t
            comps[t - 1] = c.data;
            res[t - 1] = Math.sqrt(CommonOps_DDRM.dot(e, e));
        }
        return new TemporalComponents(comps, res, new double[0]);
    }

    /** L(h_0) = Σ_t ½‖h_t − y_t‖² along the run from h_0. */
    public static double loss(Recurrences.Weights w, Activation sigma, double[] h0, DMatrixRMaj X,
                              DMatrixRMaj targets) {
        DMatrixRMaj states = Recurrences.h(w, sigma, h0, X);
        double sum = 0;
        for (int t = 1; t < states.numRows; t++) {
            for (int i = 0; i < states.numCols; i++) {
                double d = states.get(t, i) - targets.get(t - 1, i);
                sum += 0.5 * d * d;
            }
        }
        return sum;
    }

    /** Σ_t of the components: ∇_{h_0} L by the chain rule. */
    public double[] sum() {
        double[] s = new double[measured.length];
        for (double[] c : components) {
            for (int i = 0; i < s.length; i++) {
                s[i] += c[i];
            }
        }
        return s;
    }

    /** ‖Σ_t components − measured‖ / max norm: the chain rule against central differences. */
    public double relativeError() {
        if (measured.length == 0) {
            throw new IllegalStateException("no measured gradient: built by unmeasured(), use of()");
        }
        return Gradients.relativeError(sum(), measured);
    }

    /** ‖(∂h_t/∂h_0)ᵀ(h_t − y_t)‖ for t = 1 … T. */
    public double[] norms() {
        double[] out = new double[components.length];
        for (int t = 0; t < out.length; t++) {
            double sq = 0;
            for (double v : components[t]) {
                sq += v * v;
            }
            out[t] = Math.sqrt(sq);
        }
        return out;
    }

    /** ‖(∂h_t/∂h_0)ᵀ(h_t − y_t)‖, the size of the component of L_t, for 1 ≤ t ≤ T. */
    public double normAt(int t) {
        Arguments.inRange(t, 1, components.length, "t");
        return norms()[t - 1];
    }

    /** The share of Σ_t ‖component_t‖ that comes from losses at t ≥ {@code from}. */
    public double shareFrom(int from) {
        double[] n = norms();
        double far = 0;
        double all = 0;
        for (int t = 1; t <= n.length; t++) {
            all += n[t - 1];
            if (t >= from) {
                far += n[t - 1];
            }
        }
        return far / all;
    }

    /**
     * The largest ratio ‖component_t‖ / (rate^t ‖h_t − y_t‖) over t. With rate = γ‖W‖, eq. (5.5) of
     * notebook 05 bounds ‖∂h_t/∂h_0‖ by rate^t, so the ratio is at most 1 for every draw.
     */
    public double worstEnvelopeRatio(double rate) {
        Arguments.positive(rate, "rate γ‖W‖");
        double[] n = norms();
        return Vectors.max(IntStream.rangeClosed(1, n.length)
                .mapToDouble(t -> n[t - 1] / (Math.pow(rate, t) * residuals[t - 1])).toArray());
    }

    /**
     * The bound on {@link #shareFrom} that eq. (5.5) of notebook 05 gives: with each far component
     * replaced by its envelope rate^t ‖h_t − y_t‖, the share far / (near + far) can only grow (it
     * increases with far), so shareFrom(from) ≤ B / (near + B), B = Σ_{t ≥ from} rate^t ‖h_t − y_t‖,
     * near = Σ_{t &lt; from} ‖component_t‖ as measured.
     */
    public double shareBoundFrom(int from, double rate) {
        Arguments.positive(rate, "rate γ‖W‖");
        Arguments.inRange(from, 1, components.length, "from");
        double[] n = norms();
        double near = 0;
        double far = 0;
        for (int t = 1; t <= n.length; t++) {
            if (t < from) {
                near += n[t - 1];
            } else {
                far += Math.pow(rate, t) * residuals[t - 1];
            }
        }
        return far / (near + far);
    }

    /** The size of each temporal component against its distance t ({@link Figures#temporalComponents}). */
    public XYChart chart(String title) {
        return Figures.temporalComponents(this, title);
    }
}
