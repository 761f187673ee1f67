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
        r.checkClaims();
    }

    @Test
    void theCheckFailsWhenTheExamplesAreNotWeighted() {
        LogisticPenalty r = LogisticPenalty.estimate(X, beta, 0.95, 2000, Seeded.rng(3L, "masks"));
        LogisticPenalty swapped = new LogisticPenalty(r.monteCarlo(), r.se(), r.plainSe(), r.unweighted(),
                r.remainder(), r.bound(), r.quadratic(), r.masks());
        assertThrows(AssertionError.class, swapped::checkClaims);
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
    void theRemainderBoundIsTheLagrangeBoundWithExactMoments() {
        // one example, one feature: δ = ε·c with ε = r/p − 1, so E|δ|³ = |c|³(pλ³ + (1 − p)) exactly,
        // and the bound's Cauchy–Schwarz step √(E δ²·E δ⁴) must lie above it
        double p = 0.8;
        double lambda = (1 - p) / p;
        DMatrixRMaj one = new DMatrixRMaj(new double[][] {{1.5}});
        double exact = Math.pow(3.0, 3) * (p * Math.pow(lambda, 3) + (1 - p));
        double cs = Math.sqrt(lambda * 9 * (p * Math.pow(lambda, 4) + 1 - p) * 81);
        assertEquals(LogisticPenalty.SUP_THIRD_DERIVATIVE / 6 * cs, LogisticPenalty.remainderBound(one, new double[] {2}, p),
                1e-12);
        assertTrue(cs >= exact);
        // sup |A‴| = 1/(6√3): the largest of |σ(1 − σ)(1 − 2σ)| on a fine grid
        double max = 0;
        for (double z = -10; z <= 10; z += 1e-4) {
            double s = 1 / (1 + Math.exp(-z));
            max = Math.max(max, Math.abs(s * (1 - s) * (1 - 2 * s)));
        }
        assertEquals(LogisticPenalty.SUP_THIRD_DERIVATIVE, max, 1e-9);
    }

    @Test
    void theChecksHoldForTwentyDrawsOfTheNotebooksExperiment() {
        for (long seed = 1; seed <= 20; seed++) {
            DMatrixRMaj x = Seeded.normal(200, 20, 0.0, 1.0, Seeded.rng(seed, "logistic X"));
            double[] b = Seeded.normal(20, 0.0, 2 / Math.sqrt(20), Seeded.rng(seed, "logistic beta"));
            LogisticPenalty r = LogisticPenalty.estimate(x, b, 0.95, 1000, Seeded.rng(seed, "logistic masks"));
            r.checkClaims();
            // the bound holds for the remainder itself, and leaves the unweighted form out of reach
            assertTrue(Math.abs(r.remainder()) <= r.bound(), "seed " + seed);
            // power: the unweighted sum used as R_q fails for every draw
            LogisticPenalty swapped = new LogisticPenalty(r.monteCarlo(), r.se(), r.plainSe(), r.unweighted(),
                    r.remainder(), r.bound(), r.quadratic(), r.masks());
            assertThrows(AssertionError.class, swapped::checkClaims, "seed " + seed);
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
