package dltheory.birnn;

import dltheory.rnn.Activation;
import dltheory.check.Arguments;

/**
 * The values of one forward pass of {@link BidirectionalRnn} (notebook 06): pre-activations
 * a_t = W x_t + U h_{t∓1}, hidden states h_t = σ(a_t) of both chains, and outputs y_t.
 * Indices are the text's: t = 1 … T, with h₀⁽ᶠ⁾ and h_{T+1}⁽ᵇ⁾ the initial states.
 * Arrays are internal; the accessors return copies.
 */
public final class BidirectionalPass {

    private final int steps;
    private final double[][] aF;
    private final double[][] aB;
    private final double[][] hF;
    private final double[][] hB;
    private final double[][] y;

    BidirectionalPass(int steps, double[][] aF, double[][] aB, double[][] hF, double[][] hB, double[][] y) {
        this.steps = steps;
        this.aF = aF;
        this.aB = aB;
        this.hF = hF;
        this.hB = hB;
        this.y = y;
    }

    /** T, the sequence length. */
    public int steps() {
        return steps;
    }

    /** h_t⁽ᶠ⁾ for t = 0 … T. */
    public double[] hForward(int t) {
        Arguments.inRange(t, 0, steps, "t");
        return hF[t].clone();
    }

    /** h_t⁽ᵇ⁾ for t = 1 … T + 1. */
    public double[] hBackward(int t) {
        Arguments.inRange(t, 1, steps + 1, "t");
        return hB[t].clone();
    }

    /** The hidden state h_t of {@code chain}. */
    public double[] h(BidirectionalRnn.Chain chain, int t) {
        return chain == BidirectionalRnn.Chain.FORWARD ? hForward(t) : hBackward(t);
    }

    /** y_t = V⁽ᶠ⁾h_t⁽ᶠ⁾ + V⁽ᵇ⁾h_t⁽ᵇ⁾ + c for t = 1 … T. */
    public double[] y(int t) {
        Arguments.inRange(t, 1, steps, "t");
        return y[t].clone();
    }

    /** σ′(a_t) of {@code chain} at t = 1 … T: the diagonal of ∂h_t/∂a_t (for the sigmoid, h_t ⊙ (1 − h_t)). */
    double[] sigmaPrime(BidirectionalRnn.Chain chain, int t, Activation sigma) {
        return sigma.derivative(chain == BidirectionalRnn.Chain.FORWARD ? aF[t] : aB[t]);
    }

    double[] yRef(int t) {
        return y[t];
    }

    double[] hRef(BidirectionalRnn.Chain chain, int t) {
        return chain == BidirectionalRnn.Chain.FORWARD ? hF[t] : hB[t];
    }
}
