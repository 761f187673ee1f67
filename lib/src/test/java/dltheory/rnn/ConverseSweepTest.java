package dltheory.rnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import dltheory.check.Stats;
import dltheory.random.Seeded;

/**
 * Notebook 05, section 3, over many seeds: the checks of the two contracting tanh nets hold for
 * every draw (the seeds below build the nets exactly as the notebook does), and they reject the
 * nets that should fail them.
 */
class ConverseSweepTest {

    private static final int N = 32;
    private static final int M = 8;
    private static final int T = 100;
    private static final double GAIN = 1.5;
    private static final double RHO = 0.85;
    /**
     * The notebook's tolerance for both norms: 1, the claim's own boundary (over the T steps the
     * Jacobian shrinks, where the bound (5.5) allows (γ‖W‖)^T = 1.5^100 ≈ 4e17). It is not read
     * off the sweep; the sweep measures how far from it the draws fall.
     */
    private static final double CONTRACTS = 1;

    /** Seeds of the sweep (the other sweeps of notebook 05 use as many). */
    static final int SWEEP = 3000;

    /** Standard deviations (of log₁₀ over the sweep) that each statistic keeps from its threshold. */
    private static final double Z = 4;

    /**
     * Notebook 05's checks of section 3 on {@value #SWEEP} seeds, each net built exactly as the
     * notebook builds it (only the check's statistics, no notebook run). No bound from the theory
     * fixes how small the two norms are (ρ(W) = 0.85 fixes only the rate at which ‖W^k‖ falls, not
     * its transient factor, and the driven net contracts through its inputs), so the thresholds sit
     * at the claim's boundary, 1 (and γ‖W‖ ≥ 1 for the condition that makes the Gaussian W a
     * counterexample), and the sweep gives each statistic's spread across draws: on a log scale
     * every one keeps at least {@value #Z} standard deviations from its threshold (a false alarm
     * below 3.2e-5 per line for a normal spread), and no seed fails.
     */
    @Test
    void theNotebooksChecksHoldForEverySeed() {
        double[] gaussian = new double[SWEEP];
        double[] norm = new double[SWEEP];
        double[] driven = new double[SWEEP];
        for (int i = 0; i < SWEEP; i++) {
            var rng3 = Seeded.rng(i + 1, "q5.3");
            var q = SpectralMatrices.scaledOrthogonal(N, GAIN, rng3);
            var g = SpectralMatrices.withSpectralRadius(N, RHO, rng3);
            var w = Recurrences.Weights.random(N, M, 1, rng3).withW(q);
            gaussian[i] = Math.log10(SpectralMatrices.norm(power(g, T)));
            norm[i] = Math.log10(SpectralMatrices.norm(g));   // γ = 1 for tanh
            driven[i] = Math.log10(drivenAtT(w, rng3));
        }
        var gs = Stats.of(gaussian);
        var ns = Stats.of(norm);
        var ds = Stats.of(driven);
        double zGaussian = -gs.mean() / Math.sqrt(gs.variance());
        double zNorm = ns.mean() / Math.sqrt(ns.variance());
        double zDriven = -ds.mean() / Math.sqrt(ds.variance());
        System.out.printf("ConverseSweepTest over %d seeds (log10): ‖W¹⁰⁰‖ mean %.2f, max %.2f, %.1f sd below 0;"
                + " ‖W‖ min %.3f, %.1f sd above 0; driven mean %.2f, max %.2f, %.1f sd below 0%n", SWEEP,
                gs.mean(), max(gaussian), zGaussian, min(norm), zNorm, ds.mean(), max(driven), zDriven);
        assertTrue(max(gaussian) < Math.log10(CONTRACTS) && min(norm) > 0 && max(driven) < Math.log10(CONTRACTS));
        assertTrue(zGaussian >= Z, "‖W¹⁰⁰‖: " + zGaussian + " sd");
        assertTrue(zNorm >= Z, "γ‖W‖: " + zNorm + " sd");
        assertTrue(zDriven >= Z, "driven: " + zDriven + " sd");
    }

    /**
     * Power against the plausible wrong answer, nets that do not contract: a W whose spectral
     * radius is 5 % above 1 can never pass the Gaussian check, since ‖Wᵏ‖ ≥ ρ(W)ᵏ = 1.05¹⁰⁰ ≈ 131
     * (100 of 100 draws rejected); and at the fixed point, without inputs to push the units off 0,
     * the driven check fails with 1.5¹⁰⁰.
     */
    @Test
    void theChecksRejectNetsThatDoNotContract() {
        for (long seed = 1; seed <= 100; seed++) {
            var w = SpectralMatrices.withSpectralRadius(N, 1.05, Seeded.rng(seed, "power"));
            assertTrue(SpectralMatrices.norm(power(w, T)) > CONTRACTS, "seed " + seed);
        }
        var q = SpectralMatrices.scaledOrthogonal(N, GAIN, Seeded.rng(1, "q5.3"));
        assertTrue(JacobianExperiments.atFixedPoint("q", q, Activation.TANH, new double[N], T).at(T) > CONTRACTS);
    }

    private static double max(double[] x) {
        return java.util.Arrays.stream(x).max().orElseThrow();
    }

    private static double min(double[] x) {
        return java.util.Arrays.stream(x).min().orElseThrow();
    }

    @Test
    void withSpectralRadiusHasThatRadius() {
        for (double rho : new double[] {0.3, 0.85, 2}) {
            var w = SpectralMatrices.withSpectralRadius(N, rho, Seeded.rng(5, "r"));
            assertEquals(rho, SpectralMatrices.spectralRadius(w), 1e-12 * rho);
        }
        var e = assertThrows(IllegalArgumentException.class,
                () -> SpectralMatrices.withSpectralRadius(N, -1, Seeded.rng(5, "r")));
        assertTrue(e.getMessage().contains("rho"));
    }

    /**
     * ‖∂h_T/∂h_0‖ of the driven net with the draws of {@link JacobianExperiments#driven}, without
     * the norms at every T ≤ 100 that the notebook's curve holds (one SVD instead of 100).
     */
    private static double drivenAtT(Recurrences.Weights w, java.util.Random rng) {
        DMatrixRMaj x = Seeded.normal(T, w.m(), 0, 1, rng);
        double[] h0 = Seeded.normal(w.n(), 0, 1, rng);
        return SpectralMatrices.norm(Jacobians.product(w.W(), Activation.TANH,
                Recurrences.h(w, Activation.TANH, h0, x)));
    }

    @Test
    void theSweepsStatisticIsTheNotebooks() {
        for (long seed = 1; seed <= 3; seed++) {
            var w = Recurrences.Weights.random(N, M, 1, Seeded.rng(seed, "w"))
                    .withW(SpectralMatrices.scaledOrthogonal(N, GAIN, Seeded.rng(seed, "q")));
            double notebook = JacobianExperiments.driven("d", w, Activation.TANH, T, Seeded.rng(seed, "x")).at(T);
            assertEquals(notebook, drivenAtT(w, Seeded.rng(seed, "x")), 1e-9 * notebook);
        }
    }

    private static DMatrixRMaj power(DMatrixRMaj w, int k) {
        DMatrixRMaj p = org.ejml.dense.row.CommonOps_DDRM.identity(w.numRows);
        DMatrixRMaj next = new DMatrixRMaj(w.numRows, w.numRows);
        for (int i = 0; i < k; i++) {
            org.ejml.dense.row.CommonOps_DDRM.mult(w, p, next);
            p.setTo(next);
        }
        return p;
    }
}
