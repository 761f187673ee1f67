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
}
