package dltheory.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import dltheory.check.MonteCarlo;
import dltheory.check.Stats;

class InitTest {

    private static final long SEED = 20190315L;
    private static final int[] FAN_INS = {16, 100, 256};

    @Test
    void theNamedSchemesHaveTheirVariances() {
        for (int d : FAN_INS) {
            assertEquals(1.0 / d, Init.LINEAR_NORMAL.weightVariance(d), 1e-15);
            assertEquals(1.0 / d, Init.LINEAR_UNIFORM.weightVariance(d), 1e-15);
            assertEquals(2.0 / d, Init.HE_NORMAL.weightVariance(d), 1e-15);
            assertEquals(2.0 / d, Init.HE_UNIFORM.weightVariance(d), 1e-15);
            assertEquals(1.0, Init.NAIVE_ONE.weightVariance(d), 0);
            assertEquals(1e-4, Init.NAIVE_SMALL.weightVariance(d), 1e-18);
            assertEquals(Math.sqrt(3.0 / d), Init.LINEAR_UNIFORM.halfWidth(d), 1e-15);
            assertEquals(Math.sqrt(6.0 / d), Init.HE_UNIFORM.halfWidth(d), 1e-15);
            assertEquals(0, Init.HE_NORMAL.weightMean(d), 0);
        }
    }

    @Test
    void drawsHaveTheSchemesMeanAndVarianceWithinMonteCarloTolerance() {
        Random rng = new Random(SEED);
        List<Init> schemes = List.of(Init.LINEAR_NORMAL, Init.LINEAR_UNIFORM, Init.HE_NORMAL, Init.HE_UNIFORM,
                Init.NAIVE_ONE, Init.NAIVE_SMALL, Init.uniformPerFanIn(0, Math.sqrt(3)), Init.normal(0.3));
        for (Init init : schemes) {
            for (int d : FAN_INS) {
                DMatrixRMaj w = init.draw(400, d, rng);
                Stats s = Stats.of(w.data);
                int n = w.data.length;
                double var = init.weightVariance(d);
                assertEquals(init.weightMean(d), s.mean(), MonteCarlo.tolerance(Math.sqrt(var), n), init + " mean, d=" + d);
                // sd of w² − its mean: for normal √2·var, for uniform √(4/5)·var (E[ξ⁴] = 9/5).
                double sdSquare = (init.family() == Init.Family.NORMAL ? Math.sqrt(2) : Math.sqrt(0.8)) * var;
                assertEquals(var, s.variance(), MonteCarlo.tolerance(sdSquare, n) * 1.01, init + " variance, d=" + d);
            }
        }
    }

    @Test
    void uniformDrawsStayWithinTheirBounds() {
        Random rng = new Random(SEED + 1);
        for (int d : FAN_INS) {
            double beta = Init.HE_UNIFORM.halfWidth(d);
            DMatrixRMaj w = Init.HE_UNIFORM.draw(50, d, rng);
            double max = 0;
            for (double v : w.data) {
                assertTrue(Math.abs(v) <= beta, "|w| <= β");
                max = Math.max(max, Math.abs(v));
            }
            assertTrue(max > 0.95 * beta, "the draws fill the interval");
        }
    }

    @Test
    void uniformPerFanInHasTheSecondMomentOfQ1() {
        // Q1.1 (b): E[w²] = (α² + αβ + β²)/3 for w ~ U(α, β).
        for (int d : FAN_INS) {
            for (double[] ab : new double[][] {{-1, 1}, {0, Math.sqrt(3)}, {-0.5, 2}}) {
                Init init = Init.uniformPerFanIn(ab[0], ab[1]);
                double a = ab[0] / Math.sqrt(d);
                double b = ab[1] / Math.sqrt(d);
                assertEquals(Theory.uniformSecondMoment(a, b), init.weightSecondMoment(d), 1e-15);
                assertEquals((a + b) / 2, init.weightMean(d), 1e-15);
            }
        }
    }

    @Test
    void drawsAreReproducibleFromTheGenerator() {
        assertArrayEquals(Init.HE_NORMAL.draw(8, 8, new Random(3)).data, Init.HE_NORMAL.draw(8, 8, new Random(3)).data);
        assertTrue(Init.HE_NORMAL.draw(8, 8, new Random(3)).data[0] != Init.HE_NORMAL.draw(8, 8, new Random(4)).data[0]);
    }

    @Test
    void withBiasKeepsTheWeightsAndSetsC() {
        Init b = Init.HE_NORMAL.withBias(0.5);
        assertEquals(0.5, b.c(), 0);
        assertEquals(Init.HE_NORMAL.weightVariance(64), b.weightVariance(64), 0);
        assertEquals("N(0, 2/d), c = 0.5", b.name());
        assertEquals("N(0, 2/d)", Init.normalPerFanIn(2).name());
    }

    @Test
    void badArgumentsAreRejectedWithTheirRange() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Init.normal(0)).getMessage().contains("std"));
        assertThrows(IllegalArgumentException.class, () -> Init.normal(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Init.normalPerFanIn(-1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Init.uniformPerFanIn(1, 1))
                .getMessage().contains("alpha < beta"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Init.HE_NORMAL.weightVariance(0))
                .getMessage().contains("fan-in d must be >= 1"));
        assertThrows(IllegalArgumentException.class, () -> Init.HE_NORMAL.draw(0, 4, new Random(1)));
        assertThrows(IllegalArgumentException.class, () -> Init.HE_NORMAL.draw(4, 0, new Random(1)));
        assertThrows(IllegalArgumentException.class, () -> Init.HE_NORMAL.halfWidth(4));
        assertThrows(IllegalArgumentException.class, () -> Init.HE_NORMAL.withBias(Double.POSITIVE_INFINITY));
    }
}
