package dltheory.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ArgumentsTest {

    @Test
    void valuesInRangeAreReturned() {
        assertEquals(3, Arguments.atLeast(3, 1, "n"));
        assertEquals(0.5, Arguments.positive(0.5, "eta"));
        assertEquals(0.0, Arguments.nonNegative(0.0, "sigma"));
        assertEquals(-2.0, Arguments.finite(-2.0, "mu"));
    }

    @Test
    void valuesOutOfRangeNameTheArgumentTheRangeAndTheValue() {
        assertEquals("n must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> Arguments.atLeast(0, 1, "n")).getMessage());
        assertEquals("eta must be finite and > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> Arguments.positive(0, "eta")).getMessage());
        assertEquals("eta must be finite and > 0, got Infinity",
                assertThrows(IllegalArgumentException.class, () -> Arguments.positive(Double.POSITIVE_INFINITY, "eta")).getMessage());
        assertEquals("sigma must be finite and >= 0, got NaN",
                assertThrows(IllegalArgumentException.class, () -> Arguments.nonNegative(Double.NaN, "sigma")).getMessage());
        assertEquals("mu must be finite, got -Infinity",
                assertThrows(IllegalArgumentException.class, () -> Arguments.finite(Double.NEGATIVE_INFINITY, "mu")).getMessage());
    }
}
