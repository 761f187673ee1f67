package dltheory.optim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import dltheory.check.MonteCarlo;

/** Q3.3 by simulation: E[v_n] = (1 − βⁿ)μ, E[v_n/(1 − βⁿ)] = μ, and Adam's moments. */
class AverageBiasTest {

    private static final long SEED = 20190317L;
    private static final int RUNS = 4000;
    private static final int[] NS = {1, 2, 5, 20, 100, 300};

    @Test
    void meanOfTheRunningAverageIsTheBiasFactorTimesMu() {
        NoisyGradient stream = new NoisyGradient(1.5, 1.0);
        for (double beta : new double[] {0.5, 0.9, 0.99}) {
            AverageBias b = AverageBias.simulate(beta, stream, 300, RUNS, new Random(SEED));
            double[] expected = b.expected();
            for (int n : NS) {
                double z = Math.abs(b.mean()[n - 1] - expected[n - 1]) / b.standardError(n);
                assertTrue(z <= MonteCarlo.K, "beta=" + beta + " n=" + n + ": " + z + " SE");
                double zc = Math.abs(b.meanCorrected()[n - 1] - stream.mu()) / b.standardErrorCorrected(n);
                assertTrue(zc <= MonteCarlo.K, "corrected beta=" + beta + " n=" + n + ": " + zc + " SE");
            }
        }
    }

    @Test
    void theUncorrectedAverageIsDetectablyBiasedEarly() {
        NoisyGradient stream = new NoisyGradient(1.5, 1.0);
        AverageBias b = AverageBias.simulate(0.9, stream, 5, RUNS, new Random(SEED + 1));
        for (int n = 1; n <= 5; n++) {
            double z = Math.abs(b.mean()[n - 1] - stream.mu()) / b.standardError(n);
            assertTrue(z > 10 * MonteCarlo.K, "n=" + n + ": only " + z + " SE from mu");
        }
    }

    @Test
    void varianceOfTheRunningAverageMatchesItsClosedForm() {
        NoisyGradient stream = new NoisyGradient(0.0, 2.0);
        for (double beta : new double[] {0.0, 0.9, 0.99}) {
            AverageBias b = AverageBias.simulate(beta, stream, 300, RUNS, new Random(SEED + 2));
            for (int n : NS) {
                double want = b.expectedVariance(n);
                double tol = MonteCarlo.K * MonteCarlo.varianceStandardError(want, RUNS);
                assertTrue(Math.abs(b.variance()[n - 1] - want) <= tol,
                        "beta=" + beta + " n=" + n + ": " + b.variance()[n - 1] + " vs " + want);
            }
        }
    }

    @Test
    void adamsMomentsAreBiasedAndItsCorrectedMomentsAreNot() {
        NoisyGradient stream = new NoisyGradient(0.5, 1.0);
        for (int t : new int[] {1, 3, 10}) {
            AdamMoments a = AdamMoments.simulate(0.9, 0.999, t, stream, RUNS, new Random(SEED + 3 + t));
            assertTrue(Math.abs(a.m().mean() - a.expectedM()) <= MonteCarlo.K * a.m().standardError(), "m at t=" + t);
            assertTrue(Math.abs(a.s().mean() - a.expectedS()) <= MonteCarlo.K * a.s().standardError(), "s at t=" + t);
            assertTrue(Math.abs(a.mHat().mean() - stream.mu()) <= MonteCarlo.K * a.mHat().standardError(), "m̂ at t=" + t);
            assertTrue(Math.abs(a.sHat().mean() - stream.secondMoment()) <= MonteCarlo.K * a.sHat().standardError(),
                    "ŝ at t=" + t);
            // the raw second moment is far below its target: (1 − β₂ᵗ) ≤ 0.01 for t ≤ 10
            assertTrue(a.s().mean() < 0.05 * stream.secondMoment(), "s_t is biased at t=" + t);
        }
    }
}
