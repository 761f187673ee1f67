package dltheory.dropout;

import dltheory.linalg.Vectors;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import dltheory.check.MonteCarlo;
import dltheory.check.Stats;
import dltheory.random.Seeded;

class RegressionDataTest {

    private static final long SEED = 6135_0204L;

    @Test
    void theSameSeedGivesTheSameDataAndResidualsHaveTheNoiseLevel() {
        RegressionData a = RegressionData.synthetic(2000, 4, 0.5, Seeded.rng(SEED, "d"));
        RegressionData b = RegressionData.synthetic(2000, 4, 0.5, Seeded.rng(SEED, "d"));
        assertArrayEquals(a.y(), b.y());
        double[] fit = Vectors.times(a.X(), a.wTrue());
        double[] residual = new double[fit.length];
        for (int i = 0; i < fit.length; i++) {
            residual[i] = a.y()[i] - fit[i];
        }
        Stats s = Stats.of(residual);
        assertEquals(0, s.mean(), MonteCarlo.tolerance(0.5, 2000));
        assertEquals(0.25, s.variance(), MonteCarlo.K * MonteCarlo.varianceStandardError(0.25, 2000));
        for (double wj : a.wTrue()) {
            assertTrue(Math.abs(wj) >= 1 && Math.abs(wj) <= 2);
        }
    }

    @Test
    void columnScalesSetTheColumnNorms() {
        double[] scales = {1, 10, 0.1};
        RegressionData d = RegressionData.synthetic(4000, 3, 0.1, scales, Seeded.rng(SEED, "scales"));
        double[] g2 = d.columnSquaredNorms();
        for (int j = 0; j < 3; j++) {
            double expected = 4000 * scales[j] * scales[j];
            // ‖x_j‖² / s² is χ² with n degrees of freedom: sd √(2n)
            assertEquals(expected, g2[j], MonteCarlo.K * Math.sqrt(2 * 4000) * scales[j] * scales[j]);
        }
    }

    @Test
    void rescalingKeepsPredictionsAndTargets() {
        RegressionData d = RegressionData.synthetic(30, 3, 0.1, Seeded.rng(SEED, "r"));
        RegressionData scaled = d.withColumnScaled(1, 10);
        RegressionData equal = d.withColumnSquaredNorms(30);
        assertArrayEquals(d.y(), scaled.y());
        assertArrayEquals(Vectors.times(d.X(), d.wTrue()), Vectors.times(scaled.X(), scaled.wTrue()), 1e-12);
        assertArrayEquals(Vectors.times(d.X(), d.wTrue()), Vectors.times(equal.X(), equal.wTrue()), 1e-12);
        assertEquals(100 * d.columnSquaredNorms()[1], scaled.columnSquaredNorms()[1], 1e-9);
        assertArrayEquals(new double[] {30, 30, 30}, equal.columnSquaredNorms(), 1e-9);
    }

    @Test
    void accessorsReturnCopies() {
        RegressionData d = RegressionData.synthetic(5, 2, 0.1, Seeded.rng(SEED, "c"));
        DMatrixRMaj X = d.X();
        X.set(0, 0, 1e9);
        d.y()[0] = 1e9;
        assertTrue(d.X().get(0, 0) != 1e9 && d.y()[0] != 1e9);
    }

    @Test
    void orthogonalColumnsKeepThePredictions() {
        RegressionData d = RegressionData.synthetic(30, 4, 0.5, dltheory.random.Seeded.rng(9L, "orth"));
        RegressionData o = d.withOrthogonalColumns(30);
        org.ejml.data.DMatrixRMaj G = DropoutRegression.gram(o.X());
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                org.junit.jupiter.api.Assertions.assertEquals(i == j ? 30 : 0, G.get(i, j), 1e-9, i + "," + j);
            }
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(
                dltheory.linalg.Vectors.times(d.X(), d.wTrue()), dltheory.linalg.Vectors.times(o.X(), o.wTrue()), 1e-9);
        org.junit.jupiter.api.Assertions.assertArrayEquals(d.y(), o.y(), 0);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> d.withOrthogonalColumns(0));
    }
}
