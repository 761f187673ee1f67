package dltheory.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Adam's step sizes with and without bias correction (notebook 03, step 4). */
class AdamTest {

    private static final long SEED = 20190318L;

    @Test
    void correctedStepOnAConstantGradientIsEtaAtEveryStep() {
        for (double g : new double[] {1e-3, 0.7, -5.0}) {
            double[] sizes = Adam.constantGradientSteps(1e-3, 0.9, 0.999, 0.0, true, g, 2000);
            for (double s : sizes) {
                assertEquals(1.0, s, 1e-9);
            }
        }
    }

    @Test
    void uncorrectedStepOnAConstantGradientFollowsTheRatioOfBiasFactors() {
        for (double[] b : new double[][] {{0.9, 0.999}, {0.5, 0.9}, {0.0, 0.99}}) {
            double[] sizes = Adam.constantGradientSteps(0.01, b[0], b[1], 0.0, false, 2.0, 3000);
            for (int t = 1; t <= sizes.length; t++) {
                assertEquals(Adam.uncorrectedStepRatio(b[0], b[1], t), sizes[t - 1], 1e-9);
            }
        }
    }

    @Test
    void withDefaultRatesTheUncorrectedFirstStepsAreTooLarge() {
        double[] sizes = Adam.constantGradientSteps(1e-3, 0.9, 0.999, 1e-8, false, 1.0, 5000);
        double peak = 0;
        for (double s : sizes) {
            peak = Math.max(peak, s);
        }
        assertEquals(Math.sqrt(1000) * 0.1, sizes[0], 1e-5); // (1 − β₁)/√(1 − β₂) = 0.1/√0.001
        assertTrue(peak > 6, "peak " + peak);
        assertEquals(1.0, sizes[sizes.length - 1], 0.01);
    }

    @Test
    void stepIsElementwiseAndMatchesAHandComputation() {
        Random rng = new Random(SEED);
        double eta = 0.1;
        double b1 = 0.8;
        double b2 = 0.95;
        double eps = 1e-6;
        Adam adam = new Adam(eta, b1, b2, eps, true);
        double[] m = new double[3];
        double[] s = new double[3];
        for (int t = 1; t <= 20; t++) {
            double[] g = {rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian()};
            double[] step = adam.update(g);
            for (int i = 0; i < 3; i++) {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                s[i] = b2 * s[i] + (1 - b2) * g[i] * g[i];
                double want = -eta * (m[i] / (1 - Math.pow(b1, t))) / (Math.sqrt(s[i] / (1 - Math.pow(b2, t))) + eps);
                assertEquals(want, step[i], 1e-12);
            }
        }
        assertEquals(20, adam.t());
    }
}
