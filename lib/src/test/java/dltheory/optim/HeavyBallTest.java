package dltheory.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Heavy-ball stability of notebook 03: ελ &lt; 2(1 + α). */
class HeavyBallTest {

    @Test
    void boundaryIsTwoOnePlusAlphaByEigenvaluesAndByRuns() {
        for (double a : new double[] {0, 0.3, 0.5, 0.9, 0.99}) {
            assertEquals(2 * (1 + a), HeavyBall.criticalStep(a), 1e-9, "alpha " + a);
            assertTrue(HeavyBall.distanceAfter(a, 0.98 * 2 * (1 + a), 1, 2000) < 1e-3, "inside, alpha " + a);
            assertTrue(HeavyBall.distanceAfter(a, 1.02 * 2 * (1 + a), 1, 2000) > 1e3, "outside, alpha " + a);
        }
        HeavyBall.checkBoundary(1e-9, 2000, 0, 0.9);
    }

    @Test
    void theCheckRejectsPlainGradientDescentsBoundForMomentum() {
        // the claim "ελ < 2 whatever α" is false: at α = 0.9 the boundary is 3.8
        assertTrue(Math.abs(HeavyBall.criticalStep(0.9) - 2) > 1);
        assertTrue(HeavyBall.distanceAfter(0.9, 3.0, 1, 2000) < 1e-3, "ελ = 3 converges with α = 0.9");
        assertTrue(HeavyBall.distanceAfter(0.0, 3.0, 1, 50) > 1e3, "ελ = 3 diverges without momentum");
    }

    @Test
    void complexRootsHaveRadiusSqrtAlphaAndBadArgumentsAreNamed() {
        assertEquals(Math.sqrt(0.81), HeavyBall.spectralRadius(0.81, 1.0), 1e-15);
        var e = assertThrows(IllegalArgumentException.class, () -> HeavyBall.spectralRadius(1.0, 1.0));
        assertTrue(e.getMessage().contains("alpha"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HeavyBall.distanceAfter(0.5, 1, -1, 10));
    }
}
