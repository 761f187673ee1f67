package dltheory.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

    @Test
    void valuesInRangeAreReturned() {
        assertEquals(3, Arguments.atLeast(3, 1, "n"));
        assertEquals(0.5, Arguments.positive(0.5, "eta"));
        assertEquals(0.0, Arguments.nonNegative(0.0, "sigma"));
        assertEquals(-2.0, Arguments.finite(-2.0, "mu"));
        assertEquals(0.0, Arguments.inClosedOpen(0.0, 0, 1, "beta"));
        assertEquals(1.0, Arguments.inOpenClosed(1.0, 0, 1, "p"));
    }

    @Test
    void intervalEndsAreIncludedOrExcludedAsNamed() {
        assertEquals("beta must be in [0, 1), got 1.0",
                assertThrows(IllegalArgumentException.class, () -> Arguments.inClosedOpen(1.0, 0, 1, "beta")).getMessage());
        assertEquals("p must be in (0, 1], got 0.0",
                assertThrows(IllegalArgumentException.class, () -> Arguments.inOpenClosed(0.0, 0, 1, "p")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Arguments.inOpenClosed(Double.NaN, 0, 1, "p"));
        assertThrows(IllegalArgumentException.class, () -> Arguments.inClosedOpen(Double.NaN, 0, 1, "beta"));
    }

    @Test
    void vectorsAndMatricesOfTheWrongShapeAreNamed() {
        assertEquals("w must have length 3 (d, the columns of X), got 2",
                assertThrows(IllegalArgumentException.class,
                        () -> Arguments.length(new double[2], 3, "w", "d, the columns of X")).getMessage());
        assertEquals("g must be a non-empty vector (n >= 1)",
                assertThrows(IllegalArgumentException.class, () -> Arguments.nonEmpty(new double[0], "g")).getMessage());
        assertEquals("R must be 2×3, got 2×2",
                assertThrows(IllegalArgumentException.class,
                        () -> Arguments.shape(new DMatrixRMaj(2, 2), 2, 3, "R")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Arguments.nonEmpty(new DMatrixRMaj(0, 3), "X"));
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

    @Test
    void intervalEndsOutOfOrderAndValuesOutsideASetAreNamed() {
        Arguments.ordered(0, 1, "lo", "hi");
        assertEquals("lo and hi must satisfy lo < hi, got lo = 1.0, hi = 1.0",
                assertThrows(IllegalArgumentException.class, () -> Arguments.ordered(1, 1, "lo", "hi")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Arguments.ordered(Double.NaN, 1, "lo", "hi"));
        assertEquals("b", Arguments.oneOf("b", java.util.List.of("a", "b"), "name"));
        assertEquals("name must be one of [a, b], got c",
                assertThrows(IllegalArgumentException.class,
                        () -> Arguments.oneOf("c", java.util.List.of("a", "b"), "name")).getMessage());
    }
}
