package dltheory.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dltheory.random.Seeded;

/**
 * The check cell of notebook 00 (claim 00.sample-moments): the mean and the variance of n = 40,000
 * N(0, 1) draws within four standard errors of 0 and 1. It holds for every seed tried, and it
 * catches a 5 % error: a mean of 0.05σ (10 SE) or a variance of 1.05 (7 SE).
 */
class IntroSampleCheckTest {

    /** The notebook's n. */
    private static final int N = 40_000;
    private static final int SEEDS = 100;

    @RegisterExtension
    final CapturedStdout stdout = new CapturedStdout();

    /** The notebook's check cell on {@code draws}; true when both checks pass. */
    private static boolean checkCellPasses(double[] draws) {
        Stats sample = Stats.of(draws);
        try {
            Check.withinStandardErrors(sample.mean(), sample.standardError(), 0.0, MonteCarlo.K,
                    "mean of n draws of N(0, 1)");
            Check.close(sample.variance(), 1.0, MonteCarlo.K * MonteCarlo.varianceStandardError(1.0, N),
                    "variance of n draws of N(0, 1)");
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    private static int passes(double mean, double std) {
        int passed = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            passed += checkCellPasses(Seeded.normal(N, mean, std, Seeded.rng(seed, "one sample"))) ? 1 : 0;
        }
        return passed;
    }

    @Test
    void theClaimHoldsForEverySeedTried() {
        assertEquals(SEEDS, passes(0, 1));
    }

    @Test
    void aFivePercentErrorIsCaught() {
        int shiftedMean = passes(0.05, 1);
        int widerVariance = passes(0, Math.sqrt(1.05));
        assertTrue(shiftedMean <= SEEDS / 10, "a mean of 0.05 passed for " + shiftedMean + " seeds");
        assertTrue(widerVariance <= SEEDS / 10, "a variance of 1.05 passed for " + widerVariance + " seeds");
    }
}
