package dltheory.dropout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** MaskSource draws the same decisions as SplittableRandom.nextDouble() &lt; p on the same seed. */
class MaskSourceTest {

    @Test
    void theDecisionsAreThoseOfSplittableRandom() {
        for (double p : new double[] {0.5, 0.3, 0.9, 1e-9, 1 - 1e-16, 1.0, Math.nextUp(0.0)}) {
            long seed = new Random(7).nextLong();
            MaskSource source = new MaskSource(new Random(7));
            SplittableRandom reference = new SplittableRandom(seed);
            int kept = 0;
            for (int i = 0; i < 200_000; i++) {
                boolean expected = reference.nextDouble() < p;
                assertEquals(expected, source.keep(p), "p " + p + ", draw " + i);
                kept += expected ? 1 : 0;
            }
            if (p == 0.5) {
                assertEquals(100_000, kept, 1_000);
            }
        }
    }
}
