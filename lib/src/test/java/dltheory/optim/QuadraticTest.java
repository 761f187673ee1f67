package dltheory.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import dltheory.check.Gradients;

class QuadraticTest {

    private static final long SEED = 20190319L;

    @Test
    void gradientMatchesCentralDifferences() {
        Random rng = new Random(SEED);
        for (int k = 0; k < 10; k++) {
            Quadratic f = Quadratic.rotated(0.1 + 3 * rng.nextDouble(), 0.01 + rng.nextDouble(), 6 * rng.nextDouble());
            double[] x = {3 * rng.nextGaussian(), 3 * rng.nextGaussian()};
            double err = Gradients.relativeError(f.gradient(x), Gradients.centralDifference(f::value, x));
            assertTrue(err < 1e-8, "relative error " + err);
        }
    }

    @Test
    void rotatedBowlHasTheRequestedEigenvalues() {
        Random rng = new Random(SEED + 1);
        for (int k = 0; k < 10; k++) {
            double l1 = 0.1 + 3 * rng.nextDouble();
            double l2 = 0.01 + rng.nextDouble();
            DMatrixRMaj a = Quadratic.rotated(l1, l2, 6 * rng.nextDouble()).matrix();
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(2, false, true);
            assertTrue(eig.decompose(a));
            double[] got = {eig.getEigenvalue(0).real, eig.getEigenvalue(1).real};
            double[] want = {l1, l2};
            Arrays.sort(got);
            Arrays.sort(want);
            assertEquals(want[0], got[0], 1e-12);
            assertEquals(want[1], got[1], 1e-12);
        }
    }

    @Test
    void valueIsHalfThetaDotGradient() {
        Quadratic f = Quadratic.rotated(2.0, 0.5, 0.0);
        assertEquals(0.5 * (2.0 * 9 + 0.5 * 4), f.value(new double[] {3, 2}), 1e-12);
    }
}
