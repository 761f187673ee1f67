package dltheory.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import dltheory.random.Seeded;

/** Notebook 03, section 4: the size of bias-corrected Adam steps on a noisy gradient. */
class AdamStepBoundTest {

    @Test
    void theBoundIsOneAtTheFirstStepAndTheCauchySchwarzSumAfterwards() {
        double[] c = AdamStepBound.bound(0.9, 0.999, 3000);
        assertEquals(1.0, c[0], 1e-12);
        // t = 3 by the weights themselves
        double f1 = 1 - Math.pow(0.9, 3);
        double f2 = 1 - Math.pow(0.999, 3);
        double sum = 0;
        for (int j = 0; j < 3; j++) {
            double a = 0.1 * Math.pow(0.9, j) / f1;
            double b = 0.001 * Math.pow(0.999, j) / f2;
            sum += a * a / b;
        }
        assertEquals(Math.sqrt(sum), c[2], 1e-12);
        // the limit √((1 − β₁)²/((1 − β₂)(1 − β₁²/β₂))) ≈ 7.27, approached from below
        double limit = Math.sqrt(0.01 / (0.001 * (1 - 0.81 / 0.999)));
        assertTrue(c[2999] < limit && c[2999] > 0.95 * limit, "c_3000 = " + c[2999]);
    }

    @Test
    void theBoundIsReachedByTheGradientsThatCauchySchwarzNames() {
        // g_k ∝ a_k / b_k turns the inequality into an equality: the bound is the largest step
        int t = 50;
        double f1 = 1 - Math.pow(0.9, t);
        double f2 = 1 - Math.pow(0.999, t);
        Adam adam = new Adam(1.0, 0.9, 0.999, 0, true);
        double step = 0;
        for (int k = 1; k <= t; k++) {
            double a = 0.1 * Math.pow(0.9, t - k) / f1;
            double b = 0.001 * Math.pow(0.999, t - k) / f2;
            step = Math.abs(adam.update(new double[] {a / b})[0]);
        }
        assertEquals(AdamStepBound.bound(0.9, 0.999, t)[t - 1], step, 1e-9);
    }

    @Test
    void theChecksHoldForTwentySeedsAndSingleStepsExceedEta() {
        for (long seed = 1; seed <= 20; seed++) {
            AdamStepBound r = AdamStepBound.simulate(0.9, 0.999, 1e-8, new NoisyGradient(0.5, 1.0), 500, 1000,
                    Seeded.rng(seed, "adam step sizes"));
            r.checkClaims();
            assertTrue(r.meanStep()[499] > 0.35 && r.meanStep()[499] < 0.55, "mean step " + r.meanStep()[499]);
        }
    }

    @Test
    void theClaimThatEveryCorrectedStepIsAtMostEtaIsRejected() {
        // power: the bound c_t = 1 (Kingma and Ba's "|Δθ| ≤ η" read as exact) fails on the same runs
        AdamStepBound r = AdamStepBound.simulate(0.9, 0.999, 1e-8, new NoisyGradient(0.5, 1.0), 500, 1000,
                Seeded.rng(1L, "adam step sizes"));
        double largest = 0;
        for (double s : r.largestStep()) {
            largest = Math.max(largest, s);
        }
        AdamStepBound wrong = new AdamStepBound(r.beta1(), r.beta2(), r.epsHat(), r.stream(), r.runs(), r.meanStep(),
                r.largestStep(), new double[r.steps()], largest, r.runsAboveEta());
        assertTrue(largest > 1.05, "largest step " + largest);
        assertThrows(AssertionError.class, wrong::checkClaims);
    }

    @Test
    void withEqualRatesNoStepExceedsEtaAndTheSecondCheckFails() {
        // β₁ = β₂: the two averages use the same weights, Cauchy–Schwarz gives |m̂|/√ŝ ≤ 1
        AdamStepBound r = AdamStepBound.simulate(0.9, 0.9, 0, new NoisyGradient(0.5, 1.0), 200, 200, new Random(3));
        assertEquals(0, r.runsAboveEta());
        assertThrows(AssertionError.class, r::checkClaims);
    }

    @Test
    void badArgumentsNameTheArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AdamStepBound.bound(0.9, 0, 10));
        assertTrue(e.getMessage().contains("beta2"), e.getMessage());
    }
}
