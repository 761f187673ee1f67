package dltheory.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;

import dltheory.check.Gradients;
import dltheory.check.MonteCarlo;

class ActivationTest {

    private static final long SEED = 20190315L;
    private static final List<Activation> ALL =
            List.of(Activation.IDENTITY, Activation.RELU, Activation.TANH, Activation.leakyRelu(0.2));
    /** Relative error allowed between a closed form and the quadrature of the test. */
    private static final double QUADRATURE_TOL = 1e-7;

    @Test
    void derivativeMatchesCentralDifferencesAwayFromTheKink() {
        for (Activation g : ALL) {
            for (double a = -4.05; a <= 4; a += 0.3) {
                double[] x = {a};
                double[] numeric = Gradients.centralDifference(v -> g.value(v[0]), x);
                assertTrue(Gradients.relativeError(new double[] {g.derivative(a)}, numeric) < 1e-8, g + " at " + a);
            }
        }
    }

    @Test
    void namedAcceptsTheListedNamesAndRejectsOthers() {
        assertSame(Activation.IDENTITY, Activation.named("identity"));
        assertSame(Activation.IDENTITY, Activation.named("Linear"));
        assertSame(Activation.RELU, Activation.named(" ReLU "));
        assertSame(Activation.TANH, Activation.named("tanh"));
        assertEquals(-0.25, Activation.named("leaky-relu:0.25").value(-1), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activation.named("sigmoid"));
        assertTrue(e.getMessage().contains("activation must be one of") && e.getMessage().contains("sigmoid"));
        assertThrows(IllegalArgumentException.class, () -> Activation.named(null));
        assertThrows(IllegalArgumentException.class, () -> Activation.named("leaky-relu:x"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Activation.leakyRelu(1.5))
                .getMessage().contains("slope must be in [0, 1]"));
        assertThrows(IllegalArgumentException.class, () -> Activation.leakyRelu(Double.NaN));
    }

    @Test
    void varianceFactorIsTheSecondMomentRatioForEverySymmetricLaw() {
        // Q1.2: E[g(a)²] = k·Var[a] for positively homogeneous g and any law symmetric about 0.
        Random rng = new Random(SEED);
        int n = 200_000;
        for (Law law : Law.values()) {
            if (!law.symmetric()) {
                continue;
            }
            double[] a = law.sample(n, rng);
            for (Activation g : List.of(Activation.IDENTITY, Activation.RELU, Activation.leakyRelu(0.3))) {
                double[] g2 = new double[n];
                for (int i = 0; i < n; i++) {
                    g2[i] = g.value(a[i]) * g.value(a[i]);
                }
                Estimate m = Estimate.mean(g2);
                // Var[a] = 1 exactly for these laws.
                assertEquals(g.varianceFactor(), m.value(), MonteCarlo.K * m.standardError(), g + ", " + law);
            }
        }
    }

    @Test
    void varianceFactorOfTanhIsTheSmallVarianceLimit() {
        for (double q = 1e-2; q >= 1e-6; q /= 10) {
            assertEquals(1.0, Activation.TANH.gaussianSecondMoment(0, q) / q, 3 * q);
        }
        assertEquals(1.0, Activation.TANH.varianceFactor(), 0);
    }

    @Test
    void gaussianMomentsMatchAnIndependentQuadrature() {
        double[][] points = {{0, 1}, {0.5, 2}, {-1.3, 0.4}, {2, 9}, {0.1, 1e-4}};
        for (Activation g : ALL) {
            for (double[] p : points) {
                double m = p[0];
                double q = p[1];
                assertEquals(simpson(a -> g.value(a), m, q), g.gaussianMean(m, q), QUADRATURE_TOL, g + " mean " + m + "," + q);
                assertEquals(simpson(a -> g.value(a) * g.value(a), m, q), g.gaussianSecondMoment(m, q),
                        QUADRATURE_TOL * (1 + m * m + q), g + " second moment " + m + "," + q);
                assertEquals(simpson(a -> g.derivative(a) * g.derivative(a), m, q),
                        g.gaussianDerivativeSecondMoment(m, q), QUADRATURE_TOL, g + " g'² " + m + "," + q);
            }
        }
    }

    @Test
    void gaussianMomentsAtZeroVarianceAreThePointValues() {
        assertEquals(0.7 * 0.7, Activation.RELU.gaussianSecondMoment(0.7, 0), 0);
        assertEquals(0, Activation.RELU.gaussianMean(-0.7, 0), 0);
        assertEquals(1, Activation.RELU.gaussianDerivativeSecondMoment(0.7, 0), 0);
        assertThrows(IllegalArgumentException.class, () -> Activation.RELU.gaussianSecondMoment(0, -1));
        assertThrows(IllegalArgumentException.class, () -> Activation.RELU.gaussianMean(Double.NaN, 1));
    }

    @Test
    void reluGaussianMeanIsPositive() {
        // Q1.2: E[ReLU(a)] = √(q/(2π)) > 0 for a ~ N(0, q).
        for (double q : new double[] {0.01, 1, 100}) {
            assertEquals(Math.sqrt(q / (2 * Math.PI)), Activation.RELU.gaussianMean(0, q), 1e-12);
        }
    }

    @Test
    void normalCdfMatchesKnownValuesAndItsDensity() {
        assertEquals(0.5, Normal.cdf(0), 1e-15);
        assertEquals(0.8413447460685429, Normal.cdf(1), 1e-14);
        assertEquals(0.024997895148220435, Normal.cdf(-1.96), 1e-14);
        assertEquals(2.866515718791939e-7, Normal.cdf(-5), 1e-16);
        for (double z = -8; z <= 8; z += 0.5) {
            assertEquals(1.0, Normal.cdf(z) + Normal.cdf(-z), 1e-15);
            double h = 1e-4;
            assertEquals(Normal.pdf(z), (Normal.cdf(z + h) - Normal.cdf(z - h)) / (2 * h), 1e-8, "at " + z);
        }
    }

    /**
     * E[f(m + √q z)], z ~ N(0, 1), by Simpson's rule on [−12, 12] split at the kink a = 0
     * (z = −m/√q), so that steps and kinks of f fall on an interval end.
     */
    private static double simpson(DoubleUnaryOperator f, double m, double q) {
        double s = Math.sqrt(q);
        double kink = Math.max(-12, Math.min(12, -m / s));
        return simpson(f, m, s, -12, kink) + simpson(f, m, s, kink, 12);
    }

    private static double simpson(DoubleUnaryOperator f, double m, double s, double lo, double hi) {
        int intervals = 20_000;
        double h = (hi - lo) / intervals;
        if (h == 0) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i <= intervals; i++) {
            double z = lo + i * h;
            // the ends of each piece are evaluated just inside it
            double zz = i == 0 ? z + 1e-12 : (i == intervals ? z - 1e-12 : z);
            double w = (i == 0 || i == intervals) ? 1 : (i % 2 == 1 ? 4 : 2);
            sum += w * f.applyAsDouble(m + s * zz) * Normal.pdf(z);
        }
        return sum * h / 3;
    }
}
