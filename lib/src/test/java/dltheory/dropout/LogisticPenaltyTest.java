package dltheory.dropout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import dltheory.random.Seeded;

/** Wager et al. (2013): dropout on logistic regression penalises each example by σ(1 − σ). */
class LogisticPenaltyTest {

    private final DMatrixRMaj X = Seeded.normal(200, 20, 0, 1, Seeded.rng(1L, "X"));
    private final double[] beta = Seeded.normal(20, 0, 2 / Math.sqrt(20), Seeded.rng(2L, "beta"));

    @Test
    void theWeightedQuadraticPenaltyMatchesMonteCarloAndTheUnweightedOneDoesNot() {
        LogisticPenalty r = LogisticPenalty.estimate(X, beta, 0.95, 2000, Seeded.rng(3L, "masks"));
        r.checkClaims(0.1);
    }

    @Test
    void theCheckFailsWhenTheExamplesAreNotWeighted() {
        LogisticPenalty r = LogisticPenalty.estimate(X, beta, 0.95, 2000, Seeded.rng(3L, "masks"));
        LogisticPenalty swapped = new LogisticPenalty(r.monteCarlo(), r.se(), r.plainSe(), r.unweighted(),
                r.remainder(), r.quadratic(), r.masks());
        assertThrows(AssertionError.class, () -> swapped.checkClaims(0.1));
    }

    @Test
    void theControlVariateResolvesTheRemainderThatThePlainMeanCannot() {
        // issue #31: with 1000 masks the plain mean's SE was as large as R − R_q
        LogisticPenalty r = LogisticPenalty.estimate(X, beta, 0.95, 1000, Seeded.rng(3L, "masks"));
        assertTrue(r.se() < r.plainSe() / 10, r.se() + " vs " + r.plainSe());
        assertTrue(Math.abs(r.remainder()) > 4 * r.se(), "remainder " + r.remainder() + " ± " + r.se());
        assertTrue(Math.abs(r.remainder()) < 2 * r.plainSe(), "the plain mean could not tell it from 0");
        // the plain mean over many more masks agrees with the control-variate estimate
        LogisticPenalty many = LogisticPenalty.estimate(X, beta, 0.95, 20_000, Seeded.rng(4L, "masks"));
        double plainMean = many.monteCarlo();
        assertEquals(r.monteCarlo(), plainMean, 4 * Math.hypot(r.se(), many.se()));
    }

    @Test
    void theChecksHoldForTwentyDrawsOfTheNotebooksExperiment() {
        for (long seed = 1; seed <= 20; seed++) {
            DMatrixRMaj x = Seeded.normal(200, 20, 0.0, 1.0, Seeded.rng(seed, "logistic X"));
            double[] b = Seeded.normal(20, 0.0, 2 / Math.sqrt(20), Seeded.rng(seed, "logistic beta"));
            LogisticPenalty r = LogisticPenalty.estimate(x, b, 0.95, 1000, Seeded.rng(seed, "logistic masks"));
            r.checkClaims(0.1);
            assertTrue(r.relativeRemainder() > -0.1 && r.relativeRemainder() < 0.1, "seed " + seed);
        }
    }

    @Test
    void forTinyWeightsEverySigmaIsOneHalfAndTheTwoFormsAgree() {
        double[] tiny = new double[20];
        for (int j = 0; j < 20; j++) {
            tiny[j] = 1e-6 * beta[j];
        }
        assertEquals(1.0, LogisticPenalty.quadratic(X, tiny, 0.5) / LogisticPenalty.unweighted(X, tiny, 0.5), 1e-9);
    }
}
