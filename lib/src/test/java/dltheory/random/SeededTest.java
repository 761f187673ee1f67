package dltheory.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import dltheory.check.MonteCarlo;
import dltheory.check.Stats;

class SeededTest {

    private static final long SEED = 20190315L;
    private static final int N = 200_000;

    @Test
    void aUniformVectorHoldsTheDrawsOfTheColumnMatrix() {
        assertArrayEquals(Seeded.uniform(7, 1, -1, 2, Seeded.rng(3L)).data, Seeded.uniform(7, -1, 2, Seeded.rng(3L)), 0);
    }

    @Test
    void sameSeedAndStreamGiveTheSameDraws() {
        assertArrayEquals(Seeded.normal(5, 0, 1, Seeded.rng(SEED, "a")),
                Seeded.normal(5, 0, 1, Seeded.rng(SEED, "a")));
        assertNotEquals(Seeded.derive(SEED, "a"), Seeded.derive(SEED, "b"));
        assertNotEquals(Seeded.derive(SEED, "a"), Seeded.derive(SEED + 1, "a"));
    }

    @Test
    void normalHasItsMeanAndVarianceWithinMonteCarloTolerance() {
        double mean = 0.5;
        double std = 2.0;
        Stats s = Stats.of(Seeded.normal(N, 1, mean, std, Seeded.rng(SEED, "normal")).data);
        assertEquals(mean, s.mean(), MonteCarlo.tolerance(std, N));
        assertEquals(std * std, s.variance(), MonteCarlo.K * MonteCarlo.varianceStandardError(std * std, N));
    }

    @Test
    void uniformStaysInRangeWithVarianceWidthSquaredOverTwelve() {
        DMatrixRMaj u = Seeded.uniform(N, 1, -3, 3, Seeded.rng(SEED, "uniform"));
        for (double v : u.data) {
            assertTrue(v >= -3 && v < 3);
        }
        Stats s = Stats.of(u.data);
        double variance = 36.0 / 12;
        // Var of a squared uniform sample: (E[x⁴] − σ⁴)/n with E[x⁴] = β⁴/5 for U(−β, β).
        double sdOfSquare = Math.sqrt(81.0 / 5 - variance * variance);
        assertEquals(variance, s.variance(), MonteCarlo.tolerance(sdOfSquare, N));
    }

    @Test
    void bernoulliKeepsWithProbabilityP() {
        double p = 0.3;
        DMatrixRMaj m = Seeded.bernoulli(400, 500, p, Seeded.rng(SEED, "mask"));
        assertEquals(400, m.numRows);
        assertEquals(500, m.numCols);
        for (double v : m.data) {
            assertTrue(v == 0 || v == 1);
        }
        assertEquals(p, Stats.mean(m.data), MonteCarlo.tolerance(Math.sqrt(p * (1 - p)), m.data.length));
    }

    @Test
    void badArgumentsNameTheArgumentAndTheRange() {
        var e = assertThrows(IllegalArgumentException.class, () -> Seeded.bernoulli(2, 2, 1.5, Seeded.rng(1)));
        assertTrue(e.getMessage().contains("p must be in [0, 1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Seeded.normal(0, 2, 0, 1, Seeded.rng(1)));
        assertTrue(e.getMessage().contains("rows must be >= 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Seeded.normal(0, 0, 1, Seeded.rng(1)));
        assertTrue(e.getMessage().startsWith("n (the number of draws) must be >= 1, got 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Seeded.uniform(-1, 0, 1, Seeded.rng(1)));
        assertTrue(e.getMessage().startsWith("n (the number of draws) must be >= 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Seeded.uniform(1, 1, 1, 1, Seeded.rng(1)));
        assertThrows(IllegalArgumentException.class, () -> Seeded.normal(1, 1, 0, -1, Seeded.rng(1)));
    }
}
