package dltheory.weightnorm;

import static dltheory.weightnorm.WeightNormTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import dltheory.check.Gradients;
import dltheory.random.Seeded;

class LogisticRegressionTest {

    private static final long SEED = 45L;

    @Test
    void gradientsMatchCentralDifferences() {
        for (int seed = 0; seed < 3; seed++) {
            Random rng = Seeded.rng(SEED + seed, "grad");
            for (int d : new int[] {1, 4, 12}) {
                LogisticRegression m = LogisticRegression.synthetic(50, d, rng);
                double[] w = Seeded.normal(d, 0, 1, rng);
                double beta = 0.3;
                double err = Gradients.relativeError(m.gradientW(w, beta), Gradients.centralDifference(v -> m.loss(v, beta), w));
                assertTrue(err <= 1e-7, "relative error " + err);
                double numeric = Gradients.centralDifference(b -> m.loss(w, b[0]), new double[] {beta})[0];
                assertEquals(numeric, m.gradientBeta(w, beta), 1e-8);
            }
        }
    }

    @Test
    void gradientOfTheWeightNormalizedLossMatchesCentralDifferences() {
        Random rng = Seeded.rng(SEED, "wn");
        LogisticRegression m = LogisticRegression.synthetic(200, 10, rng);
        double[] u = Seeded.normal(10, 0, 1, rng);
        double[] analytic = WeightNorm.gradientU(u, 1.5, m.gradientW(WeightNorm.weight(u, 1.5), 0.2));
        double err = Gradients.relativeError(analytic, Gradients.centralDifference(v -> m.lossOf(v, 1.5, 0.2), u));
        assertTrue(err <= 1e-6, "relative error " + err);
    }

    @Test
    void lossIsLogTwoAtZeroAndStableForHugeLogits() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1}, {-1}});
        LogisticRegression m = new LogisticRegression(x, new double[] {1, 0});
        assertEquals(Math.log(2), m.loss(new double[] {0}, 0), 1e-15);
        assertEquals(0, m.loss(new double[] {1000}, 0), 1e-300);
        assertEquals(1000, m.loss(new double[] {-1000}, 0), 1e-9);
    }

    @Test
    void syntheticLabelsAreBothClasses() {
        LogisticRegression m = LogisticRegression.synthetic(200, 5, Seeded.rng(SEED, "labels"));
        double ones = 0;
        for (double t : m.t()) {
            ones += t;
        }
        assertTrue(ones > 20 && ones < 180, "ones " + ones);
    }

    @Test
    void badInputIsRejected() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, 0}, {0, 1}});
        assertMessage(() -> new LogisticRegression(x, new double[] {1}), "t must have length 2 (one label per row of x)");
        assertMessage(() -> new LogisticRegression(x, new double[] {1, 0.5}), "t[1] must be 0 or 1");
        LogisticRegression m = new LogisticRegression(x, new double[] {1, 0});
        assertMessage(() -> m.loss(new double[] {1}, 0), "w must have length 2");
        assertMessage(() -> m.gradientW(new double[] {1, Double.NaN}, 0), "w must be finite, got NaN at index 1");
        assertMessage(() -> m.lossOf(new double[] {0, 0}, 1, 0), "u must be non-zero");
        assertMessage(() -> LogisticRegression.synthetic(1, 2, new Random(1)), "n must be >= 2");
        assertMessage(() -> LogisticRegression.synthetic(5, 0, new Random(1)), "d must be >= 1");
    }
}
