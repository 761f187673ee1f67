package dltheory.init;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The stored g′ of the backward pass is exactly Activation.derivative, whichever way it is stored. */
class SlopesTest {

    @Test
    void storedSlopesEqualTheDerivativeExactly() {
        double[] a = new double[200];
        Random rng = new Random(20190315L);
        for (int k = 0; k < a.length; k++) {
            a[k] = 3 * rng.nextGaussian();
        }
        a[0] = 0.0;
        a[1] = -0.0;
        a[2] = Double.MIN_VALUE;
        a[3] = -Double.MIN_VALUE;
        for (Activation g : new Activation[] {Activation.IDENTITY, Activation.RELU, Activation.leakyRelu(0.1), Activation.TANH}) {
            Slopes s = new Slopes(g, a.length);
            for (int k = 0; k < a.length; k++) {
                s.set(k, a[k]);
            }
            for (int k = 0; k < a.length; k++) {
                assertEquals(g.derivative(a[k]), s.at(k), 0, g + " at a = " + a[k]);
            }
        }
    }
}
