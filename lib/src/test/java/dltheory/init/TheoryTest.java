package dltheory.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import dltheory.check.MonteCarlo;

class TheoryTest {

    private static final long SEED = 20190315L;
    private static final int[] WIDTHS = {8, 64, 256, 1000};

    @Test
    void theSchemesOfQ1HaveLayerFactorOne() {
        for (int d : WIDTHS) {
            assertEquals(1, Theory.layerFactor(Init.LINEAR_NORMAL, Activation.IDENTITY, d), 1e-14);
            assertEquals(1, Theory.layerFactor(Init.LINEAR_UNIFORM, Activation.IDENTITY, d), 1e-14);
            assertEquals(1, Theory.layerFactor(Init.HE_NORMAL, Activation.RELU, d), 1e-14);
            assertEquals(1, Theory.layerFactor(Init.HE_UNIFORM, Activation.RELU, d), 1e-14);
            assertEquals(0.5, Theory.layerFactor(Init.LINEAR_NORMAL, Activation.RELU, d), 1e-14);
            assertEquals(d / 2.0, Theory.layerFactor(Init.NAIVE_ONE, Activation.RELU, d), 1e-12);
        }
    }

    @Test
    void meanFieldMapEqualsTheClosedFormForIdentityAndRelu() {
        for (int d : WIDTHS) {
            for (Init init : new Init[] {Init.LINEAR_NORMAL, Init.HE_UNIFORM, Init.NAIVE_SMALL, Init.normal(0.2)}) {
                for (Activation g : new Activation[] {Activation.IDENTITY, Activation.RELU, Activation.leakyRelu(0.1)}) {
                    double[] q = Theory.meanFieldVariance(init, g, d, 30);
                    for (int t = 1; t <= 30; t++) {
                        double closed = Theory.predictedVariance(init, g, d, t);
                        assertEquals(closed, q[t - 1], 1e-9 * closed, init + ", " + g + ", t=" + t);
                    }
                }
            }
        }
    }

    @Test
    void aBiasAddsItsSquareToTheVarianceOfAnIdentityNetEveryLayer() {
        // With E[w] = 0 and Var[w] = 1/d: q_(t+1) = q_t + c², so q_t = 1 + (t − 1)c².
        double c = 0.5;
        double[] q = Theory.meanFieldVariance(Init.LINEAR_NORMAL.withBias(c), Activation.IDENTITY, 128, 20);
        for (int t = 1; t <= 20; t++) {
            assertEquals(1 + (t - 1) * c * c, q[t - 1], 1e-12);
        }
    }

    @Test
    void theBackwardFactorEqualsTheForwardOneForSquareReluLayers() {
        for (int d : WIDTHS) {
            double[] p = Theory.meanFieldGradientVariance(Init.HE_NORMAL, Activation.RELU, d, 20);
            for (double v : p) {
                assertEquals(1, v, 1e-12);
            }
            double[] half = Theory.meanFieldGradientVariance(Init.LINEAR_NORMAL, Activation.RELU, d, 20);
            for (int t = 1; t <= 20; t++) {
                assertEquals(Math.pow(0.5, 20 - t), half[t - 1], 1e-15);
            }
        }
    }

    @Test
    void criticalWeightVarianceKeepsTheLayerFactorAtOne() {
        for (int d : WIDTHS) {
            for (double s : new double[] {0, 0.01, 0.2, 1}) {
                Activation g = Activation.leakyRelu(s);
                double v = Theory.criticalWeightVariance(g, d);
                assertEquals(2 / ((1 + s * s) * d), v, 1e-15);
                assertEquals(1, Theory.layerFactor(Init.normalPerFanIn(v * d), g, d), 1e-12);
            }
        }
    }

    @Test
    void uniformSecondMomentMatchesMonteCarlo() {
        Random rng = new Random(SEED);
        int n = 200_000;
        for (double[] ab : new double[][] {{-0.3, 0.7}, {0, 1}, {-2, -1}}) {
            double a = ab[0];
            double b = ab[1];
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                w[i] = a + (b - a) * rng.nextDouble();
            }
            Estimate m2 = Estimate.secondMoment(w);
            assertEquals(Theory.uniformSecondMoment(a, b), m2.value(), MonteCarlo.K * m2.standardError());
            assertEquals((b - a) * (b - a) / 12 + (a + b) * (a + b) / 4, Theory.uniformSecondMoment(a, b), 1e-15);
        }
    }

    @Test
    void weightMeanCorrelatesUnitsAndTheVarianceOfLayerTwoFollowsTheFormula() {
        for (int d : WIDTHS) {
            Init init = Init.uniformPerFanIn(0, Math.sqrt(3));   // E[w²] = 1/d, E[w] = √3/(2√d)
            double[] v = Theory.identityVarianceWithWeightMean(init, d, 3);
            double mu = init.weightMean(d);
            assertEquals(1, v[0], 1e-12);
            assertEquals(1 + (double) d * d * (d - 1) * Math.pow(mu, 4), v[1], 1e-9 * v[1]);
            assertTrue(v[2] > v[1]);
            double[] centred = Theory.identityVarianceWithWeightMean(Init.LINEAR_UNIFORM, d, 5);
            for (double x : centred) {
                assertEquals(1, x, 1e-12);
            }
        }
    }

    @Test
    void weightMeanFormulaMatchesMonteCarlo() {
        // Var[a⁽²⁾] and Var[a⁽³⁾] of an identity net with E[w] ≠ 0, averaged over independent nets.
        int d = 8;
        int reps = 3000;
        Init init = Init.uniformPerFanIn(0, Math.sqrt(3));
        double[] v = Theory.identityVarianceWithWeightMean(init, d, 3);
        Random rng = new Random(SEED);
        for (int t = 2; t <= 3; t++) {
            double[] samples = new double[reps];
            for (int r = 0; r < reps; r++) {
                Net net = Net.draw(init, Activation.IDENTITY, t, d, rng);
                org.ejml.data.DMatrixRMaj in = Net.standardInputs(d, 2, rng);
                org.ejml.data.DMatrixRMaj out = net.output(in);
                samples[r] = out.get(0, 0) * out.get(0, 0);   // a_1⁽ᵗ⁾ of the first input, squared
            }
            Estimate m = Estimate.mean(samples);
            assertEquals(v[t - 1], m.value(), MonteCarlo.K * m.standardError(), "t=" + t);
        }
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Theory.meanFieldVariance(Init.HE_NORMAL, Activation.RELU, 8, 0));
        assertThrows(IllegalArgumentException.class, () -> Theory.layerFactor(null, Activation.RELU, 8));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Theory.layerFactor(Init.HE_NORMAL, null, 8))
                .getMessage().contains("activation must be one of"));
        assertThrows(IllegalArgumentException.class, () -> Theory.criticalWeightVariance(Activation.RELU, 0));
        assertThrows(IllegalArgumentException.class, () -> Theory.uniformSecondMoment(1, 0));
        assertThrows(IllegalArgumentException.class, () -> Theory.predictedVariance(Init.HE_NORMAL, Activation.RELU, 8, -1));
        assertThrows(IllegalArgumentException.class,
                () -> Theory.identityVarianceWithWeightMean(Init.LINEAR_NORMAL.withBias(1), 8, 3));
        assertTrue(Double.isNaN(Theory.meanFieldVariance(Init.uniformPerFanIn(0, 1), Activation.RELU, 8, 3)[0]));
    }
}
