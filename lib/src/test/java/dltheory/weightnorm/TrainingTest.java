package dltheory.weightnorm;

import static dltheory.weightnorm.WeightNormTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dltheory.random.Seeded;
import dltheory.linalg.Vectors;

class TrainingTest {

    private static final long SEED = 46L;

    @Test
    void normGrowthIdentityHoldsAtEveryStepAndNormNeverDecreases() {
        for (int seed = 0; seed < 3; seed++) {
            Random rng = Seeded.rng(SEED + seed, "train");
            for (int d : new int[] {2, 5, 15}) {
                LogisticRegression m = LogisticRegression.synthetic(100, d, rng);
                double[] u0 = Seeded.normal(d, 0, 0.3, rng);
                for (double alpha : new double[] {0.05, 1, 20}) {
                    StepDiagnostics r = Training.run(m, u0, 1, 0, alpha, 60);
                    assertTrue(r.maxIdentityError() <= StepDiagnostics.IDENTITY_TOL, "identity " + r.maxIdentityError());
                    assertTrue(r.minRelativeIncrease() >= -StepDiagnostics.NORM_ROUNDING, "decrease " + r.minRelativeIncrease());
                    double[] rate = r.normFactor();
                    for (int t = 1; t < rate.length; t++) {
                        assertTrue(rate[t] <= rate[t - 1] * (1 + StepDiagnostics.NORM_ROUNDING * 2));
                    }
                    assertEquals(61, r.normU().length);
                    assertEquals(Vectors.norm(u0), r.normU()[0], 1e-15);
                }
            }
        }
    }

    @Test
    void stepsRecordTheScaleAndEffectiveRateOfTheCurrentPoint() {
        Random rng = Seeded.rng(SEED, "record");
        LogisticRegression m = LogisticRegression.synthetic(80, 4, rng);
        double[] u0 = Seeded.normal(4, 0, 1, rng);
        StepDiagnostics r = Training.run(m, u0, 2, 0.1, 0.5, 3);
        Step first = r.step(0);
        assertEquals(0, first.t());
        assertEquals(2, r.step(2).t());
        assertThrows(IllegalArgumentException.class, () -> r.step(3));
        assertEquals(WeightNorm.scale(u0, 2), first.scale(), 1e-15);
        assertEquals(WeightNorm.effectiveRate(u0, 2, 0.5), first.effectiveRate(), 1e-15);
        assertEquals(m.lossOf(u0, 2, 0.1), first.loss(), 1e-15);
        double[] gradW = m.gradientW(WeightNorm.weight(u0, 2), 0.1);
        assertEquals(WeightNorm.normAfterStep(u0, 2, gradW, 0.5), first.normUNext(), 1e-12);
        assertEquals(2, first.gamma());
    }

    @Test
    void gradientDescentLowersTheLossForASmallStep() {
        Random rng = Seeded.rng(SEED, "loss");
        LogisticRegression m = LogisticRegression.synthetic(200, 6, rng);
        StepDiagnostics r = Training.run(m, Seeded.normal(6, 0, 1, rng), 1, 0, 0.1, 100);
        double[] loss = r.loss();
        for (int t = 1; t < loss.length; t++) {
            assertTrue(loss[t] <= loss[t - 1] + 1e-15, "step " + t);
        }
    }

    @Test
    void orderingHelpersSayWhatTheySee() {
        Random rng = Seeded.rng(SEED, "order");
        LogisticRegression m = LogisticRegression.synthetic(100, 3, rng);
        double[] u0 = Seeded.normal(3, 0, 1, rng);
        StepDiagnostics small = Training.run(m, u0, 1, 0, 0.1, 1);
        StepDiagnostics large = Training.run(m, u0, 1, 0, 5, 1);
        assertTrue(Training.finalNormIncreasesWithAlpha(List.of(small, large)));
        StepDiagnostics fake = new StepDiagnostics(10, List.of(new Step(0, new double[] {1}, 0, 1, 1, 0, 1, 1, 10, 0, 0)), 1, 0);
        assertFalse(Training.finalNormIncreasesWithAlpha(List.of(small, large, fake)));
        assertMessage(() -> Training.finalNormIncreasesWithAlpha(List.of(large, small)), "ordered by increasing alpha");
        assertEquals("α=0.1: " + dltheory.text.SignificantFormat.format(small.finalNorm(), 4) + ", α=5: "
                + dltheory.text.SignificantFormat.format(large.finalNorm(), 4), Training.finalNorms(List.of(small, large)));
    }

    /** Runs already made, by seed: the seed sweeps of several tests share them (runs are immutable). */
    private static final java.util.Map<Long, List<StepDiagnostics>> RUNS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The notebook's five runs for one seed, as its cells make them. */
    static List<StepDiagnostics> notebookRuns(long seed) {
        return RUNS.computeIfAbsent(seed, s -> {
            LogisticRegression m = LogisticRegression.synthetic(200, 10, Seeded.rng(s, "data"));
            double[] u0 = Seeded.normal(10, 0, Math.sqrt(0.1), Seeded.rng(s, "u0"));
            return Training.sweep(m, u0, 1, 0, new double[] {0.1, 0.3, 1, 3, 10}, 200);
        });
    }

    @Test
    void orderIsTheSumOfEquationNineAndTheSumRatioDecidesIt() {
        // ‖u_T‖² = ‖u_0‖² + α S(α) (eq. (4.9) summed), so S′/S > α/α′ exactly when ‖u_T‖ grows with α.
        List<StepDiagnostics> runs = notebookRuns(7);
        for (StepDiagnostics r : runs) {
            double n0 = r.normU()[0];
            double nT = r.finalNorm();
            assertEquals(nT * nT, n0 * n0 + r.alpha() * r.gradientSum(), 1e-12 * nT * nT);
        }
        for (Training.Order o : Training.order(runs)) {
            assertEquals(o.sumRatio() > o.bound(), o.normRatio() > 1);
            assertEquals(o.alpha() / o.nextAlpha(), o.bound(), 0);
        }
        Training.checkOrder(runs);
    }

    @Test
    void orderCheckRejectsALargerStepThatDoesNotGrowTheNormMore() {
        // Power of claim 04.q43-order: on each of 20 seeds the notebook's runs pass, and a run of
        // the larger α replaced by one whose ‖u‖ grows no more than the smaller α's (a trainer
        // that ignores α in u's step: the smaller run relabelled, S′/S = α/α′) is rejected, for
        // each of the four pairs.
        int rejected = 0;
        for (long seed = 1; seed <= 20; seed++) {
            List<StepDiagnostics> runs = notebookRuns(seed);
            Training.checkOrder(runs);
            for (int i = 1; i < runs.size(); i++) {
                List<StepDiagnostics> wrong = new java.util.ArrayList<>(runs);
                StepDiagnostics smaller = runs.get(i - 1);
                wrong.set(i, new StepDiagnostics(runs.get(i).alpha(), smaller.steps(), smaller.finalGamma(),
                        smaller.finalLoss()));
                assertThrows(AssertionError.class, () -> Training.checkOrder(wrong));
                rejected++;
            }
        }
        assertEquals(80, rejected);
        List<StepDiagnostics> runs = notebookRuns(1);
        assertMessage(() -> Training.order(List.of(runs.get(1), runs.get(0))), "ordered by increasing alpha");
    }

    @Test
    void checkGrowthThrowsOnAFalseStep() {
        StepDiagnostics broken = new StepDiagnostics(1, List.of(new Step(0, new double[] {2}, 0, 2, 1.9, 0, 1, 0.5, 0.25, 1.9 * 1.9 - 4, 0.1)), 1, 0);
        assertThrows(AssertionError.class, broken::checkGrowth);
    }

    @Test
    void tableSummarisesEachRun() {
        Random rng = Seeded.rng(SEED, "table");
        LogisticRegression m = LogisticRegression.synthetic(50, 3, rng);
        List<StepDiagnostics> runs = Training.sweep(m, Seeded.normal(3, 0, 1, rng), 1, 0, new double[] {0.1, 1}, 5);
        assertEquals(2, Training.table(runs).rowCount());
        assertEquals(0.1, runs.get(0).summary().alpha());
    }

    @Test
    void badInputIsRejected() {
        LogisticRegression m = LogisticRegression.synthetic(20, 3, Seeded.rng(SEED, "bad"));
        double[] u = {1, 0, 0};
        assertMessage(() -> Training.run(null, u, 1, 0, 0.1, 5), "model must be a LogisticRegression");
        assertMessage(() -> Training.run(m, new double[3], 1, 0, 0.1, 5), "u0 must be non-zero");
        assertMessage(() -> Training.run(m, new double[] {1, 2}, 1, 0, 0.1, 5), "u0 must have length 3");
        assertMessage(() -> Training.run(m, u, Double.NaN, 0, 0.1, 5), "gamma0 must be finite");
        assertMessage(() -> Training.run(m, u, 1, 0, 0, 5), "alpha must be finite and > 0");
        assertMessage(() -> Training.run(m, u, 1, 0, 0.1, 0), "steps must be >= 1");
        assertMessage(() -> Training.sweep(m, u, 1, 0, new double[0], 5), "alphas must be a non-empty vector");
        assertMessage(() -> new StepDiagnostics(1, List.of(), 1, 0), "steps must hold at least one element");
    }
}
