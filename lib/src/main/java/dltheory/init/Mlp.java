package dltheory.init;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

import dltheory.check.Arguments;
import dltheory.linalg.Gemm;

/**
 * A small fully connected network for notebook 01's training runs: layers of widths
 * dims[0] → dims[1] → … → dims[L] = 1, ReLU on every hidden layer, a linear output, no biases
 * (the notebook's c = 0), and the loss L(W) = (1/2n) Σ_b (f(x_b) − y_b)² on a batch X (d × n).
 * Gradients by backpropagation, δ⁽ᴸ⁾ = (f − y)/n, δ⁽ᵗ⁾ = (W⁽ᵗ⁺¹⁾ᵀδ⁽ᵗ⁺¹⁾) ⊙ 1[a⁽ᵗ⁾ &gt; 0],
 * ∂L/∂W⁽ᵗ⁾ = δ⁽ᵗ⁾h⁽ᵗ⁻¹⁾ᵀ; training is plain full-batch gradient descent W ← W − η∇L. The products
 * go through {@link Gemm} (BLAS). The symmetry experiment ({@link Training.Symmetry}) needs equal
 * rows of W to stay exactly equal through them; TrainingTest checks that they do on each of
 * netlib's paths, and the notebook's check cell on the path in use.
 */
public final class Mlp {

    private final List<DMatrixRMaj> weights;

    private Mlp(List<DMatrixRMaj> weights) {
        this.weights = weights;
    }

    /** Weights drawn layer by layer from {@code init} (fan-in = the layer's input width). */
    public static Mlp random(int[] dims, Init init, Random rng) {
        requireDims(dims);
        List<DMatrixRMaj> w = new ArrayList<>();
        for (int l = 0; l + 1 < dims.length; l++) {
            w.add(init.draw(dims[l + 1], dims[l], rng));
        }
        return new Mlp(w);
    }

    /** Every weight equal to {@code value}: all units of a layer start identical. */
    public static Mlp constant(int[] dims, double value) {
        requireDims(dims);
        Arguments.finite(value, "value");
        List<DMatrixRMaj> w = new ArrayList<>();
        for (int l = 0; l + 1 < dims.length; l++) {
            DMatrixRMaj m = new DMatrixRMaj(dims[l + 1], dims[l]);
            CommonOps_DDRM.fill(m, value);
            w.add(m);
        }
        return new Mlp(w);
    }

    /** The number of weight matrices L. */
    public int layers() {
        return weights.size();
    }

    /** A copy of W⁽ˡ⁾, l = 1…L. */
    public DMatrixRMaj weight(int l) {
        return weights.get(index(l)).copy();
    }

    /** The outputs f(x_b) for the columns of X. */
    double[] predict(DMatrixRMaj X) {
        List<DMatrixRMaj> h = forward(X, null);
        return h.get(h.size() - 1).data.clone();
    }

    /** L(W) = (1/2n) Σ_b (f(x_b) − y_b)². */
    public double loss(DMatrixRMaj X, double[] y) {
        double[] f = predict(X);
        Arguments.length(y, f.length, "y", "n, the columns of X");
        double s = 0;
        for (int b = 0; b < f.length; b++) {
            s += (f[b] - y[b]) * (f[b] - y[b]);
        }
        return s / (2 * f.length);
    }

    /** ∂L/∂W⁽ˡ⁾ for l = 1…L, by backpropagation. */
    public List<DMatrixRMaj> gradients(DMatrixRMaj X, double[] y) {
        return gradients(X, y, new double[1]);
    }

    /** {@link #gradients(DMatrixRMaj, double[])}, writing the loss of the same forward pass into loss[0]. */
    private List<DMatrixRMaj> gradients(DMatrixRMaj X, double[] y, double[] loss) {
        List<DMatrixRMaj> pre = new ArrayList<>();
        List<DMatrixRMaj> h = forward(X, pre);
        int n = X.numCols;
        Arguments.length(y, n, "y", "n, the columns of X");
        DMatrixRMaj delta = new DMatrixRMaj(1, n);
        double[] f = h.get(h.size() - 1).data;
        double s = 0;
        for (int b = 0; b < n; b++) {
            delta.data[b] = (f[b] - y[b]) / n;
            s += (f[b] - y[b]) * (f[b] - y[b]);
        }
        loss[0] = s / (2 * n);
        DMatrixRMaj[] grads = new DMatrixRMaj[weights.size()];
        for (int l = weights.size() - 1; l >= 0; l--) {
            DMatrixRMaj g = new DMatrixRMaj(weights.get(l).numRows, weights.get(l).numCols);
            Gemm.multTransB(delta, h.get(l), g);
            grads[l] = g;
            if (l > 0) {
                DMatrixRMaj next = new DMatrixRMaj(weights.get(l).numCols, n);
                Gemm.multTransA(weights.get(l), delta, next);
                double[] a = pre.get(l - 1).data;
                for (int k = 0; k < next.data.length; k++) {
                    if (!(a[k] > 0)) {
                        next.data[k] = 0;
                    }
                }
                delta = next;
            }
        }
        return List.of(grads);
    }

    /** One step of gradient descent, W ← W − η∇L; returns the loss before the step. */
    public double step(DMatrixRMaj X, double[] y, double eta) {
        Arguments.positive(eta, "eta");
        double[] before = new double[1];
        List<DMatrixRMaj> g = gradients(X, y, before);
        for (int l = 0; l < weights.size(); l++) {
            CommonOps_DDRM.addEquals(weights.get(l), -eta, g.get(l));
        }
        return before[0];
    }

    /**
     * One step of gradient descent with the gradient's norm clipped (notebook 01, "training a deep
     * ReLU net"): W ← W − η·min(1, c/‖∇L‖)·∇L, where ‖∇L‖ is the norm of all layers' gradients
     * together. No step moves the weights by more than η·c. Returns the loss before the step.
     *
     * @param eta     the step size, &gt; 0
     * @param maxNorm c, the largest gradient norm used as it is, &gt; 0
     */
    double clippedStep(DMatrixRMaj X, double[] y, double eta, double maxNorm) {
        Arguments.positive(eta, "eta");
        Arguments.positive(maxNorm, "maxNorm");
        double[] before = new double[1];
        List<DMatrixRMaj> g = gradients(X, y, before);
        double squared = 0;
        for (DMatrixRMaj gl : g) {
            double n = NormOps_DDRM.normF(gl);
            squared += n * n;
        }
        double norm = Math.sqrt(squared);
        double scale = norm > maxNorm ? maxNorm / norm : 1;
        for (int l = 0; l < weights.size(); l++) {
            CommonOps_DDRM.addEquals(weights.get(l), -eta * scale, g.get(l));
        }
        return before[0];
    }

    /** The number of distinct rows of W⁽ˡ⁾ (exact equality): how many different units layer l has. */
    int distinctUnits(int l) {
        DMatrixRMaj w = weights.get(index(l));
        List<double[]> seen = new ArrayList<>();
        for (int i = 0; i < w.numRows; i++) {
            double[] row = new double[w.numCols];
            System.arraycopy(w.data, i * w.numCols, row, 0, w.numCols);
            if (seen.stream().noneMatch(r -> java.util.Arrays.equals(r, row))) {
                seen.add(row);
            }
        }
        return seen.size();
    }

    /** Writes new values into W⁽ˡ⁾ (for finite-difference checks). */
    void set(int l, DMatrixRMaj w) {
        weights.get(index(l)).setTo(w);
    }

    private List<DMatrixRMaj> forward(DMatrixRMaj X, List<DMatrixRMaj> pre) {
        Arguments.length(new double[X.numRows], weights.get(0).numCols, "X's rows", "the input width");
        List<DMatrixRMaj> h = new ArrayList<>();
        h.add(X);
        DMatrixRMaj cur = X;
        for (int l = 0; l < weights.size(); l++) {
            DMatrixRMaj a = new DMatrixRMaj(weights.get(l).numRows, X.numCols);
            Gemm.mult(weights.get(l), cur, a);
            if (l + 1 < weights.size()) {
                if (pre != null) {
                    pre.add(a.copy());
                }
                for (int k = 0; k < a.data.length; k++) {
                    a.data[k] = Math.max(0, a.data[k]);
                }
            }
            h.add(a);
            cur = a;
        }
        return h;
    }

    private int index(int l) {
        Arguments.inRange(l, 1, weights.size(), "layer l");
        return l - 1;
    }

    private static void requireDims(int[] dims) {
        Arguments.that(dims != null && dims.length >= 2, "dims", "hold at least an input and an output width",
                dims == null ? "null" : java.util.Arrays.toString(dims));
        for (int d : dims) {
            Arguments.atLeast(d, 1, "every width in dims");
        }
        Arguments.that(dims[dims.length - 1] == 1, "dims", "end with the output width 1", dims[dims.length - 1]);
    }
}
