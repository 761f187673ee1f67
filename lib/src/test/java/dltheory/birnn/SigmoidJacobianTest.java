package dltheory.birnn;

import dltheory.rnn.Activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Notebook 06, erratum 3: σ′ and the sigmoid Jacobian against central differences. */
class SigmoidJacobianTest {

    @Test
    void onesVectorFormMatchesCentralDifferencesAndIdentityFormDoesNot() {
        Random rng = new Random(606);
        for (int h : new int[] {2, 4, 8}) {
            double[] a = new double[h];
            for (int i = 0; i < h; i++) {
                a[i] = 2 * rng.nextGaussian();
            }
            assertTrue(SigmoidJacobian.error(SigmoidJacobian.Form.ONES_VECTOR, a) < 1e-8);
            assertTrue(SigmoidJacobian.error(SigmoidJacobian.Form.IDENTITY_MATRIX, a) > 0.1, "H = " + h);
        }
    }

    @Test
    void bothReadingsCoincideForOneUnit() {
        double[] a = {0.7};
        assertEquals(0, SigmoidJacobian.error(SigmoidJacobian.Form.IDENTITY_MATRIX, a)
                - SigmoidJacobian.error(SigmoidJacobian.Form.ONES_VECTOR, a), 1e-15);
    }

    @Test
    void derivativeMatchesCentralDifferencesAndAWrongDerivativeWouldNot() {
        double[] xs = {-4, -1, 0, 0.7, 3};
        assertTrue(SigmoidJacobian.derivativeError(xs) < 1e-8);
        // σ(1 − σ) is right; σ(1 − σ)² or 1 − σ² (tanh's rule) is far off at the same points.
        double worst = 0;
        for (double x : xs) {
            double s = Activation.SIGMOID.value(x);
            worst = Math.max(worst, Math.abs(1 - s * s - s * (1 - s)) / (s * (1 - s)));
        }
        assertTrue(worst > 0.1);
    }

    @Test
    void badPointsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> SigmoidJacobian.measured(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> SigmoidJacobian.error(SigmoidJacobian.Form.ONES_VECTOR,
                new double[] {Double.NaN}));
    }
}
