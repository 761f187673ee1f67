package dltheory.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dltheory.check.CapturedStdout;
import dltheory.check.MonteCarlo;
import dltheory.check.Stats;

/** The experiment records the notebook calls, one per claim. */
class ExperimentsTest {

    private static final long SEED = 20190322L;
    @RegisterExtension
    final CapturedStdout stdout = new CapturedStdout();

    @Test
    void equivalenceMatchesAndTheControlDoesNot() {
        for (double beta : new double[] {0.5, 0.9, 0.99}) {
            for (double delta : new double[] {0.1, 0.4, 1.3}) {
                Equivalence e = Equivalence.run(beta, delta, Quadratic.rotated(1.0, 0.05, Math.PI / 6), new double[] {-4, 2}, 100);
                assertTrue(e.maxDistance() <= 1e-12, "beta=" + beta + " delta=" + delta + ": " + e.maxDistance());
                assertEquals(delta, e.velocityRatio(), 1e-9 * delta);
                assertTrue(e.mismatchedDistance() > 0.1, "control " + e.mismatchedDistance());
            }
        }
    }

    @Test
    void equivalenceTableAndChartShowTheFourMethods() {
        Equivalence e = Equivalence.run(0.9, 0.4, Quadratic.rotated(1.0, 0.05, Math.PI / 6), new double[] {-4, 2}, 50);
        assertEquals(4, e.table().rowCount());
        var series = e.chart().getSeriesMap();
        assertTrue(series.keySet().containsAll(java.util.List.of("momentum", "SGD, η = ε", "SGD, η = δ", "running average")));
        assertTrue(e.chart().getTitle().contains("(−4, 2)"), e.chart().getTitle());
    }

    @Test
    void adamStepsChecksPassOnTheRealRunAndFailOnATamperedOne() {
        AdamSteps a = AdamSteps.run(1e-3, 0.9, 0.999, 1e-8, 1.0, 3000);
        a.checkClaims();
        assertEquals(2, stdout.text().lines().filter(l -> l.startsWith("✓")).count());
        double[] bad = a.withoutCorrection().clone();
        bad[100] *= 1.01;
        AdamSteps tampered = new AdamSteps(0.9, 0.999, 1e-8, 1.0, a.withCorrection(), bad, a.predicted());
        assertThrows(AssertionError.class, () -> tampered.checkClaims());
        // the derived tolerance is 1e-6 at t = 1; a ten times larger ε̂ moves the first step by
        // about 1e-5 and must be rejected by a check that assumes ε̂ = 1e-8
        AdamSteps larger = AdamSteps.run(1e-3, 0.9, 0.999, 1e-7, 1.0, 10);
        AdamSteps claimed = new AdamSteps(0.9, 0.999, 1e-8, 1.0, larger.withCorrection(),
                larger.withoutCorrection(), larger.predicted());
        assertThrows(AssertionError.class, () -> claimed.checkClaims());
        assertEquals(1e-6, a.uncorrectedTolerance(), 1e-11);
        double want = 0;
        for (int t = 1; t <= 3000; t++) {
            want = Math.max(want, Adam.uncorrectedStepRatio(0.9, 0.999, t));
        }
        assertEquals(want, a.peak(), 1e-5);
        assertEquals(3000, a.chart().getSeriesMap().get("with bias correction").getXData()[
                a.chart().getSeriesMap().get("with bias correction").getXData().length - 1], 0);
    }

    @Test
    void adamMomentsCheckPassesOnARealRunAndFailsWhenShifted() {
        NoisyGradient s = new NoisyGradient(0.5, 1.0);
        AdamMoments a = AdamMoments.simulate(0.9, 0.999, 10, s, 2000, new Random(SEED));
        a.checkClaims(MonteCarlo.K);
        assertEquals(2, stdout.text().lines().filter(l -> l.startsWith("✓")).count());
        // the plausible wrong answer E[m_t] = E[g] (no bias factor 1 − β₁ᵗ = 0.65 at t = 10) is
        // rejected; a 10 % error in the factor is about 7 standard errors with 2000 runs
        Stats shifted = new Stats(a.m().n(), a.m().mean() * 1.10, a.m().variance());
        AdamMoments wrong = new AdamMoments(0.9, 0.999, 10, s, shifted, a.s(), a.mHat(), a.sHat());
        assertThrows(AssertionError.class, () -> wrong.checkClaims(MonteCarlo.K));
    }

    /**
     * The notebook's check at its size (8000 runs, t = 10) holds for 200 seeds, and a 5 % error in
     * either bias factor, 1 − β₁ᵗ or 1 − β₂ᵗ (up or down), is rejected for at least 90 % of them:
     * the error is about 6.8 standard errors of m_10 and 10 of s_10 (issue #31).
     */
    @Test
    void adamMomentsCheckHoldsForManySeedsAndRejectsAFivePercentError() {
        NoisyGradient s = new NoisyGradient(0.5, 1.0);
        int seeds = 200;
        int[] rejected = new int[4];
        for (int seed = 1; seed <= seeds; seed++) {
            AdamMoments a = AdamMoments.simulate(0.9, 0.999, 10, s, 8000, new Random(seed));
            a.checkClaims(MonteCarlo.K);
            double[] errors = {1.05, 0.95};
            for (int e = 0; e < 2; e++) {
                double zm = (a.m().mean() - errors[e] * a.expectedM()) / a.m().standardError();
                double zs = (a.s().mean() - errors[e] * a.expectedS()) / a.s().standardError();
                rejected[e] += Math.abs(zm) > MonteCarlo.K ? 1 : 0;
                rejected[2 + e] += Math.abs(zs) > MonteCarlo.K ? 1 : 0;
            }
        }
        for (int r : rejected) {
            assertTrue(r >= 0.9 * seeds, "rejected " + java.util.Arrays.toString(rejected) + " of " + seeds);
        }
        System.out.println("5 % errors rejected (m +, m -, s +, s -): "
                + java.util.Arrays.toString(rejected) + " of " + seeds);
    }
}
