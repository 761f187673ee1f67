package dltheory.weightnorm;

import static dltheory.weightnorm.WeightNormTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import dltheory.check.MonteCarlo;
import dltheory.random.Seeded;

class InputsTest {

    private static final long SEED = 43L;

    @Test
    void gaussianSampleHasTheRequestedMeanAndCovariance() {
        Random rng = Seeded.rng(SEED, "gaussian");
        int n = 20_000;
        for (int d : new int[] {1, 3, 6}) {
            double[] mean = Seeded.normal(d, 0, 2, rng);
            DMatrixRMaj sigma = Inputs.equicorrelated(d, 0.4);
            sigma.set(0, 0, 2.0);                                   // keep it positive definite, not unit
            DMatrixRMaj x = Inputs.gaussian(n, mean, sigma, rng);
            double[] m = Inputs.batchMean(x);
            DMatrixRMaj s = Inputs.batchCovariance(x);
            for (int i = 0; i < d; i++) {
                assertEquals(mean[i], m[i], MonteCarlo.tolerance(Math.sqrt(sigma.get(i, i)), n));
                for (int j = 0; j < d; j++) {
                    // Var of a Gaussian sample covariance entry: (Σᵢᵢ Σⱼⱼ + Σᵢⱼ²)/n
                    double se = Math.sqrt(sigma.get(i, i) * sigma.get(j, j) + sigma.get(i, j) * sigma.get(i, j));
                    assertEquals(sigma.get(i, j), s.get(i, j), MonteCarlo.tolerance(se, n), "entry " + i + "," + j);
                }
            }
        }
    }

    @Test
    void whitenedBatchHasMeanZeroAndIdentityCovariance() {
        for (int seed = 0; seed < 4; seed++) {
            Random rng = Seeded.rng(SEED + seed, "whiten");
            for (int d : new int[] {1, 2, 8}) {
                DMatrixRMaj x = Inputs.gaussian(50 + 10 * d, Inputs.constant(d, 3), Inputs.equicorrelated(d, 0.7), rng);
                DMatrixRMaj w = Inputs.whiten(x);
                double[] m = Inputs.batchMean(w);
                DMatrixRMaj s = Inputs.batchCovariance(w);
                for (int i = 0; i < d; i++) {
                    assertEquals(0, m[i], 1e-12);
                    for (int j = 0; j < d; j++) {
                        assertEquals(i == j ? 1 : 0, s.get(i, j), 1e-12);
                    }
                }
            }
        }
    }

    @Test
    void quadraticFormAndEquicorrelatedCovariance() {
        DMatrixRMaj s = Inputs.equicorrelated(4, 0.5);
        // uᵀΣu with u = 1: (1 − c)·d + c·d² = 2 + 8
        assertEquals(10, Inputs.quadratic(s, Inputs.constant(4, 1)), 1e-12);
        assertEquals(1, s.get(2, 2));
        assertEquals(0.5, s.get(1, 3));
    }

    @Test
    void projectIsTheRowwiseInnerProduct() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, 2}, {3, -1}});
        double[] y = Inputs.project(x, new double[] {2, 1});
        assertEquals(4, y[0]);
        assertEquals(5, y[1]);
    }

    @Test
    void badInputIsRejected() {
        Random rng = Seeded.rng(SEED, "bad");
        assertMessage(() -> Inputs.equicorrelated(3, -0.6), "c must be in (-0.5, 1)");
        assertMessage(() -> Inputs.equicorrelated(3, 1), "c must be in");
        assertMessage(() -> Inputs.constant(0, 1), "d must be >= 1");
        assertMessage(() -> Inputs.gaussian(1, new double[] {0}, Inputs.identity(1), rng), "n must be >= 2");
        assertMessage(() -> Inputs.gaussian(5, new double[] {0, 0}, Inputs.identity(3), rng), "covariance must be 2×2");
        assertMessage(() -> Inputs.gaussian(5, new double[] {0, Double.NaN}, Inputs.identity(2), rng), "mean must be finite, got NaN at index 1");
        DMatrixRMaj notPd = new DMatrixRMaj(new double[][] {{1, 2}, {2, 1}});
        assertMessage(() -> Inputs.gaussian(5, new double[] {0, 0}, notPd, rng), "covariance must be symmetric positive definite");
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, 2}, {3, Double.NaN}});
        assertMessage(() -> Inputs.whiten(x), "x must be finite");
        assertMessage(() -> Inputs.project(new DMatrixRMaj(3, 2), new double[] {1}), "u must have length 2");
        DMatrixRMaj collinear = new DMatrixRMaj(new double[][] {{1, 2}, {2, 4}, {3, 6}});
        assertMessage(() -> Inputs.whiten(collinear), "x must have a non-singular batch covariance");
        assertTrue(Inputs.identity(3).get(1, 1) == 1);
    }
}
