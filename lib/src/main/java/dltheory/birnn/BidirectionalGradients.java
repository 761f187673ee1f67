package dltheory.birnn;

import static dltheory.linalg.Vectors.norm;

import java.util.List;

import org.ejml.data.DMatrixRMaj;
import dltheory.check.Arguments;

/**
 * The gradients of notebook 06's loss computed by backpropagation through time
 * ({@link BidirectionalBptt#gradients}): one matrix per parameter (same shapes as in
 * {@link BidirectionalRnn}) and the total gradient ∇_{h_t}L of every hidden state of both chains.
 * Arrays are internal; the accessors return copies.
 */
public final class BidirectionalGradients {

    private final DMatrixRMaj[] parameters;
    private final double[][] hF;
    private final double[][] hB;

    BidirectionalGradients(DMatrixRMaj[] parameters, double[][] hF, double[][] hB) {
        this.parameters = parameters;
        this.hF = hF;
        this.hB = hB;
    }

    /** T, the sequence length. */
    public int steps() {
        return hF.length - 2;
    }

    /** ∂L/∂P for the parameter {@code p}. */
    public DMatrixRMaj parameter(BidirectionalRnn.Parameter p) {
        Arguments.notNull(p, "p", "one of " + List.of(BidirectionalRnn.Parameter.values()));
        return parameters[p.ordinal()].copy();
    }

    /** ∇_{h_t⁽ᶠ⁾}L for t = 0 … T. */
    public double[] hForward(int t) {
        Arguments.inRange(t, 0, steps(), "t");
        return hF[t].clone();
    }

    /** ∇_{h_t⁽ᵇ⁾}L for t = 1 … T + 1. */
    public double[] hBackward(int t) {
        Arguments.inRange(t, 1, steps() + 1, "t");
        return hB[t].clone();
    }

    /** ∇_{h_t}L of {@code chain}. */
    public double[] h(BidirectionalRnn.Chain chain, int t) {
        return chain == BidirectionalRnn.Chain.FORWARD ? hForward(t) : hBackward(t);
    }

    /** ‖∇_{h_t}L‖₂ of {@code chain} for t = 1 … T (element t − 1). */
    public double[] norms(BidirectionalRnn.Chain chain) {
        double[] n = new double[steps()];
        for (int t = 1; t <= steps(); t++) {
            n[t - 1] = norm(h(chain, t));
        }
        return n;
    }

    /** Every parameter gradient flattened in the layout of {@link BidirectionalRnn#toVector()}. */
    public double[] toVector() {
        int n = 0;
        for (DMatrixRMaj m : parameters) {
            n += m.getNumElements();
        }
        double[] v = new double[n];
        int at = 0;
        for (DMatrixRMaj m : parameters) {
            System.arraycopy(m.data, 0, v, at, m.getNumElements());
            at += m.getNumElements();
        }
        return v;
    }

    /** The parameters, in the order of {@link #toVector()}. */
    public List<BidirectionalRnn.Parameter> names() {
        return List.of(BidirectionalRnn.Parameter.values());
    }
}
