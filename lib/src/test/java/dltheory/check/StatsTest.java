package dltheory.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void twoPassVarianceAndStandardErrorFollowTheirDefinitions() {
        double[] x = {1, 2, 4, 7};                     // mean 3.5, Σ(x − mean)² = 21
        assertEquals(7.0, Stats.variance(x), 0);
        assertEquals(Math.sqrt(7.0 / 4), Stats.standardError(x), 0);
        assertEquals(3.5, Stats.mean(x), 0);
    }

    @Test
    void twoPassVarianceAgreesWithWelfordsOnALargeSample() {
        Random rng = new Random(7);
        double[] x = new double[10_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = 1e3 + rng.nextGaussian();
        }
        Stats welford = Stats.of(x);
        assertEquals(welford.variance(), Stats.variance(x), 1e-9 * welford.variance());
        assertEquals(welford.standardError(), Stats.standardError(x), 1e-9 * welford.standardError());
    }

    @Test
    void aVarianceNeedsTwoValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Stats.variance(new double[] {1}));
        assertEquals("x must have length >= 2, got 1", e.getMessage());
    }
}
