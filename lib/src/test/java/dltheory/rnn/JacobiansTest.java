package dltheory.rnn;

import static dltheory.rnn.SpectralMatricesTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JacobiansTest {

    private static final long SEED = 525L;
    private static final double FD_REL_TOL = 1e-6;
    private static final double EPS = 1e-5;
    /** Rounding in h_T (≈ 1e-16 · |h_T|) divided by 2ε, summed over n² entries: the floor of a central difference. */
    private static final double FD_ABS_FLOOR = 1e-9;

    private static DMatrixRMaj run(Recurrences.Weights w, Activation sigma, double[] h0, DMatrixRMaj X) {
        return Recurrences.h(w, sigma, h0, X);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void numeratorLayoutProductMatchesCentralDifferences(Activation sigma) {
        for (int seed = 0; seed < 3; seed++) {
            Random rng = new Random(SEED + seed);
            for (int n : new int[] {1, 3, 8}) {
                for (int steps : new int[] {1, 5, 20}) {
                    Recurrences.Weights w = Recurrences.Weights.random(n, 2, 0.9 / sigma.gamma(), rng);
                    DMatrixRMaj X = RandomMatrices_DDRM.rectangleGaussian(steps, 2, 0, 1, rng);
                    double[] h0 = RandomMatrices_DDRM.rectangleGaussian(n, 1, 0, 1, rng).data;
                    DMatrixRMaj analytic = Jacobians.product(w.W(), sigma, run(w, sigma, h0, X));
                    DMatrixRMaj numeric = Jacobians.centralDifference(w, sigma, h0, X, EPS);
                    double scale = NormOps_DDRM.normF(numeric);
                    double diff = Jacobians.relativeError(analytic, numeric) * scale;
                    assertTrue(diff <= FD_REL_TOL * scale + FD_ABS_FLOOR,
                            sigma + " n=" + n + " T=" + steps + " ‖J − J_fd‖ = " + diff + ", ‖J_fd‖ = " + scale);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void theTextsDenominatorLayoutIsTheTranspose(Activation sigma) {
        Random rng = new Random(SEED + 5);
        int n = 6;
        Recurrences.Weights w = Recurrences.Weights.random(n, 2, 1.0 / sigma.gamma(), rng);
        DMatrixRMaj X = RandomMatrices_DDRM.rectangleGaussian(10, 2, 0, 1, rng);
        double[] h0 = RandomMatrices_DDRM.rectangleGaussian(n, 1, 0, 1, rng).data;
        DMatrixRMaj states = run(w, sigma, h0, X);
        DMatrixRMaj ours = Jacobians.product(w.W(), sigma, states);
        DMatrixRMaj text = Jacobians.productDenominator(w.W(), sigma, states);
        assertTrue(Jacobians.relativeError(text, CommonOps_DDRM.transpose(ours, null)) <= 1e-12);
        assertEquals(SpectralMatrices.norm(ours), SpectralMatrices.norm(text), 1e-12 * SpectralMatrices.norm(ours));
        // but the text's matrix is not what central differences measure (entry (i,j) = ∂h_T,i/∂h_0,j)
        DMatrixRMaj numeric = Jacobians.centralDifference(w, sigma, h0, X, EPS);
        assertTrue(Jacobians.relativeError(text, numeric) > 0.1, "denominator layout differs from the measured Jacobian");
        // one step
        DMatrixRMaj one = Recurrences.zeroInputs(1, 2);
        DMatrixRMaj stepNumeric = Jacobians.centralDifference(w, sigma, h0, one, EPS);
        assertTrue(Jacobians.relativeError(Jacobians.step(w.W(), sigma, h0), stepNumeric) <= FD_REL_TOL);
        assertTrue(Jacobians.relativeError(Jacobians.stepDenominator(w.W(), sigma, h0), stepNumeric) > 0.1);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void normsAreTheNormsOfThePartialProducts(Activation sigma) {
        Random rng = new Random(SEED + 6);
        Recurrences.Weights w = Recurrences.Weights.random(5, 2, 1.5, rng);
        DMatrixRMaj X = RandomMatrices_DDRM.rectangleGaussian(12, 2, 0, 1, rng);
        DMatrixRMaj states = run(w, sigma, RandomMatrices_DDRM.rectangleGaussian(5, 1, 0, 1, rng).data, X);
        double[] norms = Jacobians.norms(w.W(), sigma, states);
        assertEquals(12, norms.length);
        for (int t = 1; t <= 12; t++) {
            DMatrixRMaj prefix = CommonOps_DDRM.extract(states, 0, t + 1, 0, 5);
            double expected = SpectralMatrices.norm(Jacobians.product(w.W(), sigma, prefix));
            assertEquals(expected, norms[t - 1], 1e-12 * expected, "t = " + t);
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void theBoundDeltaToTheTHoldsAtEveryHorizon(Activation sigma) {
        for (int seed = 0; seed < 4; seed++) {
            for (double delta : new double[] {0.5, 0.9, 0.99, 1.0}) {
                for (int n : new int[] {2, 16}) {
                    Random rng = new Random(SEED + 100 * seed + n);
                    NormCurve c = JacobianExperiments.vanishing(sigma, delta, n, 3, 100, rng);
                    assertEquals(delta / sigma.gamma(), c.wNorm(), 1e-10 * c.wNorm());
                    assertTrue(c.maxRatioTo(delta) <= 1 + 1e-10, sigma + " δ=" + delta + " ratio " + c.maxRatioTo(delta));
                    // each step contracts by at most γ‖W‖ = δ, and eq. (5): ‖J_t⋯J_1‖ ≤ ‖J_t‖⋯‖J_1‖ ≤ δᵗ
                    double[] norms = c.norms();
                    double[] steps = c.stepNorms();
                    double product = 1;
                    for (int t = 0; t < steps.length; t++) {
                        assertTrue(steps[t] <= delta * (1 + 1e-10), "‖J_" + (t + 1) + "‖ = " + steps[t]);
                        product *= steps[t];
                        assertTrue(norms[t] <= product * (1 + 1e-10), "submultiplicativity at t = " + (t + 1));
                    }
                    assertTrue(c.geometricMeanStepNorm() <= delta * (1 + 1e-10));
                    assertTrue(norms[0] <= delta * (1 + 1e-10));
                    for (int t = 1; t < norms.length; t++) {
                        assertTrue(norms[t] <= norms[t - 1] * delta * (1 + 1e-10), "step " + t);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void atTheFixedPointZeroAScaledOrthogonalWReachesTheBound(Activation sigma) {
        // σ′(0) = γ for both activations, so ∂h_T/∂h_0 = (γW)ᵀ and ‖·‖ = (γ s)ᵀ when W = sQ
        Random rng = new Random(SEED + 7);
        for (double rate : new double[] {0.8, 1.0, 1.5}) {
            DMatrixRMaj W = SpectralMatrices.scaledOrthogonal(10, rate / sigma.gamma(), rng);
            NormCurve c = JacobianExperiments.atFixedPoint("fp", W, sigma, new double[10], 100);
            for (int t = 1; t <= 100; t++) {
                assertEquals(Math.pow(rate, t), c.at(t), 1e-9 * Math.pow(rate, t), "t = " + t);
            }
            assertEquals(rate, c.rate(), 1e-9);
            assertEquals(rate, c.stepBound(), 1e-9);
            assertEquals(rate / sigma.gamma(), c.spectralRadius(), 1e-9 * rate / sigma.gamma());
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void atAUniformFixedPointTheRateIsSTimesSigmaPrime(Activation sigma) {
        Random rng = new Random(SEED + 11);
        DMatrixRMaj W = SpectralMatrices.scaledOrthogonal(12, 1.5 / sigma.gamma(), rng);
        for (double c : new double[] {-2, -0.5, 0, 0.7, 3}) {
            NormCurve curve = JacobianExperiments.atFixedPoint("c", W, sigma, Recurrences.uniformState(12, c), 20);
            double perStep = 1.5 / sigma.gamma() * sigma.derivative(c);
            assertEquals(perStep, curve.rate(), 1e-9 * perStep, "c = " + c);
            assertEquals(Math.pow(perStep, 20), curve.at(20), 1e-9 * Math.pow(perStep, 20));
            assertTrue(curve.at(20) <= Math.pow(curve.stepBound(), 20) * (1 + 1e-12));
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void layoutComparisonSeparatesTheLayouts(Activation sigma) {
        Random rng = new Random(SEED + 12);
        Recurrences.Weights w = Recurrences.Weights.random(8, 3, 2.0 / sigma.gamma(), rng);
        DMatrixRMaj X = RandomMatrices_DDRM.rectangleGaussian(10, 3, 0, 1, rng);
        double[] h0 = RandomMatrices_DDRM.rectangleGaussian(8, 1, 0, 1, rng).data;
        LayoutComparison c = JacobianExperiments.compareLayouts(w, sigma, h0, X, EPS);
        assertTrue(c.numerator().relativeErrorToMeasured() <= FD_REL_TOL);
        assertTrue(c.text().relativeErrorToMeasured() > 0.1);
        assertTrue(c.textTransposed().relativeErrorToMeasured() <= FD_REL_TOL);
        assertEquals(c.numerator().spectralNorm(), c.text().spectralNorm(), 1e-12 * c.numerator().spectralNorm());
        assertEquals(List.of(c.numerator(), c.text(), c.textTransposed()), c.rows());
        assertEquals(3, c.table().rowCount());
    }

    @Test
    void atTheFixedPointZeroTheRateTendsToTheSpectralRadius() {
        // Gelfand: ‖Wᵀ‖^{1/T} → ρ(W); a Gaussian W with ‖W‖ > 1 has ρ(W) < 1 and its powers vanish
        for (int seed = 0; seed < 4; seed++) {
            Random rng = new Random(SEED + 200 + seed);
            DMatrixRMaj W = SpectralMatrices.withNorm(32, 1.5, rng);
            NormCurve c = JacobianExperiments.atFixedPoint("fp", W, Activation.TANH, new double[32], 300);
            assertTrue(c.spectralRadius() < 1, "ρ(W) = " + c.spectralRadius());
            assertEquals(c.spectralRadius(), c.rate(), 0.05 * c.spectralRadius(), "seed " + seed);
            assertTrue(c.at(300) < 1e-3);
        }
    }

    @Test
    void inputDrivenTanhNetVanishesDespiteNormAboveOneOverGamma() {
        // the notebook's Q5.3 claim: same W as the exploding fixed point, but the inputs keep units
        // away from 0 where tanh′ < 1, and ‖∂h_T/∂h_0‖ vanishes
        for (int seed = 0; seed < 6; seed++) {
            Random rng = new Random(SEED + 300 + seed);
            DMatrixRMaj W = SpectralMatrices.scaledOrthogonal(32, 1.5, rng);
            Recurrences.Weights w = Recurrences.Weights.random(32, 8, 1, rng).withW(W);
            NormCurve c = JacobianExperiments.driven("driven", w, Activation.TANH, 100, rng);
            assertEquals(1.5, c.wNorm(), 1e-10);
            assertTrue(c.at(100) < 1e-3, "seed " + seed + ": " + c.at(100));
            assertTrue(c.rate() < 1, "rate " + c.rate());
        }
    }

    @Test
    void summariesAndChartCarryTheCurves() {
        Random rng = new Random(SEED + 8);
        NormCurve a = JacobianExperiments.vanishing(Activation.TANH, 0.9, 4, 2, 30, rng);
        NormCurve b = JacobianExperiments.vanishing(Activation.SIGMOID, 0.9, 4, 2, 30, rng);
        NormCurve.Summary s = a.summary();
        assertEquals(30, s.T());
        assertEquals(a.at(30), s.normAtT(), 0.0);
        assertEquals(0.9, s.gammaNormW(), 1e-10);
        var table = NormCurve.Summary.table("t", List.of(a, b));
        assertEquals(2, table.rowCount());
        var chart = Figures.jacobianNorms("title", List.of(a, b), 0.9, "δ^T");
        assertEquals(3, chart.getSeriesMap().size());
        double[] y = chart.getSeriesMap().get(a.label()).getYData();
        assertEquals(Math.log10(a.at(7)), y[6], 1e-12);
        double[] bound = chart.getSeriesMap().get("δ^T").getYData();
        assertEquals(7 * Math.log10(0.9), bound[6], 1e-12);
    }

    @Test
    void badArgumentsNameTheArgument() {
        Random rng = new Random(SEED + 9);
        DMatrixRMaj W = SpectralMatrices.withNorm(3, 1, rng);
        DMatrixRMaj states = new DMatrixRMaj(4, 3);
        assertMessage(() -> Jacobians.step(new DMatrixRMaj(3, 2), Activation.TANH, new double[3]), "W must be square");
        assertMessage(() -> Jacobians.step(W, Activation.TANH, new double[2]), "hPrev must have length 3 (n)");
        assertMessage(() -> Jacobians.product(W, Activation.TANH, new DMatrixRMaj(1, 3)), "states must have T+1 >= 2 rows");
        assertMessage(() -> Jacobians.norms(W, Activation.TANH, new DMatrixRMaj(4, 2)), "states must be 4×3");
        assertMessage(() -> Jacobians.productDenominator(new DMatrixRMaj(2, 3), Activation.TANH, states), "W must be square");
        Recurrences.Weights w = Recurrences.Weights.random(3, 2, 1, rng);
        assertMessage(() -> Jacobians.centralDifference(w, Activation.TANH, new double[3], new DMatrixRMaj(2, 2), 0),
                "eps must be finite and > 0");
        assertMessage(() -> Jacobians.centralDifference(w, Activation.TANH, new double[3], new DMatrixRMaj(0, 2), 1e-5),
                "X must have T >= 1 rows");
        assertMessage(() -> JacobianExperiments.vanishing(Activation.TANH, 1.2, 3, 2, 10, rng), "delta must be in (0, 1]");
        assertMessage(() -> JacobianExperiments.vanishing(Activation.TANH, 0.9, 3, 2, 0, rng), "T must be >= 1");
        assertMessage(() -> JacobianExperiments.atFixedPoint("x", W, Activation.TANH, new double[3], 0), "T must be >= 1");
        assertMessage(() -> JacobianExperiments.driven("x", w, Activation.TANH, 0, rng), "T must be >= 1");
        assertMessage(() -> Jacobians.relativeError(new DMatrixRMaj(2, 2), new DMatrixRMaj(2, 3)), "same shape");
        assertMessage(() -> Figures.jacobianNorms("t", List.of(), 0.9, "δ"), "curves must hold at least one element");
        NormCurve c = new NormCurve("c", Activation.TANH, 1, 1, new double[] {0.5},
                new double[] {0.5});
        assertMessage(() -> c.at(2), "t must be in 1..1");
        assertMessage(c::rate, "the curve must have T >= 2 steps");
        assertMessage(() -> c.maxRatioTo(0), "bound must be > 0");
        assertMessage(() -> new NormCurve("c", Activation.TANH, 1, 1, new double[0], new double[0]),
                "norms must be a non-empty vector");
        assertMessage(() -> new NormCurve("c", Activation.TANH, 1, 1, new double[2], new double[1]),
                "stepNorms must have length 2 (T)");
        assertMessage(() -> Figures.jacobianNorms("t", List.of(c), 0, "δ"), "rate must be finite and > 0");
    }
}
