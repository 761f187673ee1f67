package dltheory.weightnorm;

import static dltheory.weightnorm.WeightNormTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

import dltheory.check.Stats;
import dltheory.random.Seeded;

class BatchNormTest {

    private static final long SEED = 42L;

    @Test
    void momentsAreTheBatchMeanAndTheBiasedStd() {
        Random rng = Seeded.rng(SEED, "moments");
        for (int n : new int[] {2, 3, 10, 1000}) {
            double[] y = Seeded.normal(n, 1.5, 2, rng);
            Stats s = Stats.of(y);
            BatchMoments m = BatchNorm.moments(y);
            assertEquals(n, m.n());
            assertEquals(s.mean(), m.mean(), 1e-12);
            assertEquals(Math.sqrt(s.variance() * (n - 1) / n), m.std(), 1e-12);
        }
    }

    @Test
    void normalizedBatchHasMeanBetaAndStdGamma() {
        Random rng = Seeded.rng(SEED, "normalize");
        for (int n : new int[] {2, 7, 500}) {
            double[] y = Seeded.normal(n, -3, 0.2, rng);
            BatchMoments m = BatchNorm.moments(BatchNorm.normalize(y, 2.5, 0.7));
            assertEquals(0.7, m.mean(), 1e-12);
            assertEquals(2.5, m.std(), 1e-12);
        }
    }

    @Test
    void badBatchesAreRejected() {
        assertMessage(() -> BatchNorm.moments(new double[] {1}), "y must hold a batch of at least 2 values");
        assertMessage(() -> BatchNorm.moments(null), "y must hold a batch");
        assertMessage(() -> BatchNorm.moments(new double[] {1, Double.NaN}), "y must be finite, got NaN at index 1");
        assertMessage(() -> BatchNorm.normalize(new double[] {2, 2, 2}, 1, 0), "y must vary over the batch");
        assertMessage(() -> BatchNorm.normalize(new double[] {1, 2}, Double.NaN, 0), "gamma must be finite");
        assertMessage(() -> BatchNorm.normalize(new double[] {1, 2}, 1, Double.NaN), "beta must be finite");
    }
}
