package dltheory.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Notebook 03, section 5: the (α, ελ) map of heavy-ball runs against the eigenvalues of the step. */
class StabilityMapTest {

    @Test
    void theRunsOfTheMapAgreeWithTheEigenvaluesAndContradictPlainGradientDescentsBound() {
        StabilityMap map = StabilityMap.run(300, StabilityMap.grid(0, 0.95, 20), StabilityMap.grid(0.1, 4.2, 42));
        assertEquals(0, map.disagreements(0.05));
        map.checkClaims(0.05);
        // the rule ηλ < 2 of plain gradient descent, applied to momentum, is contradicted by many runs
        int contradicting = 0;
        for (int i = 0; i < map.alphas().length; i++) {
            for (int j = 0; j < map.epsLambdas().length; j++) {
                if (map.epsLambdas()[j] > 2.05 && map.converged(i, j)) {
                    contradicting++;
                }
            }
        }
        assertTrue(contradicting > 100, "converged runs with ελ > 2.05: " + contradicting);
    }
}
