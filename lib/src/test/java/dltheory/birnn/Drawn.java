package dltheory.birnn;

import org.ejml.data.DMatrixRMaj;

import dltheory.random.Seeded;
import dltheory.rnn.Activation;

/**
 * A net of notebook 06's shape (D = 3, H = 4, K = 2) with inputs and targets over T steps, each
 * drawn from its own named stream of a seed: the draws the seed sweeps and power tests repeat.
 *
 * @param net     the net, {@code "<prefix>net"}
 * @param x       the inputs, D×T, {@code "<prefix>x"}
 * @param targets the targets, K×T, {@code "<prefix>targets"}
 */
record Drawn(BidirectionalRnn net, DMatrixRMaj x, DMatrixRMaj targets) {

    /** Section 3's long sequence as the notebook draws it: T = 40, U's scale 1.5, sigmoid. */
    static Drawn longSequence(long seed) {
        return of(seed, "long ", 40, 1.5, Activation.SIGMOID);
    }

    /** Section 3's long sequence with another σ and scale of U. */
    static Drawn longSequence(long seed, Activation sigma, double scale) {
        return of(seed, "long ", 40, scale, sigma);
    }

    /** A short sequence (T = 6, scale 1.5, sigmoid) from the streams "net", "x" and "targets". */
    static Drawn shortSequence(long seed) {
        return of(seed, "", 6, 1.5, Activation.SIGMOID);
    }

    private static Drawn of(long seed, String prefix, int steps, double scale, Activation sigma) {
        return new Drawn(BidirectionalRnn.random(3, 4, 2, scale, sigma, Seeded.rng(seed, prefix + "net")),
                Seeded.normal(3, steps, 0, 1, Seeded.rng(seed, prefix + "x")),
                Seeded.normal(2, steps, 0, 1, Seeded.rng(seed, prefix + "targets")));
    }

    /** γ‖U⁽ᶠ⁾‖₂, the forward chain's contraction. */
    double forwardRate() {
        return BidirectionalGradientNorms.contraction(net, BidirectionalRnn.Chain.FORWARD);
    }
}
