package dltheory.weightnorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import dltheory.check.Gradients;

class DataDependentInitTest {

    private static final long SEED = 2016L;
    private static final double ROUNDING_TOL = 1e-12;
    /** Monte Carlo: k standard errors. */
    private static final double K = 5;

    @Test
    void theInitializationStandardizesTheBatchAndEstimatesThePopulationValues() {
        Random rng = new Random(SEED);
        for (int trial = 0; trial < 10; trial++) {
            int d = 2 + rng.nextInt(5);
            int n = 4_000;
            double[] mean = Inputs.constant(d, rng.nextGaussian() * 2);
            DMatrixRMaj cov = Inputs.equicorrelated(d, 0.6 * rng.nextDouble());
            double[] u = dltheory.random.Seeded.normal(d, 0, 1, rng);
            DMatrixRMaj x = Inputs.gaussian(n, mean, cov, rng);
            DataDependentInit.Init init = DataDependentInit.of(x, u);
            BatchMoments own = BatchNorm.moments(DataDependentInit.preActivations(x, u, init));
            assertEquals(0, own.mean(), 1e-12);
            assertEquals(1, own.std(), 1e-12);
            // γ = 1/σ̂ with σ̂ of relative standard error 1/√(2n); β = −μ̂/σ̂ with μ̂ of standard error σ/√n
            DataDependentInit.Init star = DataDependentInit.population(mean, cov, u);
            assertEquals(star.gamma(), init.gamma(), K * star.gamma() / Math.sqrt(2 * n), "γ, trial " + trial);
            double betaSe = Math.sqrt(1.0 / n + star.beta() * star.beta() / (2.0 * n));
            assertEquals(star.beta(), init.beta(), K * betaSe, "β, trial " + trial);
        }
    }

    @Test
    void onAFreshBatchThePreActivationsAreStandardWithinSamplingError() {
        InputSample s = InputSample.gaussian("shifted", 2_000, Inputs.constant(4, 1.5), Inputs.equicorrelated(4, 0.5),
                new Random(SEED + 1));
        double[] u = {1, -0.5, 2, 0.3};
        int n = 5_000;
        DataDependentInit.InitCheck rows = DataDependentInit.check(s, u, n, new Random(SEED + 2));
        assertEquals(0, rows.ownBatch().mean(), ROUNDING_TOL);
        assertEquals(1, rows.ownBatch().std(), ROUNDING_TOL);
        // fresh batch, in standard units: μ̂ of the init batch errs by 1/√2000, and σ̂ by 1/√(2·2000)
        // relative, which moves the mean by |β*| times that; the fresh batch's own moments add
        // 1/√n to the mean and 1/√(2n) to the std
        double betaStar = DataDependentInit.population(s.mean(), s.covariance(), u).beta();
        double seMean = Math.sqrt(1.0 / 2_000 + betaStar * betaStar / (2.0 * 2_000) + 1.0 / n);
        double seStd = Math.sqrt(1.0 / (2.0 * 2_000) + 1.0 / (2.0 * n));
        assertEquals(0, rows.freshBatch().mean(), K * seMean);
        assertEquals(1, rows.freshBatch().std(), K * seStd);
        assertTrue(Math.abs(rows.freshBatch().mean()) > 0, "a fresh batch is not standardized exactly");
        assertEquals(2, rows.table().rowCount());
    }

    @Test
    void meanOnlyBatchNormCentresTheGradient() {
        Random rng = new Random(SEED + 3);
        for (int trial = 0; trial < 10; trial++) {
            int n = 2 + rng.nextInt(8);
            double[] t = dltheory.random.Seeded.normal(n, 0, 1, rng);
            double[] c = dltheory.random.Seeded.normal(n, 0, 1, rng);
            double beta = rng.nextGaussian();
            // L(t) = Σ cᵢ yᵢ + ½ Σ yᵢ², so ∇_y L = c + y
            java.util.function.ToDoubleFunction<double[]> loss = v -> {
                double[] y = DataDependentInit.meanOnly(v, beta);
                double s = 0;
                for (int i = 0; i < y.length; i++) {
                    s += c[i] * y[i] + 0.5 * y[i] * y[i];
                }
                return s;
            };
            double[] y = DataDependentInit.meanOnly(t, beta);
            double[] gradY = new double[n];
            for (int i = 0; i < n; i++) {
                gradY[i] = c[i] + y[i];
            }
            double[] analytic = DataDependentInit.meanOnlyBackward(gradY);
            double[] numeric = Gradients.centralDifference(loss, t);
            assertTrue(Gradients.relativeError(analytic, numeric) < 1e-7, "trial " + trial);
            // passing ∇_y L through unchanged (no centring) is wrong whenever mean(∇_y L) ≠ 0
            assertTrue(Gradients.relativeError(gradY, numeric) > 1e-3, "trial " + trial);
            assertEquals(beta, BatchNorm.moments(y).mean(), ROUNDING_TOL);
        }
    }

    @Test
    void badArgumentsAreNamed() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, 2}, {1, 3}});
        assertMessage(() -> DataDependentInit.of(x, new double[] {1, 0}), "σ[t] > 0");
        assertMessage(() -> DataDependentInit.of(x, new double[] {0, 0}), "u");
        assertMessage(() -> DataDependentInit.meanOnly(new double[] {1}, 0), "y must hold a batch");
        assertMessage(() -> DataDependentInit.meanOnly(new double[] {1, 2}, Double.NaN), "beta");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(text), e.getMessage());
    }
}
