package dltheory.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EstimateTest {

    @Test
    void meanAndStandardErrorOfASmallSample() {
        Estimate e = Estimate.mean(new double[] {1, 2, 3, 4});
        assertEquals(2.5, e.value(), 1e-15);
        assertEquals(Math.sqrt(5.0 / 3 / 4), e.standardError(), 1e-15);   // s² = 5/3, n = 4
        assertEquals(7.5, Estimate.secondMoment(new double[] {1, 2, 3, 4}).value(), 1e-15);
        assertEquals(2, new Estimate(3, 0.5).z(2), 1e-15);
        assertEquals(0, new Estimate(3, 0).z(3), 0);
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Estimate(1, -1));
        assertThrows(IllegalArgumentException.class, () -> Estimate.mean(new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Estimate.secondMoment(null));
    }
}
