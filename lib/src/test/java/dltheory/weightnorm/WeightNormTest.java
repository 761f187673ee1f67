package dltheory.weightnorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import dltheory.check.Gradients;
import dltheory.random.Seeded;
import dltheory.linalg.Vectors;

class WeightNormTest {

    private static final long SEED = 41L;
    private static final double GRAD_TOL = 1e-6;
    private static final double ROUNDING_TOL = 1e-12;
    private static final int[] DIMS = {1, 2, 5, 20};

    /** A smooth loss of w with a non-trivial gradient: ½‖Aw − b‖² + Σ log cosh wᵢ. */
    private static ToDoubleFunction<double[]> lossOfW(int d, Random rng) {
        double[] a = Seeded.normal(d * d, 0, 1, rng);
        double[] b = Seeded.normal(d, 0, 1, rng);
        return w -> {
            double s = 0;
            for (int i = 0; i < d; i++) {
                double r = -b[i];
                for (int j = 0; j < d; j++) {
                    r += a[i * d + j] * w[j];
                }
                s += 0.5 * r * r + Math.log(Math.cosh(w[i]));
            }
            return s;
        };
    }

    @Test
    void weightHasLengthGammaAndDirectionU() {
        Random rng = Seeded.rng(SEED, "weight");
        for (int d : DIMS) {
            for (int rep = 0; rep < 5; rep++) {
                double[] u = Seeded.normal(d, 0, 3, rng);
                double gamma = -2 + 4 * rng.nextDouble();
                double[] w = WeightNorm.weight(u, gamma);
                assertEquals(Math.abs(gamma), Vectors.norm(w), ROUNDING_TOL);
                assertEquals(gamma * Vectors.norm(u), Vectors.dot(w, u), 1e-12 * Vectors.norm(u));
            }
        }
    }

    @Test
    void gradientUMatchesCentralDifferences() {
        Random rng = Seeded.rng(SEED, "gradU");
        for (int d : DIMS) {
            ToDoubleFunction<double[]> lossW = lossOfW(d, rng);
            for (int rep = 0; rep < 3; rep++) {
                double[] u = Seeded.normal(d, 0, 1, rng);
                double gamma = 0.5 + rng.nextDouble();
                double[] gradW = Gradients.centralDifference(lossW, WeightNorm.weight(u, gamma));
                double[] analytic = WeightNorm.gradientU(u, gamma, gradW);
                double[] numeric = Gradients.centralDifference(v -> lossW.applyAsDouble(WeightNorm.weight(v, gamma)), u);
                double err = Gradients.relativeError(analytic, numeric);
                if (d == 1) {
                    // in one dimension w = γ·sign(u) does not depend on u: both gradients vanish
                    assertEquals(0, Vectors.norm(analytic), ROUNDING_TOL);
                    assertEquals(0, Vectors.norm(numeric), 1e-9);
                } else {
                    assertTrue(err <= GRAD_TOL, "d=" + d + " relative error " + err);
                }
            }
        }
    }

    @Test
    void gradientGammaMatchesCentralDifferences() {
        Random rng = Seeded.rng(SEED, "gradGamma");
        for (int d : DIMS) {
            ToDoubleFunction<double[]> lossW = lossOfW(d, rng);
            double[] u = Seeded.normal(d, 0, 1, rng);
            double gamma = 0.7;
            double[] gradW = Gradients.centralDifference(lossW, WeightNorm.weight(u, gamma));
            double numeric = Gradients.centralDifference(
                    g -> lossW.applyAsDouble(WeightNorm.weight(u, g[0])), new double[] {gamma})[0];
            assertEquals(numeric, WeightNorm.gradientGamma(u, gradW), 1e-6 * Math.max(1, Math.abs(numeric)));
        }
    }

    @Test
    void gradientUIsOrthogonalToUAndScalesInversely() {
        Random rng = Seeded.rng(SEED, "orth");
        for (int d : DIMS) {
            for (int rep = 0; rep < 10; rep++) {
                double[] u = Seeded.normal(d, 0, 1 + rep, rng);
                double[] g = Seeded.normal(d, 0, 1, rng);
                double[] gu = WeightNorm.gradientU(u, 1.3, g);
                assertTrue(Math.abs(Vectors.dot(u, gu)) <= ROUNDING_TOL * Vectors.norm(u) * Vectors.norm(g));
                // L(cu) = L(u), so ∇L(cu) = ∇L(u)/c
                double[] g2 = WeightNorm.gradientU(Vectors.scale(3.0, u), 1.3, g);
                double[] delta = new double[d];
                for (int i = 0; i < d; i++) {
                    delta[i] = 3.0 * g2[i] - gu[i];
                }
                double diff = Vectors.norm(delta);
                assertTrue(diff <= ROUNDING_TOL * Vectors.norm(g), "d=" + d + " difference " + diff);
            }
        }
    }

    @Test
    void projectionIsSymmetricIdempotentAndKillsU() {
        Random rng = Seeded.rng(SEED, "proj");
        for (int d : DIMS) {
            double[] u = Seeded.normal(d, 0, 1, rng);
            double[] a = Seeded.normal(d, 0, 1, rng);
            double[] b = Seeded.normal(d, 0, 1, rng);
            double[] pa = WeightNorm.project(u, a);
            assertTrue(Gradients.relativeError(WeightNorm.project(u, pa), pa) <= ROUNDING_TOL || Vectors.norm(pa) < 1e-12);
            assertEquals(Vectors.dot(pa, b), Vectors.dot(a, WeightNorm.project(u, b)), ROUNDING_TOL * d);
            assertEquals(0, Vectors.norm(WeightNorm.project(u, u)), ROUNDING_TOL * Vectors.norm(u));
        }
    }

    @Test
    void pythagorasGivesTheNormAfterAStep() {
        Random rng = Seeded.rng(SEED, "step");
        for (int d : DIMS) {
            for (double alpha : new double[] {0, 0.01, 0.5, 3, 100}) {
                double[] u = Seeded.normal(d, 0, 1, rng);
                double[] g = Seeded.normal(d, 0, 1, rng);
                double[] next = WeightNorm.step(u, 0.9, g, alpha);
                double direct = Vectors.dot(next, next);
                double formula = WeightNorm.normSquaredAfterStep(u, 0.9, g, alpha);
                assertEquals(direct, formula, ROUNDING_TOL * formula);
                assertTrue(formula >= Vectors.dot(u, u));
            }
        }
    }

    @Test
    void oneStepFromTheSameStartGrowsMoreForLargerAlpha() {
        Random rng = Seeded.rng(SEED, "alpha");
        double[] u = Seeded.normal(6, 0, 1, rng);
        double[] g = Seeded.normal(6, 0, 1, rng);
        double previous = Vectors.norm(u);
        for (double alpha = 0.1; alpha < 20; alpha *= 2) {
            double now = WeightNorm.normAfterStep(u, 1.0, g, alpha);
            assertTrue(now > previous, "alpha " + alpha);
            previous = now;
        }
    }

    @Test
    void workedExampleOfTheExercise() {
        // u = (3, 4), ‖u‖ = 5, γ = 2 → s = 0.4; W⊥(1, 0) = (1, 0) − (3, 4)·3/25 = (16, −12)/25, norm 0.8;
        // ‖u₁‖² = 25 + 0.5²·0.4²·0.8² = 25.0256
        assertEquals(Math.sqrt(25.0256), WeightNorm.normAfterStep(new double[] {3, 4}, 2, new double[] {1, 0}, 0.5), 1e-12);
        assertEquals(0.5 * 0.16, WeightNorm.effectiveRate(new double[] {3, 4}, 2, 0.5), 1e-15);
    }

    @Test
    void badInputIsRejectedWithTheArgumentsName() {
        double[] u = {1, 2};
        assertMessage(() -> WeightNorm.weight(new double[] {0, 0}, 1), "u must be non-zero");
        assertMessage(() -> WeightNorm.weight(new double[] {1, Double.NaN}, 1), "u must be finite, got NaN at index 1");
        assertMessage(() -> WeightNorm.weight(null, 1), "u must be a vector");
        assertMessage(() -> WeightNorm.weight(new double[0], 1), "u must have length >= 1");
        assertMessage(() -> WeightNorm.weight(u, Double.POSITIVE_INFINITY), "gamma must be finite");
        assertMessage(() -> WeightNorm.gradientU(u, 1, new double[] {1, 2, 3}), "gradW must have length 2");
        assertMessage(() -> WeightNorm.gradientU(u, 1, new double[] {1, Double.NaN}), "gradW must be finite, got NaN at index 1");
        assertMessage(() -> WeightNorm.project(u, new double[] {1}), "v must have length 2");
        assertMessage(() -> WeightNorm.step(u, 1, new double[] {1, 1}, -0.1), "alpha must be finite and >= 0");
        assertMessage(() -> WeightNorm.normAfterStep(new double[] {0, 0}, 1, new double[] {1, 1}, 0.1), "u must be non-zero");
    }

    static void assertMessage(Executable call, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), "message \"" + e.getMessage() + "\" should contain \"" + expected + "\"");
    }
}
