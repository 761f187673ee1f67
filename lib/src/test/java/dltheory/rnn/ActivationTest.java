package dltheory.rnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ActivationTest {

    @ParameterizedTest
    @EnumSource(Activation.class)
    void derivativeMatchesCentralDifferences(Activation s) {
        double h = 1e-5;
        for (double x = -6; x <= 6; x += 0.37) {
            double numeric = (s.value(x + h) - s.value(x - h)) / (2 * h);
            assertEquals(numeric, s.derivative(x), 1e-9, s + " at " + x);
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void gammaIsTheSupremumOfTheDerivative(Activation s) {
        double max = 0;
        for (double x = -10; x <= 10; x += 1e-3) {
            max = Math.max(max, Math.abs(s.derivative(x)));
            assertTrue(Math.abs(s.derivative(x)) <= s.gamma() + 1e-15);
        }
        assertEquals(s.gamma(), max, 1e-6);
    }

    @org.junit.jupiter.api.Test
    void sigmoidIsStableForLargeArguments() {
        assertEquals(0.0, Activation.SIGMOID.value(-800));
        assertEquals(1.0, Activation.SIGMOID.value(800));
        assertEquals(0.5, Activation.SIGMOID.value(0));
    }
}
