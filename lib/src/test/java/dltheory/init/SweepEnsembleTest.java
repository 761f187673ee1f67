package dltheory.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;

import org.ejml.concurrency.EjmlConcurrency;
import org.junit.jupiter.api.Test;

/**
 * The ensemble check of notebook 01, step 3: it passes for He's scheme and rejects a weight
 * variance 5 % off (1.9/d and 2.1/d), at the notebook's sizes (30 nets, depth 50, width 256).
 */
class SweepEnsembleTest {

    private static final long SEED = 20190316L;
    private static final int DEPTH = 50;
    private static final int WIDTH = 256;
    private static final int BATCH = 16;
    private static final int NETS = 30;

    private static SweepEnsemble ensemble(double gain2, long seed) {
        return SweepEnsemble.draw(Init.normalPerFanIn(gain2), Activation.RELU, DEPTH, WIDTH,
                BATCH, NETS, new Random(seed));
    }

    @Test
    void heSchemePassesAndFivePercentOffIsRejectedForSeveralSeeds() {
        double k = Sweep.worstOfLayersK(DEPTH);
        for (int r = 0; r < 3; r++) {
            SweepEnsemble he = ensemble(2.0, SEED + r);
            he.checkLayerFactor(1.0, k);
            assertEquals(1.0, he.layerFactor(), 0.01, "per-layer factor of He");
            SweepEnsemble low = ensemble(1.9, SEED + 100 + r);
            SweepEnsemble high = ensemble(2.1, SEED + 200 + r);
            assertThrows(AssertionError.class, () -> low.checkLayerFactor(1.0, k), "1.9/d accepted");
            assertThrows(AssertionError.class, () -> high.checkLayerFactor(1.0, k), "2.1/d accepted");
            // ... while each is accepted against its own prediction, d·Var[w]/2 = 0.95 and 1.05
            low.checkLayerFactor(0.95, k);
            high.checkLayerFactor(1.05, k);
            // with a margin: the rejection is not a near miss
            assertTrue(Math.abs(low.z(low.worstLayer(1.0), 1.0)) > 1.5 * k, "1.9/d z " + low.z(low.worstLayer(1.0), 1.0));
            assertTrue(Math.abs(high.z(high.worstLayer(1.0), 1.0)) > 1.5 * k, "2.1/d z " + high.z(high.worstLayer(1.0), 1.0));
        }
    }

    @Test
    void theNetsAreTheSameOnOneThreadAndOnTwo() {
        int threads = EjmlConcurrency.getMaxThreads();
        try {
            EjmlConcurrency.setMaxThreads(1);
            SweepEnsemble one = SweepEnsemble.draw(Init.HE_NORMAL, Activation.RELU, 6, 32, 8, 7, new Random(SEED));
            EjmlConcurrency.setMaxThreads(2);
            SweepEnsemble two = SweepEnsemble.draw(Init.HE_NORMAL, Activation.RELU, 6, 32, 8, 7, new Random(SEED));
            for (int m = 0; m < 7; m++) {
                assertArrayEquals(one.logVar()[m], two.logVar()[m], 0.0, "net " + m);
            }
            // and net m is the sweep of the m-th seed the generator gives, in order
            Random rng = new Random(SEED);
            rng.nextLong();
            rng.nextLong();
            Sweep third = Forward.sweep(Init.HE_NORMAL, Activation.RELU, 6, 32, 8, new Random(rng.nextLong()));
            assertEquals(Math.log(third.var(6)), two.logVar()[2][5], 0.0);
        } finally {
            EjmlConcurrency.setMaxThreads(threads);
        }
    }

    @Test
    void spreadGrowsLikeFiveTOverD() {
        SweepEnsemble he = ensemble(2.0, SEED + 7);
        // Hanin and Rolnick (2018): Var[ln ‖h⁽ᵗ⁾‖²] ≈ 5t/d for ReLU; at t = 50, d = 256 that is 0.98.
        // The sample variance of 30 nets has a relative SE of √(2/29) ≈ 0.26: allow 4 of them.
        assertEquals(5.0 * DEPTH / WIDTH, he.spread(DEPTH), 4 * 0.26 * 5.0 * DEPTH / WIDTH);
    }

    @Test
    void quantilesAreOrderedAndBadArgumentsAreNamed() {
        SweepEnsemble he = SweepEnsemble.draw(Init.HE_NORMAL, Activation.RELU, 5, 16, 4, 5, new Random(SEED));
        double[] lo = he.quantile(0.1);
        double[] hi = he.quantile(0.9);
        for (int t = 0; t < 5; t++) {
            assertTrue(lo[t] <= hi[t]);
        }
        var e = assertThrows(IllegalArgumentException.class, () -> SweepEnsemble.draw(Init.HE_NORMAL,
                Activation.RELU, 5, 16, 4, 2, new Random(SEED)));
        assertTrue(e.getMessage().contains("nets"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> he.quantile(1.5));
    }
}
