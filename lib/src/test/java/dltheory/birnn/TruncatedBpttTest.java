package dltheory.birnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import dltheory.linalg.Vectors;
import dltheory.rnn.Activation;

/** Notebook 06, section 3: truncated BPTT on the forward chain and its bound from the envelope. */
class TruncatedBpttTest {

    private static final int[] KS = {0, 1, 2, 4, 8, 16};

    private record Case(BidirectionalRnn net, DMatrixRMaj x, DMatrixRMaj targets, double rate) {
        static Case of(long seed, Activation sigma, double scale) {
            Drawn d = Drawn.longSequence(seed, sigma, scale);
            return new Case(d.net(), d.x(), d.targets(), d.forwardRate());
        }
    }

    @Test
    void keepingEveryStepGivesTheFullGradientOfTheSeparateRecursion() {
        for (Activation sigma : Activation.values()) {
            Case c = Case.of(7, sigma, 1.5);
            double[][] cut = TruncatedBptt.forwardStates(c.net(), c.x(), c.targets(), 39);
            var full = BidirectionalBptt.gradients(c.net(), c.x(), BidirectionalLoss.everyStep(c.targets()));
            for (int t = 1; t <= 40; t++) {
                double[] f = full.hForward(t);
                assertArrayEquals(f, cut[t - 1], 1e-12 * (1 + Vectors.norm(f)), "t = " + t);
            }
            assertEquals(0, TruncatedBptt.forward(c.net(), c.x(), c.targets(), c.rate(), 39).get(0).error(), 1e-12);
        }
    }

    @Test
    void truncationAfterZeroStepsKeepsOnlyTheDirectTerms() {
        Case c = Case.of(3, Activation.SIGMOID, 1.5);
        double[][] cut = TruncatedBptt.forwardStates(c.net(), c.x(), c.targets(), 0);
        var pass = c.net().forward(c.x());
        for (int t = 1; t <= 40; t++) {
            double[] e = BidirectionalLoss.everyStep(c.targets()).outputGradient(pass, t);
            assertArrayEquals(Vectors.transposeTimes(c.net().vF(), e), cut[t - 1], 1e-14);
        }
    }

    /** The notebook's check, error ≤ bound for every k, holds on 200 seeds (it is a theorem). */
    @Test
    void theEnvelopeBoundsTheErrorForEverySeed() {
        for (long seed = 1; seed <= 200; seed++) {
            Case c = Case.of(seed, Activation.SIGMOID, 1.5);
            List<TruncatedBptt> rows = TruncatedBptt.forward(c.net(), c.x(), c.targets(), c.rate(), KS);
            assertTrue(TruncatedBptt.worstBoundRatio(rows) <= 1, "seed " + seed);
            for (int i = 1; i < rows.size(); i++) {
                assertTrue(rows.get(i).bound() <= rows.get(i - 1).bound(), "the bound falls with k, seed " + seed);
            }
        }
    }

    /**
     * Power: a truncated gradient computed without σ′ (each step taken as U⁽ᶠ⁾ᵀ alone, a
     * plausible slip) has an error above the bound on at least 90 % of the seeds.
     */
    @Test
    void aTruncationThatForgetsTheSigmoidDerivativeIsRejected() {
        int rejected = 0;
        int n = 100;
        for (long seed = 1; seed <= n; seed++) {
            Case c = Case.of(seed, Activation.SIGMOID, 1.5);
            var full = BidirectionalBptt.gradients(c.net(), c.x(), BidirectionalLoss.everyStep(c.targets()));
            var pass = c.net().forward(c.x());
            int k = 4;
            double[][] cut = new double[40][4];
            for (int s = 1; s <= 40; s++) {
                double[] g = Vectors.transposeTimes(c.net().vF(),
                        BidirectionalLoss.everyStep(c.targets()).outputGradient(pass, s));
                for (int t = s; t >= Math.max(1, s - k); t--) {
                    if (t < s) {
                        g = Vectors.transposeTimes(c.net().uF(), g);
                    }
                    for (int i = 0; i < 4; i++) {
                        cut[t - 1][i] += g[i];
                    }
                }
            }
            double err = 0;
            double ref = 0;
            for (int t = 1; t <= 40; t++) {
                double[] f = full.hForward(t);
                for (int i = 0; i < 4; i++) {
                    err += (cut[t - 1][i] - f[i]) * (cut[t - 1][i] - f[i]);
                    ref += f[i] * f[i];
                }
            }
            double bound = TruncatedBptt.forward(c.net(), c.x(), c.targets(), c.rate(), k).get(0).bound();
            var slipped = new TruncatedBptt(k, Math.sqrt(err / ref), bound);
            rejected += TruncatedBptt.worstBoundRatio(List.of(slipped)) > 1 ? 1 : 0;
        }
        assertTrue(rejected >= 0.9 * n, rejected + " of " + n);
    }

    @Test
    void badArgumentsAreNamed() {
        Case c = Case.of(1, Activation.SIGMOID, 1.5);
        var e = assertThrows(IllegalArgumentException.class,
                () -> TruncatedBptt.forwardStates(c.net(), c.x(), c.targets(), -1));
        assertTrue(e.getMessage().contains("k"));
        assertThrows(IllegalArgumentException.class, () -> TruncatedBptt.forward(c.net(), c.x(), c.targets(), -1, 1));
        assertThrows(IllegalArgumentException.class, () -> TruncatedBptt.forward(c.net(), c.x(), c.targets(), 0.5));
    }
}
