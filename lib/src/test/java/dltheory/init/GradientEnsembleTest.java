package dltheory.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The backward-factor check of notebook 01, step 7 (claim 01.backward-variance), at the notebook's
 * sizes: 30 nets of 12 layers, width 256, batch 8, N(0, 1/d) under ReLU (ρ = ½).
 */
class GradientEnsembleTest {

    private static final int DEPTH = 12;
    private static final int WIDTH = 256;
    private static final int BATCH = 8;
    private static final int NETS = 30;
    private static final double K = 4.0;

    private static GradientEnsemble ensemble(Init init, long seed) {
        return GradientEnsemble.draw(init, Activation.RELU, DEPTH, WIDTH, BATCH, NETS, new Random(seed));
    }

    /**
     * Over 100 seeds the check never fails, a 5 % error in ρ (0.525 or 0.475) is rejected for at
     * least 90 % of them, and the step-7 independence assumption costs nothing measurable: pooled
     * over the 3,000 nets the mean factor lies within 4 pooled standard errors of ½, and the mean of
     * z over the ensembles is within 4/√100 of 0 (a bias of a few tenths of one ensemble's SE would
     * show here), so Student's t tail of 4.0·10⁻⁴ is the false-alarm rate.
     */
    @Test
    void halvingBackwardFactorHoldsForManySeedsAndRejectsAFivePercentError() {
        int seeds = 100;
        double rho = Theory.layerFactor(Init.LINEAR_NORMAL, Activation.RELU, WIDTH);
        int rejectedHigh = 0;
        int rejectedLow = 0;
        double sumZ = 0;
        double sumB = 0;
        double sumB2 = 0;
        double maxAbsZ = 0;
        for (int seed = 1; seed <= seeds; seed++) {
            GradientEnsemble e = ensemble(Init.LINEAR_NORMAL, seed);
            e.checkLayerFactor(rho, K);
            double z = e.z(rho);
            sumZ += z;
            maxAbsZ = Math.max(maxAbsZ, Math.abs(z));
            for (int m = 0; m < e.nets(); m++) {
                sumB += e.netFactor(m);
                sumB2 += e.netFactor(m) * e.netFactor(m);
            }
            rejectedHigh += Math.abs(e.z(rho * 1.05)) > K ? 1 : 0;
            rejectedLow += Math.abs(e.z(rho * 0.95)) > K ? 1 : 0;
        }
        int n = seeds * NETS;
        double mean = sumB / n;
        double pooledSe = Math.sqrt((sumB2 / n - mean * mean) / (n - 1));
        double meanZ = sumZ / seeds;
        System.out.printf("backward factor: pooled %.5f ± %.5f (ρ = %.3f, %.2f SE), mean z %.3f, max |z| %.2f;"
                + " 5 %% errors rejected %d (+) and %d (−) of %d%n", mean, pooledSe, rho,
                (mean - rho) / pooledSe, meanZ, maxAbsZ, rejectedHigh, rejectedLow, seeds);
        assertTrue(Math.abs(mean - rho) <= K * pooledSe, "pooled bias " + (mean - rho) / pooledSe + " SE");
        assertTrue(Math.abs(meanZ) <= K / Math.sqrt(seeds), "mean z " + meanZ);
        assertTrue(rejectedHigh >= 0.9 * seeds, "+5 %: " + rejectedHigh + " of " + seeds);
        assertTrue(rejectedLow >= 0.9 * seeds, "−5 %: " + rejectedLow + " of " + seeds);
    }

    /** He's N(0, 2/d) keeps the gradient (ρ = 1) and is rejected against ½; 1.05/d is rejected against ½. */
    @Test
    void heKeepsTheGradientAndAWiderLawIsRejected() {
        GradientEnsemble he = ensemble(Init.HE_NORMAL, 7L);
        he.checkLayerFactor(1.0, K);
        assertThrows(AssertionError.class, () -> he.checkLayerFactor(0.5, K));
        GradientEnsemble wider = ensemble(Init.normalPerFanIn(1.05), 8L);
        assertThrows(AssertionError.class, () -> wider.checkLayerFactor(0.5, K));
    }

    /** The forward part is the ensemble SweepEnsemble.draw gives for the same generator. */
    @Test
    void theForwardSweepsAreThoseOfSweepEnsemble() {
        GradientEnsemble g = ensemble(Init.LINEAR_NORMAL, 3L);
        SweepEnsemble f = SweepEnsemble.draw(Init.LINEAR_NORMAL, Activation.RELU, DEPTH, WIDTH, BATCH, NETS,
                new Random(3L));
        for (int m = 0; m < NETS; m++) {
            assertArrayEquals(f.factor()[m], g.forward().factor()[m], 0.0);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientEnsemble.draw(Init.LINEAR_NORMAL, Activation.RELU, DEPTH, WIDTH, BATCH, 2, new Random(1)));
        assertTrue(e.getMessage().contains("nets"), e.getMessage());
    }
}
