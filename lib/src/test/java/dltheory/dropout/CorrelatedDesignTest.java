package dltheory.dropout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import dltheory.check.MonteCarlo;
import dltheory.random.Seeded;

/**
 * The correlated design of notebook 02 (section 5) has the covariance it claims, and on it dropout's
 * test-time weights are far from every ridge solution, while on a design with equal scales and no
 * correlation they are not.
 */
class CorrelatedDesignTest {

    private static final long SEED = 20190315L;
    private static final double[] SCALES = {0.5, 0.7, 1, 1.5, 2.5};

    @Test
    void sampleCovarianceConvergesToSigma() {
        CorrelatedDesign design = CorrelatedDesign.of(0.9, SCALES, 4.0, Seeded.rng(1, "w"));
        int n = 40_000;
        DMatrixRMaj X = design.sample(n, Seeded.rng(2, "data")).X();
        DMatrixRMaj gram = DropoutRegression.gram(X);
        CommonOps_DDRM.scale(1.0 / n, gram);
        DMatrixRMaj sigma = design.covariance();
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                // Var[x_i x_j] ≤ Σ_ii Σ_jj (1 + ρ²) ≤ 2 Σ_ii Σ_jj for Gaussian features
                double se = Math.sqrt(2 * sigma.get(i, i) * sigma.get(j, j) / n);
                assertEquals(sigma.get(i, j), gram.get(i, j), MonteCarlo.K * se, "entry " + i + ", " + j);
            }
        }
        assertEquals(0.9 * 0.5 * 2.5, sigma.get(0, 4), 1e-15);
    }

    @Test
    void conditionNumberIsOneForUncorrelatedEqualScalesAndLargeForTheNotebooksDesign() {
        assertEquals(1.0, new CorrelatedDesign(0, new double[] {2, 2, 2}, new double[3], 1).conditionNumber(), 1e-12);
        // ρ = 0.9, five equal scales: eigenvalues 1 + 4ρ = 4.6 and 1 − ρ = 0.1, ratio 46
        assertEquals(46.0, new CorrelatedDesign(0.9, new double[] {1, 1, 1, 1, 1}, new double[5], 1)
                .conditionNumber(), 1e-9);
        assertTrue(CorrelatedDesign.of(0.9, SCALES, 4.0, Seeded.rng(SEED, "correlated w")).conditionNumber() > 100);
    }

    @Test
    void trainingAndHeldOutSetsShareTheWeights() {
        CorrelatedDesign design = CorrelatedDesign.of(0.5, SCALES, 1.0, Seeded.rng(3, "w"));
        assertArrayEquals(design.wTrue(), design.sample(3, Seeded.rng(4)).wTrue());
        assertArrayEquals(design.wTrue(), design.sample(7, Seeded.rng(5)).wTrue());
        assertEquals(30, DesignSummary.of("x", design.sample(30, Seeded.rng(6)).X()).n());
    }

    @Test
    void theNotebooksClaimDropoutIsFarFromEveryRidgeSolutionOnTheCorrelatedDesignOnly() {
        // cells of section 5: data of sections 1–4 and the correlated design, p = 0.5
        RegressionData data = RegressionData.synthetic(100, 5, 0.5, Seeded.rng(SEED, "data"));
        CorrelatedDesign design = CorrelatedDesign.of(0.9, SCALES, 4.0, Seeded.rng(SEED, "correlated w"));
        RegressionData corr = design.sample(20, Seeded.rng(SEED, "correlated data"));
        assertTrue(RidgeComparison.closestRidge(data.X(), data.y(), 0.5).relative() <= 0.05);
        assertTrue(RidgeComparison.closestRidge(corr.X(), corr.y(), 0.5).relative() >= 0.5);
        // the claim is about correlation and scales: without them the same draw is close to ridge
        CorrelatedDesign plain = new CorrelatedDesign(0, new double[] {1, 1, 1, 1, 1}, design.wTrue(), 4.0);
        for (long s = 0; s < 5; s++) {
            RegressionData r = plain.sample(200, Seeded.rng(s, "plain"));
            assertTrue(RidgeComparison.closestRidge(r.X(), r.y(), 0.5).relative() < 0.5, "seed " + s);
        }
        // and it does not hinge on one draw: five other training sets of the correlated design
        for (long s = 1; s <= 5; s++) {
            RegressionData r = design.sample(20, Seeded.rng(SEED + s, "correlated data"));
            assertTrue(RidgeComparison.closestRidge(r.X(), r.y(), 0.5).relative() >= 0.3, "seed " + s);
        }
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new CorrelatedDesign(1.0, SCALES, new double[5], 1));
        assertThrows(IllegalArgumentException.class, () -> new CorrelatedDesign(0.5, SCALES, new double[4], 1));
        assertThrows(IllegalArgumentException.class,
                () -> new CorrelatedDesign(0.5, new double[] {1, -1}, new double[2], 1));
        assertThrows(IllegalArgumentException.class, () -> new CorrelatedDesign(0.5, SCALES, new double[5], -1));
    }
}
