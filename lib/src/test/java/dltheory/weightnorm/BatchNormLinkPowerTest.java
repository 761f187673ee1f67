package dltheory.weightnorm;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import dltheory.linalg.Vectors;
import dltheory.random.Seeded;

/**
 * Claim 04.q41-white (notebook 04, Q4.1, the check cell after the table): on a batch with
 * E[x] = 0 and Cov[x] = I, ρ = 1 and δ = 0 within 4 standard errors. At the notebook's sizes
 * (n = 20,000, d = 8) it holds for 200 seeds, and it rejects a plausible wrong answer, a 5 % error
 * in ρ (inputs with standard deviation 0.95 or 1.05, so that ρ = 0.95 or 1.05: 10 SE away) or a
 * shift δ = 0.05 (7 SE away), for at least 90 % of the seeds.
 */
class BatchNormLinkPowerTest {

    private static final int N = 20_000;
    private static final int D = 8;

    /** The notebook's white batch with Cov[x] = s²I and E[x] = δ·u/‖u‖, and the notebook's u. */
    private static Comparison perturbed(long seed, double s, double delta) {
        Random rng = Seeded.rng(seed, "Q4.1 power");
        double[] u = Seeded.normal(D, 0, 1, rng);
        DMatrixRMaj cov = Inputs.identity(D);
        CommonOps_DDRM.scale(s * s, cov);
        double norm = Vectors.norm(u);
        double[] mean = new double[D];
        for (int i = 0; i < D; i++) {
            mean[i] = delta * u[i] / norm;
        }
        InputSample x = InputSample.gaussian("s = " + s + ", δ = " + delta, N, mean, cov, rng);
        return BatchNormLink.compare(new Case("perturbed", x, u), 2.0, 0.5);
    }

    @Test
    void theWhiteCheckHoldsForManySeedsAndRejectsAFivePercentError() {
        int seeds = 200;
        int[] rejected = new int[3];
        double[][] wrong = {{1.05, 0}, {0.95, 0}, {1, 0.05}};
        for (long seed = 1; seed <= seeds; seed++) {
            var cases = BatchNormLink.cases(N, D, 0.5, 1.0, Seeded.rng(seed, "Q4.1"));
            BatchNormLink.compare(cases.white(), 2.0, 0.5).checkAgreement();
            perturbed(seed, 1, 0).checkAgreement();
            for (int k = 0; k < wrong.length; k++) {
                Comparison c = perturbed(seed, wrong[k][0], wrong[k][1]);
                try {
                    c.checkAgreement();
                } catch (AssertionError e) {
                    rejected[k]++;
                }
            }
        }
        System.out.printf("Q4.1 white: rejected ρ = 1.05 %d, ρ = 0.95 %d, δ = 0.05 %d of %d%n",
                rejected[0], rejected[1], rejected[2], seeds);
        for (int k = 0; k < wrong.length; k++) {
            assertTrue(rejected[k] >= 0.9 * seeds, "case " + k + ": " + rejected[k] + " of " + seeds);
        }
        assertThrows(AssertionError.class, () -> perturbed(1, 1.05, 0).checkAgreement());
    }
}
