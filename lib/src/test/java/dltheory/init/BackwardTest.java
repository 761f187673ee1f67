package dltheory.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import dltheory.check.Gradients;
import dltheory.check.MonteCarlo;

class BackwardTest {

    private static final long SEED = 20190315L;
    /** Relative error allowed between backpropagation and central differences. */
    private static final double GRADIENT_TOL = 1e-7;

    @Test
    void inputGradientMatchesCentralDifferences() {
        for (Activation g : new Activation[] {Activation.TANH, Activation.IDENTITY, Activation.RELU, Activation.leakyRelu(0.1)}) {
            for (long seed = SEED; seed < SEED + 3; seed++) {
                Random rng = new Random(seed);
                int d = 5;
                int n = 3;
                Net net = Net.draw(Init.HE_NORMAL.withBias(0.1), g, 4, d, rng);
                DMatrixRMaj x = Net.standardInputs(d, n, rng);
                DMatrixRMaj r = Backward.topGradient(d, n, rng);
                double[] analytic = Backward.inputGradient(net, x, r).data;
                double[] numeric = Gradients.centralDifference(v -> loss(net, v, d, n, r), x.data.clone());
                assertTrue(Gradients.relativeError(analytic, numeric) < GRADIENT_TOL,
                        g + ": relative error " + Gradients.relativeError(analytic, numeric));
            }
        }
    }

    @Test
    void heKeepsTheGradientVarianceAndTheLinearSchemeHalvesIt() {
        for (long seed = SEED; seed < SEED + 3; seed++) {
            GradientSweep he = Backward.sweep(Init.HE_NORMAL, Activation.RELU, 20, 64, 128, new Random(seed));
            GradientSweep half = Backward.sweep(Init.LINEAR_NORMAL, Activation.RELU, 20, 64, 128, new Random(seed));
            for (int t = 1; t <= 20; t++) {
                assertEquals(1, he.predicted(t), 1e-12);
                assertTrue(he.z(t) <= MonteCarlo.K, "He t=" + t + " z=" + he.z(t));
                assertTrue(half.z(t) <= MonteCarlo.K, "1/d t=" + t + " z=" + half.z(t));
            }
            Estimate f = half.layerFactor();
            assertEquals(0.5, f.value(), MonteCarlo.K * f.standardError());
            Estimate one = he.layerFactor();
            assertEquals(1, one.value(), MonteCarlo.K * one.standardError());
        }
    }

    @Test
    void identityAndTanhFollowTheirPredictions() {
        for (Activation g : new Activation[] {Activation.IDENTITY, Activation.TANH}) {
            GradientSweep s = Backward.sweep(Init.LINEAR_NORMAL, g, 15, 64, 128, new Random(SEED));
            for (int t = 1; t <= 15; t++) {
                assertTrue(s.z(t) <= MonteCarlo.K, g + " t=" + t + " z=" + s.z(t));
            }
            assertEquals(15, s.table().rowCount());
        }
    }

    @Test
    void badArgumentsAreRejected() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Backward.sweep(Init.HE_NORMAL, Activation.RELU, 1, 8, 8, new Random(1)))
                .getMessage().contains("depth must be >= 2"));
        assertThrows(IllegalArgumentException.class, () -> Backward.sweep(Init.HE_NORMAL, Activation.RELU, 3, 1, 8, new Random(1)));
        assertThrows(IllegalArgumentException.class, () -> Backward.sweep(Init.HE_NORMAL, Activation.RELU, 3, 8, 1, new Random(1)));
    }

    /** L = Σ r ⊙ a⁽ᴸ⁾ at inputs v. */
    private static double loss(Net net, double[] v, int d, int n, DMatrixRMaj r) {
        DMatrixRMaj out = net.output(DMatrixRMaj.wrap(d, n, v));
        double s = 0;
        for (int k = 0; k < out.data.length; k++) {
            s += r.data[k] * out.data[k];
        }
        return s;
    }
}
