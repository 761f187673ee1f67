package dltheory.birnn;

import dltheory.rnn.Activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import dltheory.random.Seeded;

/** Notebook 06, section 3: the split of ∇_{h_t⁽ᶠ⁾} L by the distance to each loss. */
class ContributionByDistanceTest {

    private static final long SEED = 20190315L;

    private static ContributionByDistance split(Activation sigma, double scale) {
        var net = BidirectionalRnn.random(3, 4, 2, scale, sigma, Seeded.rng(SEED, "long net"));
        DMatrixRMaj x = Seeded.normal(3, 40, 0, 1, Seeded.rng(SEED, "long x"));
        DMatrixRMaj y = Seeded.normal(2, 40, 0, 1, Seeded.rng(SEED, "long targets"));
        return ContributionByDistance.forward(net, x, y, 10);
    }

    @Test
    void partsAddUpToTheFullGradientAndFarLossesCarryLittleForTheSigmoidNet() {
        ContributionByDistance c = split(Activation.SIGMOID, 1.5);
        assertEquals(31, c.norms().length);
        assertTrue(c.residual() < 1e-12);
        assertTrue(c.shareFrom(5) < 0.01, "share " + c.shareFrom(5));
        assertEquals(1.0, c.shareFrom(0), 1e-15);
    }

    @Test
    void theOnePercentClaimWouldFailForATanhNetThatDoesNotContract() {
        assertTrue(split(Activation.TANH, 2.0).shareFrom(5) > 0.1);
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> split(Activation.SIGMOID, 1.5).shareFrom(-1));
        var net = BidirectionalRnn.random(3, 4, 2, 1.5, Activation.SIGMOID, Seeded.rng(SEED, "n"));
        DMatrixRMaj x = Seeded.normal(3, 5, 0, 1, Seeded.rng(SEED, "x"));
        DMatrixRMaj y = Seeded.normal(2, 5, 0, 1, Seeded.rng(SEED, "y"));
        assertThrows(IllegalArgumentException.class, () -> ContributionByDistance.forward(net, x, y, 6));
    }
}
