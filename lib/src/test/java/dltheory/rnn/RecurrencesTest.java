package dltheory.rnn;

import static dltheory.rnn.SpectralMatricesTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RecurrencesTest {

    private static final long SEED = 515L;
    private static final double EQUIVALENCE_TOL = 1e-12;

    @ParameterizedTest
    @EnumSource(Activation.class)
    void bothRecurrencesAgreeWhenGZeroIsSigmaOfHZero(Activation sigma) {
        for (int seed = 0; seed < 5; seed++) {
            Random rng = new Random(SEED + seed);
            for (int n : new int[] {1, 4, 32}) {
                for (double wNorm : new double[] {0.5, 1.0, 2.0 / sigma.gamma()}) {
                    Recurrences.Weights w = Recurrences.Weights.random(n, 3, wNorm, rng);
                    DMatrixRMaj X = RandomMatrices_DDRM.rectangleGaussian(100, 3, 0, 1, rng);
                    double[] h0 = RandomMatrices_DDRM.rectangleGaussian(n, 1, 0, 1, rng).data;
                    Recurrences.Equivalence e = Recurrences.equivalence(w, sigma, h0, X);
                    assertEquals(100, e.T());
                    assertTrue(e.maxGap() <= EQUIVALENCE_TOL, sigma + " n=" + n + " gap " + e.maxGap());
                }
            }
        }
    }

    @Test
    void theTwoRunsRoundDifferentlySoTheGapIsNotZeroByConstruction() {
        Random rng = new Random(SEED + 3);
        Recurrences.Weights w = Recurrences.Weights.random(32, 8, 2.0, rng);
        DMatrixRMaj X = RandomMatrices_DDRM.rectangleGaussian(100, 8, 0, 1, rng);
        double[] h0 = RandomMatrices_DDRM.rectangleGaussian(32, 1, 0, 1, rng).data;
        double gap = Recurrences.equivalence(w, Activation.TANH, h0, X).maxGap();
        assertTrue(gap > 0 && gap <= EQUIVALENCE_TOL, "gap " + gap);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void theEquivalenceNeedsTheInitialCondition(Activation sigma) {
        Random rng = new Random(SEED + 9);
        Recurrences.Weights w = Recurrences.Weights.random(8, 2, 0.5, rng);
        DMatrixRMaj X = RandomMatrices_DDRM.rectangleGaussian(5, 2, 0, 1, rng);
        double[] h0 = RandomMatrices_DDRM.rectangleGaussian(8, 1, 0, 1, rng).data;
        DMatrixRMaj hs = Recurrences.h(w, sigma, h0, X);
        DMatrixRMaj gs = Recurrences.g(w, sigma, h0, X); // g_0 = h_0, not σ(h_0)
        assertTrue(Recurrences.maxGap(gs, hs, sigma) > 1e-3, "a wrong g_0 shows up as a gap");
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void runsMatchANaiveLoop(Activation sigma) {
        Random rng = new Random(SEED + 1);
        int n = 5;
        int m = 3;
        int steps = 7;
        Recurrences.Weights w = Recurrences.Weights.random(n, m, 1.3, rng);
        DMatrixRMaj X = RandomMatrices_DDRM.rectangleGaussian(steps, m, 0, 1, rng);
        double[] h0 = RandomMatrices_DDRM.rectangleGaussian(n, 1, 0, 1, rng).data;
        DMatrixRMaj W = w.W();
        DMatrixRMaj U = w.U();
        double[] b = w.b();
        double[] h = h0.clone();
        double[] g = sigma.apply(h0);
        DMatrixRMaj hs = Recurrences.h(w, sigma, h0, X);
        DMatrixRMaj gs = Recurrences.g(w, sigma, g.clone(), X);
        for (int t = 1; t <= steps; t++) {
            double[] hNext = new double[n];
            double[] gNext = new double[n];
            for (int i = 0; i < n; i++) {
                double sh = b[i];
                double sg = b[i];
                for (int j = 0; j < n; j++) {
                    sh += W.get(i, j) * sigma.value(h[j]);
                    sg += W.get(i, j) * g[j];
                }
                for (int k = 0; k < m; k++) {
                    sh += U.get(i, k) * X.get(t - 1, k);
                    sg += U.get(i, k) * X.get(t - 1, k);
                }
                hNext[i] = sh;
                gNext[i] = sigma.value(sg);
            }
            h = hNext;
            g = gNext;
            assertArrayEquals(h, Recurrences.row(hs, t), 1e-13, "h_" + t);
            assertArrayEquals(g, Recurrences.row(gs, t), 1e-13, "g_" + t);
        }
        assertArrayEquals(h, Recurrences.finalState(w, sigma, h0, X), 1e-13);
        assertArrayEquals(h0, Recurrences.row(hs, 0), 0.0, "row 0 is h_0");
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void fixedPointBiasKeepsTheStateStill(Activation sigma) {
        Random rng = new Random(SEED + 2);
        for (int n : new int[] {1, 6}) {
            DMatrixRMaj W = SpectralMatrices.withNorm(n, 2.0, rng);
            double[] hStar = RandomMatrices_DDRM.rectangleGaussian(n, 1, 0, 2, rng).data;
            Recurrences.Weights w = new Recurrences.Weights(W, new DMatrixRMaj(n, 1),
                    Recurrences.fixedPointBias(W, sigma, hStar));
            DMatrixRMaj hs = Recurrences.h(w, sigma, hStar, Recurrences.zeroInputs(20, 1));
            for (int t = 0; t <= 20; t++) {
                assertArrayEquals(hStar, Recurrences.row(hs, t), 1e-12, "h_" + t);
            }
        }
    }

    @Test
    void weightsAreImmutable() {
        Random rng = new Random(SEED + 3);
        DMatrixRMaj W = SpectralMatrices.withNorm(3, 1, rng);
        DMatrixRMaj U = RandomMatrices_DDRM.rectangleGaussian(3, 2, 0, 1, rng);
        double[] b = {1, 2, 3};
        Recurrences.Weights w = new Recurrences.Weights(W, U, b);
        double w00 = W.get(0, 0);
        W.set(0, 0, 99);
        U.set(0, 0, 99);
        b[0] = 99;
        w.W().set(0, 0, 77);
        w.b()[0] = 77;
        assertEquals(w00, w.W().get(0, 0), 0.0);
        assertEquals(1.0, w.b()[0], 0.0);
        assertTrue(w.U().get(0, 0) != 99);
        assertEquals(3, w.n());
        assertEquals(2, w.m());
    }

    @Test
    void badArgumentsNameTheArgument() {
        Random rng = new Random(SEED + 4);
        DMatrixRMaj W = SpectralMatrices.withNorm(3, 1, rng);
        DMatrixRMaj U = new DMatrixRMaj(3, 2);
        double[] b = new double[3];
        assertMessage(() -> new Recurrences.Weights(new DMatrixRMaj(3, 2), U, b), "W must be square");
        assertMessage(() -> new Recurrences.Weights(W, new DMatrixRMaj(2, 2), b), "U must be 3×2");
        assertMessage(() -> new Recurrences.Weights(W, U, new double[2]), "b must have length 3 (n)");
        assertMessage(() -> new Recurrences.Weights(null, U, b), "W must be a matrix");
        assertMessage(() -> Recurrences.Weights.random(3, 0, 1, rng), "m must be >= 1");
        Recurrences.Weights w = new Recurrences.Weights(W, U, b);
        double[] h0 = new double[3];
        assertMessage(() -> Recurrences.h(w, Activation.TANH, h0, new DMatrixRMaj(0, 2)), "X must have T >= 1 rows");
        assertMessage(() -> Recurrences.h(w, Activation.TANH, h0, new DMatrixRMaj(4, 3)), "X must be 4×2");
        assertMessage(() -> Recurrences.h(w, Activation.TANH, new double[4], new DMatrixRMaj(4, 2)),
                "h0 must have length 3 (n)");
        assertMessage(() -> Recurrences.g(w, Activation.TANH, new double[2], new DMatrixRMaj(4, 2)),
                "g0 must have length 3 (n)");
        assertMessage(() -> Recurrences.g(w, null, h0, new DMatrixRMaj(4, 2)), "sigma must be");
        assertMessage(() -> Recurrences.h(w, Activation.TANH, new double[] {0, Double.NaN, 0}, new DMatrixRMaj(4, 2)),
                "h0 must be finite");
        assertMessage(() -> Recurrences.zeroInputs(0, 2), "T must be >= 1");
        assertMessage(() -> Recurrences.uniformState(0, 1), "n must be >= 1");
        assertMessage(() -> Recurrences.uniformState(2, Double.POSITIVE_INFINITY), "c must be finite");
        assertMessage(() -> Recurrences.zeroInputs(3, 0), "m must be >= 1");
        assertMessage(() -> Recurrences.fixedPointBias(new DMatrixRMaj(2, 3), Activation.TANH, new double[2]),
                "W must be square");
        assertMessage(() -> Recurrences.fixedPointBias(W, Activation.TANH, new double[2]), "hStar must have length 3 (n)");
        assertMessage(() -> Recurrences.maxGap(new DMatrixRMaj(2, 3), new DMatrixRMaj(3, 3), Activation.TANH),
                "g and h must have the same shape");
        assertMessage(() -> Recurrences.row(new DMatrixRMaj(2, 3), 2), "t must be in 0..1");
    }
}
