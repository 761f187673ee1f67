package dltheory.weightnorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dltheory.check.Gradients;
import dltheory.random.Seeded;
import dltheory.linalg.Vectors;

/** Notebook 04, eq. (10) and the checks of (6) and (9) with measured gradients. */
class EffectiveRateTest {

    private static final long SEED = 20190315L;

    private static LogisticRegression notebookData() {
        return LogisticRegression.synthetic(200, 10, Seeded.rng(SEED, "data"));
    }

    private static double[] notebookStart() {
        return Seeded.normal(10, 0, Math.sqrt(0.1), Seeded.rng(SEED, "u0"));
    }

    @Test
    void rateIsAlphaGammaSquaredOverNormSquaredAtEveryStep() {
        StepDiagnostics run = Training.run(notebookData(), notebookStart(), 1, 0, 0.3, 20);
        double[] rate = run.rate();
        for (int t = 0; t < run.length(); t++) {
            Step s = run.steps().get(t);
            assertEquals(WeightNorm.effectiveRate(s.u(), s.gamma(), 0.3), rate[t], 1e-12 * rate[t]);
        }
        double nT = run.finalNorm();
        assertEquals(0.3 * run.finalGamma() * run.finalGamma() / (nT * nT), rate[20], 1e-12 * rate[20]);
    }

    @Test
    void fullRateRisesForSmallStepsAndFallsForTheLargestOnTheNotebookData() {
        List<StepDiagnostics> runs = Training.sweep(notebookData(), notebookStart(), 1, 0,
                new double[] {0.1, 0.3, 1, 10}, 200);
        for (int i = 0; i < 3; i++) {
            double[] r = runs.get(i).rate();
            assertTrue(r[200] > 2 * r[0], "α = " + runs.get(i).alpha());
        }
        double[] r10 = runs.get(3).rate();
        assertTrue(r10[200] < r10[0]);
    }

    @Test
    void burstAtAlphaThreeRaisesTheLossJumpsTheNormAndLowersTheRate() {
        StepDiagnostics run = Training.run(notebookData(), notebookStart(), 1, 0, 3, 200);
        Burst b = Burst.of(run);
        assertTrue(b.peakStep() > 100 && b.peakStep() < 140, "peak at " + b.peakStep());
        assertTrue(b.peakRate() > 20, "peak " + b.peakRate());
        b.check();
    }

    @Test
    void burstChartStartsEverySeriesAtOne() {
        StepDiagnostics run = Training.run(notebookData(), notebookStart(), 1, 0, 3, 200);
        var chart = Figures.burst(run, 100, 160);
        assertEquals(3, chart.getSeriesMap().size());
        for (var series : chart.getSeriesMap().values()) {
            assertEquals(1.0, series.getYData()[0], 0);
            assertEquals(61, series.getYData().length);
        }
        assertThrows(IllegalArgumentException.class, () -> Figures.burst(run, 10, 10));
    }

    @Test
    void burstCheckRejectsARunWithoutABurst() {
        StepDiagnostics calm = Training.run(notebookData(), notebookStart(), 1, 0, 0.1, 200);
        assertThrows(AssertionError.class, () -> Burst.of(calm).check());
    }

    @Test
    void measuredGradientsAgreeWithEquationSixAndIdentityNineAlongTheRun() {
        LogisticRegression m = notebookData();
        StepDiagnostics run = Training.run(m, notebookStart(), 1, 0, 3, 200);
        for (MeasuredGradient g : Training.measuredGradients(m, run, 0, 10, 122, 127)) {
            assertTrue(g.relativeError() < MeasuredGradient.TOL, "eq. 6 at " + g.t());
            assertTrue(g.identityError() < MeasuredGradient.TOL, "eq. 9 at " + g.t());
            assertTrue(g.cosine() < MeasuredGradient.TOL, "orthogonality at " + g.t());
            g.check();
        }
    }

    @Test
    void measuredGradientCheckRejectsALossThatIsNotScaleInvariant() {
        // Without normalization, w = γu: L changes along u, so the measured gradient has a
        // component along u, and identity (9) fails.
        LogisticRegression m = notebookData();
        double[] u = notebookStart();
        double[] gradW = m.gradientW(Vectors.scale(2, u), 0);
        double[] trueGradient = Vectors.scale(2, gradW);
        MeasuredGradient g = MeasuredGradient.measure(0, v -> m.loss(Vectors.scale(2, v), 0), u,
                trueGradient, 1);
        assertTrue(g.relativeError() < MeasuredGradient.TOL);
        assertTrue(g.identityError() > 100 * MeasuredGradient.TOL, "identity " + g.identityError());
        assertThrows(AssertionError.class, g::check);
    }

    @Test
    void measuredGradientCheckRejectsTheUnprojectedGradient() {
        LogisticRegression m = notebookData();
        double[] u = notebookStart();
        double[] gradW = m.gradientW(WeightNorm.weight(u, 1), 0);
        double[] unprojected = Vectors.scale(1 / Vectors.norm(u), gradW);
        MeasuredGradient g = MeasuredGradient.measure(0, v -> m.lossOf(v, 1, 0), u, unprojected, 1);
        assertTrue(g.relativeError() > 100 * MeasuredGradient.TOL);
        assertThrows(AssertionError.class, g::check);
    }

    @Test
    void measuredGradientsRejectBadSteps() {
        LogisticRegression m = notebookData();
        StepDiagnostics run = Training.run(m, notebookStart(), 1, 0, 1, 5);
        assertThrows(IllegalArgumentException.class, () -> Training.measuredGradients(m, run, 5));
        assertThrows(IllegalArgumentException.class, () -> Training.measuredGradients(m, run));
        assertTrue(Gradients.STEP > 0);
    }
}
