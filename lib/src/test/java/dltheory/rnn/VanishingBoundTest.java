package dltheory.rnn;

import static dltheory.rnn.SpectralMatricesTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VanishingBoundTest {

    private static final long SEED = 535L;

    @ParameterizedTest
    @EnumSource(Activation.class)
    void deltaIsGammaTimesTheSpectralNorm(Activation sigma) {
        Random rng = new Random(SEED);
        for (int n : new int[] {1, 4, 20}) {
            for (double norm : new double[] {0.3, 1, 5}) {
                DMatrixRMaj W = SpectralMatrices.withNorm(n, norm, rng);
                assertEquals(sigma.gamma() * norm, VanishingBound.delta(W, sigma), 1e-10 * norm);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void theLargestAllowedNormMeetsTheEigenvalueCondition(Activation sigma) {
        Random rng = new Random(SEED + 1);
        for (double delta : new double[] {0.1, 0.5, 0.9, 0.999}) {
            double norm = VanishingBound.maxSpectralNorm(sigma, delta);
            DMatrixRMaj W = SpectralMatrices.withNorm(6, norm, rng);
            double lambda1 = SpectralMatrices.symmetricEigenvalues(SpectralMatrices.gram(W))[0];
            assertEquals(VanishingBound.maxLargestEigenvalue(sigma, delta), lambda1, 1e-10 * lambda1);
            assertEquals(delta, VanishingBound.delta(W, sigma), 1e-10);
            assertEquals(delta, norm * sigma.gamma(), 1e-15);
        }
        assertEquals(4 * 0.9, VanishingBound.maxSpectralNorm(Activation.SIGMOID, 0.9), 1e-15, "1/γ = 4 for the sigmoid");
        assertEquals(0.9, VanishingBound.maxSpectralNorm(Activation.TANH, 0.9), 1e-15, "1/γ = 1 for tanh");
    }

    @Test
    void powersArePowers() {
        double[] p = VanishingBound.powers(0.9, 50);
        assertEquals(50, p.length);
        for (int t = 1; t <= 50; t++) {
            assertEquals(Math.pow(0.9, t), p[t - 1], 1e-14);
        }
    }

    @Test
    void stepsBelowIsTheFirstHorizonUnderEpsilon() {
        for (double delta = 0.05; delta < 1; delta += 0.0731) {
            for (double eps : new double[] {0.5, 1e-3, 1e-6, 1e-12}) {
                int t = VanishingBound.stepsBelow(delta, eps);
                assertTrue(Math.pow(delta, t) <= eps, "δ^T ≤ ε at T = " + t);
                assertTrue(t == 1 || Math.pow(delta, t - 1) > eps, "δ^(T−1) > ε at T = " + t);
            }
        }
        assertEquals(1, VanishingBound.stepsBelow(0.4, 0.5));
    }

    @Test
    void rowSummarisesACurve() {
        Random rng = new Random(SEED + 2);
        Jacobians.NormCurve c = Jacobians.vanishing(Activation.SIGMOID, 0.9, 8, 2, 40, rng);
        VanishingBound.Row r = VanishingBound.row(c, 0.9);
        assertEquals(3.6, r.normW(), 1e-10);
        assertEquals(0.9, r.gammaNormW(), 1e-10);
        assertEquals(40, r.T());
        assertEquals(Math.pow(0.9, 40), r.deltaPowT(), 1e-15);
        assertEquals(c.maxRatioTo(0.9), r.maxRatioToBound(), 0.0);
        assertEquals(c.rate(), r.observedRate(), 0.0);
        assertTrue(r.maxRatioToBound() <= 1);
        // the three rates of eq. (5), loose to tight
        assertTrue(r.meanStepNorm() <= r.gammaNormW() * (1 + 1e-12), "mean ‖J_t‖ ≤ γ‖W‖");
        assertTrue(r.observedRate() <= r.gammaNormW() * (1 + 1e-12), "observed rate ≤ γ‖W‖");
        assertEquals(1, VanishingBound.Row.table(List.of(r)).rowCount());
    }

    @Test
    void badArgumentsNameTheArgument() {
        assertMessage(() -> VanishingBound.delta(new DMatrixRMaj(2, 3), Activation.TANH), "W must be square");
        assertMessage(() -> VanishingBound.maxSpectralNorm(Activation.TANH, 0), "delta must be finite and > 0");
        assertMessage(() -> VanishingBound.maxLargestEigenvalue(Activation.TANH, -1), "delta must be finite and > 0");
        assertMessage(() -> VanishingBound.powers(0.9, 0), "T must be >= 1");
        assertMessage(() -> VanishingBound.stepsBelow(1.0, 0.1), "delta must be in (0, 1)");
        assertMessage(() -> VanishingBound.stepsBelow(0.5, 1.0), "eps must be in (0, 1)");
    }
}
