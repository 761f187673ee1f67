package dltheory.rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dltheory.check.Gradients;
import dltheory.linalg.Vectors;

class ClippingTest {

    private static final long SEED = 2013L;
    private static final double ROUNDING_TOL = 1e-12;
    private static final double FD_REL_TOL = 1e-6;

    @Test
    void clippingKeepsTheDirectionAndCapsTheNorm() {
        Random rng = new Random(SEED);
        for (int trial = 0; trial < 50; trial++) {
            int n = 1 + rng.nextInt(6);
            double[] g = new double[n];
            for (int i = 0; i < n; i++) {
                g[i] = Math.exp(4 * rng.nextGaussian()) * rng.nextGaussian();
            }
            double theta = Math.exp(2 * rng.nextGaussian());
            double[] c = Clipping.clip(g, theta);
            double norm = Vectors.norm(g);
            if (norm < theta) {
                assertArrayEquals(g, c, 0, "below θ the gradient is untouched");
            } else {
                assertEquals(theta, Vectors.norm(c), ROUNDING_TOL * theta, "clipped to norm θ");
                assertEquals(1, Vectors.cosine(g, c), ROUNDING_TOL, "same line");
                assertTrue(Vectors.dot(g, c) > 0, "same direction, not reversed");
            }
        }
        assertArrayEquals(new double[] {3, 4}, Clipping.clip(new double[] {3, 4}, Double.POSITIVE_INFINITY));
    }

    @Test
    void theGradientOfTheLinearUnitMatchesCentralDifferences() {
        for (int T : new int[] {1, 2, 5, 20}) {
            for (double w : new double[] {-1.3, -0.4, 0.7, 1.05, 1.2}) {
                double analytic = Clipping.gradient(w, 0.8, T, 2);
                double[] numeric = Gradients.centralDifference(v -> Clipping.loss(v[0], 0.8, T, 2), new double[] {w});
                // relative error, with an absolute floor for gradients near 0 (|w|^{2T−1} tiny)
                assertEquals(numeric[0], analytic, FD_REL_TOL * Math.abs(numeric[0]) + 1e-9,
                        "T=" + T + " w=" + w);
            }
        }
    }

    @Test
    void clippingSavesTheExplodingRunOfTheNotebook() {
        Clipping.Run plain = Clipping.descend(1.2, 1, 20, 2, 1e-3, Double.POSITIVE_INFINITY, 100);
        Clipping.Run clipped = Clipping.descend(1.2, 1, 20, 2, 1e-3, 10, 100);
        assertTrue(plain.diverged(), "plain gradient descent overflows");
        assertTrue(plain.steps() <= 5, "within a few steps, got " + plain.steps());
        assertFalse(clipped.diverged());
        assertEquals(100, clipped.steps());
        assertTrue(clipped.finalLoss() < 1e-10, "clipped run converges, L = " + clipped.finalLoss());
        assertEquals(Math.pow(2, 1.0 / 20), clipped.finalW(), 1e-6, "to w* = y^{1/T}");
        assertTrue(clipped.maxLoss() <= clipped.loss()[0], "the loss never rises above its start");
        // a threshold so large that it never acts gives the plain run back
        Clipping.Run huge = Clipping.descend(1.2, 1, 20, 2, 1e-3, 1e300, 100);
        assertArrayEquals(plain.w(), huge.w(), 0);
        assertEquals(2, Figures.clipping("t", List.of(plain, clipped), List.of("a", "b")).getSeriesMap().size());
    }

    @Test
    void badArgumentsAreNamed() {
        assertMessage(() -> Clipping.clip(new double[] {1}, 0), "threshold");
        assertMessage(() -> Clipping.clip(new double[0], 1), "g");
        assertMessage(() -> Clipping.loss(1, 1, 0, 1), "T");
        assertMessage(() -> Clipping.descend(1, 1, 5, 1, 0, 1, 10), "alpha");
        assertMessage(() -> Clipping.descend(1, 1, 5, 1, 0.1, -1, 10), "threshold");
        assertMessage(() -> Clipping.descend(1, 1, 5, 1, 0.1, 1, 0), "steps");
        assertMessage(() -> Figures.clipping("t", List.of(), List.of()), "runs");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(name), e.getMessage());
    }
}
