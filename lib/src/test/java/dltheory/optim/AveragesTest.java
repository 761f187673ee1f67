package dltheory.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Q3.2 (closed form) and the deterministic parts of Q3.3 (bias factor, correction). */
class AveragesTest {

    private static final long SEED = 20190316L;

    @Test
    void closedFormEqualsRecursionForEveryNBetaAndSeed() {
        for (int seed = 0; seed < 5; seed++) {
            double[] g = new NoisyGradient(1.0, 2.0).draw(200, new Random(SEED + seed));
            for (double beta : new double[] {0.0, 0.3, 0.9, 0.99, 0.999}) {
                double[] rec = Averages.recursive(beta, g);
                double[] closed = Averages.closedForm(beta, g);
                for (int n = 0; n < g.length; n++) {
                    assertEquals(rec[n], closed[n], 1e-12, "beta=" + beta + " n=" + (n + 1));
                }
            }
        }
    }

    @Test
    void firstTwoAveragesMatchTheTextsExpansion() {
        double beta = 0.75;
        double[] g = {3.0, -1.0};
        double[] v = Averages.recursive(beta, g);
        assertEquals((1 - beta) * g[0], v[0], 1e-15);
        assertEquals(beta * (1 - beta) * g[0] + (1 - beta) * g[1], v[1], 1e-15);
    }

    @Test
    void weightsSumToTheBiasFactor() {
        for (double beta : new double[] {0.0, 0.5, 0.9, 0.99}) {
            for (int n : new int[] {1, 2, 10, 100, 1000}) {
                double sum = 0;
                for (double w : Averages.weights(beta, n)) {
                    sum += w;
                }
                assertEquals(Averages.biasFactor(beta, n), sum, 1e-12, "beta=" + beta + " n=" + n);
            }
        }
    }

    @Test
    void aConstantStreamAveragesToTheBiasFactorTimesTheConstantAndCorrectsBackExactly() {
        for (double beta : new double[] {0.0, 0.5, 0.9, 0.999}) {
            double c = -2.5;
            double[] g = new double[300];
            java.util.Arrays.fill(g, c);
            double[] v = Averages.recursive(beta, g);
            double[] corrected = Averages.biasCorrected(beta, v);
            for (int n = 1; n <= g.length; n++) {
                assertEquals(Averages.biasFactor(beta, n) * c, v[n - 1], 1e-12);
                assertEquals(c, corrected[n - 1], 1e-11);
            }
        }
    }

    @Test
    void stepsUntilBiasBelowIsTheSmallestSuchN() {
        for (double beta : new double[] {0.0, 0.1, 0.5, 0.9, 0.99, 0.999, 0.9999}) {
            for (double tol : new double[] {0.5, 0.1, 0.01, 1e-3}) {
                int n = Averages.stepsUntilBiasBelow(beta, tol);
                assertTrue(n >= 1);
                assertTrue(Math.pow(beta, n) <= tol, "beta^n <= tol at n=" + n);
                if (n > 1) {
                    assertTrue(Math.pow(beta, n - 1) > tol, "n-1 would do for beta=" + beta + " tol=" + tol);
                }
            }
        }
    }

    @Test
    void matchingEpsilonIsDeltaTimesOneMinusBeta() {
        Random rng = new Random(SEED);
        for (int i = 0; i < 20; i++) {
            double beta = rng.nextDouble();
            double delta = 0.01 + 10 * rng.nextDouble();
            assertEquals(delta - delta * beta, Averages.matchingEpsilon(beta, delta), 1e-12);
        }
    }

    @Test
    void uncorrectedAdamRatioIsTheQuotientOfBiasFactors() {
        for (int t = 1; t < 3000; t += 37) {
            double want = (1 - Math.pow(0.9, t)) / Math.sqrt(1 - Math.pow(0.999, t));
            assertEquals(want, Adam.uncorrectedStepRatio(0.9, 0.999, t), 1e-12);
        }
    }
}
