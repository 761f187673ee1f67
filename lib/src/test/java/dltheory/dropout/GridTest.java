package dltheory.dropout;

import dltheory.linalg.Vectors;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dltheory.random.Seeded;

class GridTest {

    @Test
    void gridsHitTheirEndsAndSpacing() {
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, Grid.linear(0, 1, 5), 1e-15);
        double[] g = Grid.log(0.01, 100, 5);
        assertArrayEquals(new double[] {0.01, 0.1, 1, 10, 100}, g, 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Grid.log(0, 1, 3));
        assertThrows(IllegalArgumentException.class, () -> Grid.linear(0, 1, 1));
    }

    @Test
    void limitsTableMatchesTheSolves() {
        RegressionData d = RegressionData.synthetic(40, 3, 0.5, Seeded.rng(3L, "limits"));
        List<Limit> rows = DropoutRegression.limits(d.X(), d.y(), new double[] {1e-6, 0.5, 1.0});
        assertEquals(0, rows.get(2).wDropToOls(), 1e-9);
        assertTrue(rows.get(0).pwDropNorm() < 1e-4 && rows.get(0).wDropToPerFeature() < 1e-3);
        assertEquals(Vectors.norm(DropoutRegression.scaledMinimiser(d.X(), d.y(), 0.5)), rows.get(1).pwDropNorm(), 1e-12);
        assertEquals(0, DropoutRegression.gapToRidge(d.X(), d.y(), 1.0, 0.0), 1e-9);
    }

    @Test
    void rowsAreFoundByTheirKeepProbabilityAndFeature() {
        RegressionData d = RegressionData.synthetic(40, 3, 0.1, dltheory.random.Seeded.rng(5L));
        double[] ps = {0.1, 0.5, 1.0};
        List<Limit> limits = DropoutRegression.limits(d.X(), d.y(), ps);
        assertEquals(0.5, Limit.atP(limits, 0.5).p());
        assertEquals(limits.get(1), Limit.atP(limits, 0.5));
        assertThrows(IllegalArgumentException.class, () -> Limit.atP(limits, 0.7));
        List<Shrinkage> rows = DropoutRegression.shrinkage(d.X(), d.y(), 0.5, 10);
        assertEquals(2, Shrinkage.ofFeature(rows, 2).j());
        assertThrows(IllegalArgumentException.class, () -> Shrinkage.ofFeature(rows, 4));
    }
}
