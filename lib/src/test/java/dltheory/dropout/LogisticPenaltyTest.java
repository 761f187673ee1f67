package dltheory.dropout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        LogisticPenalty swapped = new LogisticPenalty(r.monteCarlo(), r.se(), r.unweighted(), r.quadratic(), r.masks());
        assertThrows(AssertionError.class, () -> swapped.checkClaims(0.1));
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
