package dltheory.birnn;

import static dltheory.linalg.Vectors.column;
import static dltheory.linalg.Vectors.plus;
import static dltheory.linalg.Vectors.times;

import dltheory.rnn.Activation;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import dltheory.check.Arguments;

/**
 * The bidirectional recurrent net of notebook 06 (Q6): two hidden chains read the sequence
 * x₁ … x_T in opposite directions and every step has an output,
 *
 * <pre>
 *   h_t⁽ᶠ⁾ = σ(W⁽ᶠ⁾x_t + U⁽ᶠ⁾h_{t−1}⁽ᶠ⁾),   t = 1 … T   (forward chain, starts at h₀⁽ᶠ⁾)
 *   h_t⁽ᵇ⁾ = σ(W⁽ᵇ⁾x_t + U⁽ᵇ⁾h_{t+1}⁽ᵇ⁾),   t = T … 1   (backward chain, starts at h_{T+1}⁽ᵇ⁾)
 *   y_t    = V⁽ᶠ⁾h_t⁽ᶠ⁾ + V⁽ᵇ⁾h_t⁽ᵇ⁾ + c.
 * </pre>
 *
 * Shapes: W (H×D), U (H×H), V (K×H), c (K×1), initial states (H×1). A sequence is a D×T matrix
 * whose column t − 1 is x_t. The matrices are copied on construction; treat the accessors'
 * results as read-only.
 */
public record BidirectionalRnn(Activation sigma,
                               DMatrixRMaj wF, DMatrixRMaj uF,
                               DMatrixRMaj wB, DMatrixRMaj uB,
                               DMatrixRMaj vF, DMatrixRMaj vB, DMatrixRMaj c,
                               DMatrixRMaj hF0, DMatrixRMaj hBEnd) {

    /**
     * Which hidden chain: forward reads x₁ → x_T, backward reads x_T → x₁. {@link #toString()} is the
     * superscript the text uses, f or b.
     */
    public enum Chain {
        FORWARD("f"), BACKWARD("b");

        private final String symbol;

        Chain(String symbol) {
            this.symbol = symbol;
        }

        @Override
        public String toString() {
            return symbol;
        }
    }

    /**
     * The parameters, in the order of {@link #toVector()}. {@link #toString()} is the name a table
     * prints, e.g. U⁽ᵇ⁾.
     */
    public enum Parameter {
        W_F("W⁽ᶠ⁾"), U_F("U⁽ᶠ⁾"), W_B("W⁽ᵇ⁾"), U_B("U⁽ᵇ⁾"), V_F("V⁽ᶠ⁾"), V_B("V⁽ᵇ⁾"), C("c"), H0_F("h₀⁽ᶠ⁾"),
        HT1_B("h⁽ᵇ⁾ at t = T + 1");

        private final String symbol;

        Parameter(String symbol) {
            this.symbol = symbol;
        }

        @Override
        public String toString() {
            return symbol;
        }
    }

    /** Checks every shape against H = rows of W⁽ᶠ⁾, D = its columns, K = rows of V⁽ᶠ⁾. */
    public BidirectionalRnn {
        Arguments.notNull(sigma, "sigma", "SIGMOID or TANH");
        Arguments.matrix(wF, "wF");
        Arguments.matrix(vF, "vF");
        int h = wF.numRows;
        int d = wF.numCols;
        int k = vF.numRows;
        Arguments.shape(Arguments.matrix(uF, "uF"), h, h, "uF");
        Arguments.shape(Arguments.matrix(wB, "wB"), h, d, "wB");
        Arguments.shape(Arguments.matrix(uB, "uB"), h, h, "uB");
        Arguments.shape(Arguments.matrix(vF, "vF"), k, h, "vF");
        Arguments.shape(Arguments.matrix(vB, "vB"), k, h, "vB");
        Arguments.shape(Arguments.matrix(c, "c"), k, 1, "c");
        Arguments.shape(Arguments.matrix(hF0, "hF0"), h, 1, "hF0");
        Arguments.shape(Arguments.matrix(hBEnd, "hBEnd"), h, 1, "hBEnd");
        wF = wF.copy();
        uF = uF.copy();
        wB = wB.copy();
        uB = uB.copy();
        vF = vF.copy();
        vB = vB.copy();
        c = c.copy();
        hF0 = hF0.copy();
        hBEnd = hBEnd.copy();
    }

    /**
     * A net with i.i.d. N(0, s²/fan-in) weights (W: s²/D, U: s²/H, V: 1/H), c = 0 and zero initial
     * states. {@code recurrentScale} s sets the size of U, hence how fast gradients fade along a chain.
     */
    public static BidirectionalRnn random(int inputDim, int hiddenDim, int outputDim, double recurrentScale,
                                          Activation sigma, Random rng) {
        Arguments.atLeast(inputDim, 1, "inputDim");
        Arguments.atLeast(hiddenDim, 1, "hiddenDim");
        Arguments.atLeast(outputDim, 1, "outputDim");
        Arguments.nonNegative(recurrentScale, "recurrentScale");
        Arguments.notNull(rng, "rng", "a generator");
        double sx = 1 / Math.sqrt(inputDim);
        double sh = recurrentScale / Math.sqrt(hiddenDim);
        double sv = 1 / Math.sqrt(hiddenDim);
        return new BidirectionalRnn(sigma,
                gaussian(hiddenDim, inputDim, sx, rng), gaussian(hiddenDim, hiddenDim, sh, rng),
                gaussian(hiddenDim, inputDim, sx, rng), gaussian(hiddenDim, hiddenDim, sh, rng),
                gaussian(outputDim, hiddenDim, sv, rng), gaussian(outputDim, hiddenDim, sv, rng),
                new DMatrixRMaj(outputDim, 1), new DMatrixRMaj(hiddenDim, 1), new DMatrixRMaj(hiddenDim, 1));
    }

    /** The one-unit net (D = H = K = 1) of the exercises, zero initial states. */
    public static BidirectionalRnn scalar(Activation sigma, double wF, double uF, double wB, double uB,
                                          double vF, double vB, double c) {
        return new BidirectionalRnn(sigma, one(wF), one(uF), one(wB), one(uB), one(vF), one(vB), one(c),
                one(0), one(0));
    }

    /** A 1×T sequence (or 1×T targets) for the one-unit net: column t − 1 is {@code values[t − 1]}. */
    public static DMatrixRMaj scalarSequence(double... values) {
        Arguments.nonEmpty(values, "values");
        return new DMatrixRMaj(1, values.length, true, values);
    }

    /** D, the input size. */
    int inputDim() {
        return wF.numCols;
    }

    /** H, the size of each hidden state. */
    int hiddenDim() {
        return wF.numRows;
    }

    /** K, the output size. */
    int outputDim() {
        return vF.numRows;
    }

    /** The forward pass over the D×T sequence {@code x} (column t − 1 is x_t); x is not modified. */
    public BidirectionalPass forward(DMatrixRMaj x) {
        return forward(x, null, 0, null);
    }

    /**
     * The forward pass with one hidden state replaced: h_t of {@code chain} is set to {@code state}
     * instead of being computed, and the rest of the graph is computed from it. The loss of this
     * pass, as a function of {@code state}, has gradient ∇_{h_t}L (the total derivative that
     * backpropagation through time computes), which is how notebook 06 checks it by finite differences.
     *
     * @param t 1 … T (0 is h₀⁽ᶠ⁾ and T + 1 is h_{T+1}⁽ᵇ⁾, which are parameters)
     */
    BidirectionalPass forwardWithState(DMatrixRMaj x, Chain chain, int t, double[] state) {
        Arguments.notNull(chain, "chain", "FORWARD or BACKWARD");
        requireSequence(x);
        Arguments.inRange(t, 1, x.numCols, "t");
        Arguments.length(state, hiddenDim(), "state", "H");
        return forward(x, chain, t, state);
    }

    private BidirectionalPass forward(DMatrixRMaj x, Chain chain, int at, double[] state) {
        requireSequence(x);
        int T = x.numCols;
        double[][] aF = new double[T + 2][];
        double[][] aB = new double[T + 2][];
        double[][] hF = new double[T + 2][];
        double[][] hB = new double[T + 2][];
        double[][] y = new double[T + 2][];
        hF[0] = hF0.data.clone();
        for (int t = 1; t <= T; t++) {
            double[] xt = column(x, t);
            aF[t] = plus(times(wF, xt), times(uF, hF[t - 1]));
            hF[t] = chain == Chain.FORWARD && t == at ? state.clone() : sigma.apply(aF[t]);
        }
        hB[T + 1] = hBEnd.data.clone();
        for (int t = T; t >= 1; t--) {
            double[] xt = column(x, t);
            aB[t] = plus(times(wB, xt), times(uB, hB[t + 1]));
            hB[t] = chain == Chain.BACKWARD && t == at ? state.clone() : sigma.apply(aB[t]);
        }
        for (int t = 1; t <= T; t++) {
            y[t] = plus(plus(times(vF, hF[t]), times(vB, hB[t])), c.data);
        }
        return new BidirectionalPass(T, aF, aB, hF, hB, y);
    }

    /** Every parameter flattened row by row, in the order of {@link Parameter}. */
    public double[] toVector() {
        DMatrixRMaj[] ms = matrices();
        int n = 0;
        for (DMatrixRMaj m : ms) {
            n += m.getNumElements();
        }
        double[] v = new double[n];
        int at = 0;
        for (DMatrixRMaj m : ms) {
            System.arraycopy(m.data, 0, v, at, m.getNumElements());
            at += m.getNumElements();
        }
        return v;
    }

    /** A net of the same shapes and σ whose parameters are {@code v} (the layout of {@link #toVector()}). */
    public BidirectionalRnn withVector(double[] v) {
        DMatrixRMaj[] ms = matrices();
        int n = 0;
        for (DMatrixRMaj m : ms) {
            n += m.getNumElements();
        }
        Arguments.length(v, n, "v", "all parameters");
        DMatrixRMaj[] out = new DMatrixRMaj[ms.length];
        int at = 0;
        for (int i = 0; i < ms.length; i++) {
            out[i] = new DMatrixRMaj(ms[i].numRows, ms[i].numCols);
            System.arraycopy(v, at, out[i].data, 0, ms[i].getNumElements());
            at += ms[i].getNumElements();
        }
        return new BidirectionalRnn(sigma, out[0], out[1], out[2], out[3], out[4], out[5], out[6], out[7], out[8]);
    }

    /** The parameter matrices in the order of {@link Parameter}. */
    DMatrixRMaj[] matrices() {
        return new DMatrixRMaj[] {wF, uF, wB, uB, vF, vB, c, hF0, hBEnd};
    }

    /** Checks that {@code x} is a D×T sequence with T ≥ 1. */
    void requireSequence(DMatrixRMaj x) {
        Arguments.nonEmpty(x, "x");
        Arguments.shape(x, inputDim(), x.numCols, "x");
    }

    private static DMatrixRMaj gaussian(int rows, int cols, double std, Random rng) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = std * rng.nextGaussian();
        }
        return m;
    }

    private static DMatrixRMaj one(double v) {
        return new DMatrixRMaj(1, 1, true, v);
    }
}
