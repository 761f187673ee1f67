package dltheory.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import dltheory.check.MonteCarlo;

class LawTest {

    private static final long SEED = 20190315L;
    private static final int N = 200_000;

    @Test
    void everyLawIsStandardized() {
        Random rng = new Random(SEED);
        for (Law law : Law.values()) {
            double[] a = law.sample(N, rng);
            Estimate m = Estimate.mean(a);
            Estimate m2 = Estimate.secondMoment(a);
            assertEquals(0, m.value(), MonteCarlo.K * m.standardError(), law + " mean");
            assertEquals(1, m2.value(), MonteCarlo.K * m2.standardError(), law + " variance");
        }
    }

    @Test
    void reluMomentsMatchTheirExactValues() {
        Random rng = new Random(SEED + 1);
        for (Law law : Law.values()) {
            double[] a = law.sample(N, rng);
            double[] relu = new double[N];
            for (int i = 0; i < N; i++) {
                relu[i] = Math.max(a[i], 0);
            }
            Estimate mean = Estimate.mean(relu);
            Estimate m2 = Estimate.secondMoment(relu);
            assertEquals(law.reluMean(), mean.value(), MonteCarlo.K * mean.standardError(), law + " E[ReLU(a)]");
            assertEquals(law.reluSecondMoment(), m2.value(), MonteCarlo.K * m2.standardError(), law + " E[ReLU(a)²]");
            assertTrue(law.reluMean() > 0);
            assertEquals(law.symmetric(), law.reluSecondMoment() == 0.5, law.toString());
        }
    }

    @Test
    void momentsTableHasOneRowPerLawAndPassesItsCheck() {
        Law.Moments m = Law.reluMoments(50_000, new Random(SEED));
        assertEquals(Law.values().length, m.table().rowCount());
        assertEquals("E[ReLU(a)²]", m.table().column(3).name());
        m.check(MonteCarlo.K);
        assertThrows(IllegalArgumentException.class, () -> Law.NORMAL.sample(1, new Random(1)));
    }
}
