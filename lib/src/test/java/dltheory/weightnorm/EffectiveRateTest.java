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
        assertTrue(b.isBurst());
        b.check();
    }

    /** The notebook's runs for one seed, as its cells make them. */
    private static List<StepDiagnostics> notebookRuns(long seed) {
        return TrainingTest.notebookRuns(seed);
    }

    /** (mean − threshold)/sd of {@code x}. */
    private static double standardDeviationsAbove(double[] x, double threshold) {
        var s = dltheory.check.Stats.of(x);
        return (s.mean() - threshold) / s.std();
    }

    /**
     * Claims 04.q43-order, 04.rate-can-rise and 04.burst-brake on SEED = 1…100 (the burst of each
     * seed's first draw with one, {@link Burst#firstDraw}, as in the notebook): none is derived
     * whole, so what supports a false alarm ≤ 1e-3 is how many standard deviations of the spread
     * over seeds separate each margin from its bound, on a log scale where it is close to normal.
     * bench/weightnorm measures the same over 3,000 seeds (order: ≥ 4.1 per pair; rate: 4.6;
     * burst, first draw with one: 4.9 and 4.1); here each must keep at least 3.5, and every seed must pass.
     */
    @Test
    void seedSweepOfTheNotebooksRunClaims() {
        int seeds = 100;
        List<double[]> order = new java.util.ArrayList<>();
        double[] rise = new double[seeds];
        List<Double> jump = new java.util.ArrayList<>();
        List<Double> fall = new java.util.ArrayList<>();
        for (int i = 0; i < seeds; i++) {
            List<StepDiagnostics> runs = notebookRuns(i + 1);
            Training.checkOrder(runs);
            order.add(Training.order(runs).stream().mapToDouble(o -> Math.log(o.sumRatio() / o.bound())).toArray());
            rise[i] = Math.log(Training.largestRateRise(runs));
            long seed = i + 1;
            Burst.Draw draw = Burst.firstDraw(runs, k -> ClaimSweep.draw(seed, k, new double[] {0.1, 0.3, 1, 3, 10}),
                    Burst.DRAWS);
            draw.check();
            draw.search().found().ifPresent(b -> {
                jump.add(Math.log(Math.log(b.normJump())) - Math.log(Math.log(Burst.MIN_NORM_JUMP)));
                fall.add(Math.log(Math.log(b.peakRate() / b.rateAfter()))
                        - Math.log(Math.log(1 / Burst.MAX_RATE_FRACTION)));
            });
        }
        for (int pair = 0; pair < 4; pair++) {
            int p = pair;
            double z = standardDeviationsAbove(order.stream().mapToDouble(o -> o[p]).toArray(), 0);
            assertTrue(z >= 3.5, "order, pair " + pair + ": " + z + " sd");
        }
        double zRise = standardDeviationsAbove(rise, 0);
        double zJump = standardDeviationsAbove(jump.stream().mapToDouble(Double::doubleValue).toArray(), 0);
        double zFall = standardDeviationsAbove(fall.stream().mapToDouble(Double::doubleValue).toArray(), 0);
        System.out.printf("%d seeds: rate %.1f sd, burst (%d found) %.1f and %.1f sd%n", seeds, zRise, jump.size(),
                zJump, zFall);
        assertTrue(zRise >= 3.5 && zJump >= 3.5 && zFall >= 3.5, zRise + " " + zJump + " " + zFall);
        // The condition holds by design: every seed's first draw with a burst is checked.
        assertEquals(seeds, jump.size(), "found " + jump.size());
    }

    @Test
    void firstDrawKeepsTheRunsAboveWhenTheyHaveABurstAndFailsLoudlyWhenNoDrawHasOne() {
        List<StepDiagnostics> above = Training.sweep(notebookData(), notebookStart(), 1, 0, new double[] {1, 3}, 200);
        Burst.Draw kept = Burst.firstDraw(above, k -> {
            throw new AssertionError("no second draw is needed");
        }, Burst.DRAWS);
        assertEquals(1, kept.index());
        assertEquals(3.0, kept.search().found().orElseThrow().alpha());
        kept.check();
        List<StepDiagnostics> calm = Training.sweep(notebookData(), notebookStart(), 1, 0,
                new double[] {0.1, 0.3}, 200);
        int[] drawn = {0};
        Burst.Draw none = Burst.firstDraw(calm, k -> {
            drawn[0]++;
            return calm;
        }, 3);
        assertEquals(3, none.index());
        assertEquals(2, drawn[0]);
        assertEquals(2, none.table().rowCount());
        assertThrows(AssertionError.class, none::check);
    }

    @Test
    void everySeedOfOneToTwentyFindsABurstWithinTheDraws() {
        // the old selection (the five runs above only) found none for 44 % of seeds; the draws of
        // the stream "burst k" find one for each of these seeds, and the check passes
        int redrawn = 0;
        for (long seed = 1; seed <= 20; seed++) {
            long s = seed;
            Burst.Draw draw = Burst.firstDraw(notebookRuns(seed),
                    k -> ClaimSweep.draw(s, k, new double[] {0.1, 0.3, 1, 3, 10}), Burst.DRAWS);
            assertTrue(draw.search().found().isPresent(), "seed " + seed);
            draw.check();
            redrawn += draw.index() > 1 ? 1 : 0;
        }
        assertTrue(redrawn > 0, "some seed needs a second draw, so the redraw is exercised");
    }

    @Test
    void rateRiseCheckRejectsTheRateOfTheDirection() {
        // Power of claim 04.rate-can-rise: the convention that only decays, α/‖u‖² (per unit of the
        // direction's own gradient), stays at or below 1 on each of 20 seeds and fails the check.
        for (long seed = 1; seed <= 20; seed++) {
            List<StepDiagnostics> runs = notebookRuns(seed);
            assertTrue(Training.largestRateRise(runs) > 1, "seed " + seed);
            double wrong = Training.largestDirectionRateRise(runs);
            assertTrue(wrong <= 1, "seed " + seed + ": " + wrong);
            assertThrows(AssertionError.class, () -> dltheory.check.Check.atLeast(wrong, 1 + 1e-12, "rate"));
        }
    }

    @Test
    void burstCheckRejectsARunWhoseNormIsHeldAfterThePeak() {
        // Power of claim 04.burst-brake: for each seed of 1…40 with a burst, the same run with ‖u‖
        // held at ‖u_t*‖ after the peak (no growth by eq. (4.9), e.g. u renormalized every step)
        // has no norm jump and is rejected.
        int rejected = 0;
        for (long seed = 1; seed <= 40; seed++) {
            var found = Burst.search(notebookRuns(seed)).found();
            if (found.isEmpty()) {
                continue;
            }
            Burst b = found.get();
            Burst held = new Burst(b.alpha(), b.peakStep(), b.peakRate(), b.lossRise(), b.lossFall(), 1.0,
                    b.rateAfter() * b.normJump() * b.normJump(), b.steps());
            assertThrows(AssertionError.class, held::check);
            rejected++;
        }
        assertTrue(rejected >= 10, "bursts " + rejected);
    }

    @Test
    void burstSearchSaysSoWhenNoRunHasABurst() {
        List<StepDiagnostics> calm = Training.sweep(notebookData(), notebookStart(), 1, 0,
                new double[] {0.1, 0.3}, 200);
        var search = Burst.search(calm);
        assertTrue(search.found().isEmpty());
        search.check();
        assertEquals(2, search.table().rowCount());
        assertEquals(201, Figures.burst(calm, search).getSeriesMap().values().iterator().next().getYData().length);
        var search3 = Burst.search(Training.sweep(notebookData(), notebookStart(), 1, 0, new double[] {1, 3}, 200));
        assertEquals(3.0, search3.found().orElseThrow().alpha());
    }

    @Test
    void burstCheckRejectsARunWhoseNormDoesNotJumpOrWhoseRateDoesNotFall() {
        assertThrows(AssertionError.class, () -> new Burst(3, 120, 20, 0.01, 0.01, 1.01, 15, 200).check());
        assertThrows(AssertionError.class, () -> new Burst(3, 120, 20, 0.01, 0.01, 1.2, 19.8, 200).check());
        new Burst(3, 120, 20, 0.01, 0.01, 1.2, 15, 200).check();
    }

    @Test
    void firstJumpAgreesWithTheMeasuredGradientAndRejectsAFivePercentError() {
        for (long seed = 1; seed <= 100; seed++) {
            LogisticRegression m = LogisticRegression.synthetic(200, 10, Seeded.rng(seed, "data"));
            double[] u0 = Seeded.normal(10, 0, Math.sqrt(0.1), Seeded.rng(seed, "u0"));
            StepDiagnostics run = Training.run(m, u0, 1, 0, 10, 3);
            MeasuredGradient g = Training.measuredGradients(m, run, 0).get(0);
            double growth = run.step(0).growth();
            g.checkGrowth(growth, 10);
            assertThrows(AssertionError.class, () -> g.checkGrowth(1.05 * growth, 10));
            assertThrows(AssertionError.class, () -> g.checkGrowth(0.95 * growth, 10));
        }
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
    void measuredGradientsAgreeWithEquationSixAndIdentityNineAtTheSteepestStepsOfEveryRunForManySeeds() {
        // No false alarm: the bound τ holds on 100 seeds (the notebook with SEED = 1…100; 200 when written), and
        // the steepest steps resolve a 5 % error (‖∇̃ᵤL‖ ≥ 20 τ) on each.
        for (long seed = 1; seed <= 100; seed++) {
            LogisticRegression m = LogisticRegression.synthetic(200, 10, Seeded.rng(seed, "data"));
            for (MeasuredGradient g : Training.measuredGradients(m, notebookRuns(seed), 2)) {
                assertTrue(g.error() <= g.tolerance(), "eq. 6, seed " + seed + ", " + g);
                assertTrue(g.identityError() <= g.identityTolerance(), "eq. 9, seed " + seed + ", " + g);
                assertTrue(g.resolution() >= MeasuredGradient.MIN_RESOLUTION, "seed " + seed + ", " + g);
            }
        }
    }

    @Test
    void measuredGradientCheckRejectsAFivePercentErrorAtTheSteepestStepsForManySeeds() {
        // Power: the gradient of (6) scaled by 1.05, and by 0.95, fails the check at the two
        // steepest steps of every run of the notebook, on each of 50 seeds.
        for (long seed = 1; seed <= 50; seed++) {
            LogisticRegression m = LogisticRegression.synthetic(200, 10, Seeded.rng(seed, "data"));
            for (StepDiagnostics run : notebookRuns(seed)) {
            for (int t : Training.steepestSteps(run, 2)) {
                Step s = run.step(t);
                double[] u = s.u();
                double[] gradW = m.gradientW(WeightNorm.weight(u, s.gamma()), s.beta());
                double[] right = WeightNorm.gradientU(u, s.gamma(), gradW);
                for (double f : new double[] {0.95, 1.05}) {
                    MeasuredGradient g = MeasuredGradient.measure(t, v -> m.lossOf(v, s.gamma(), s.beta()), u,
                            Vectors.scale(f, right), run.alpha());
                    assertTrue(g.error() > g.tolerance(), "factor " + f + ", seed " + seed + ", " + g);
                    assertThrows(AssertionError.class, g::check);
                }
            }
            }
        }
    }

    @Test
    void steepestStepsAreTheLargestGradientsInOrderOfTime() {
        StepDiagnostics run = Training.run(notebookData(), notebookStart(), 1, 0, 3, 200);
        int[] ts = Training.steepestSteps(run, 4);
        double[] g = run.gradientNorm();
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < ts.length; i++) {
            assertTrue(i == 0 || ts[i] > ts[i - 1]);
            smallest = Math.min(smallest, g[ts[i]]);
        }
        int above = 0;
        for (double v : g) {
            above += v >= smallest ? 1 : 0;
        }
        assertEquals(4, above);
        Step s0 = run.step(0);
        double[] grad0 = WeightNorm.gradientU(s0.u(), 1, notebookData().gradientW(WeightNorm.weight(s0.u(), 1), 0));
        assertEquals(Vectors.norm(grad0), g[0], 1e-12 * g[0]);
        assertThrows(IllegalArgumentException.class, () -> Training.steepestSteps(run, 0));
        assertThrows(IllegalArgumentException.class, () -> Training.steepestSteps(run, 201));
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
        assertTrue(g.error() < g.tolerance());
        assertTrue(g.identityError() > 100 * g.identityTolerance(), "identity " + g);
        assertThrows(AssertionError.class, g::check);
    }

    @Test
    void measuredGradientCheckRejectsTheUnprojectedGradient() {
        LogisticRegression m = notebookData();
        double[] u = notebookStart();
        double[] gradW = m.gradientW(WeightNorm.weight(u, 1), 0);
        double[] unprojected = Vectors.scale(1 / Vectors.norm(u), gradW);
        MeasuredGradient g = MeasuredGradient.measure(0, v -> m.lossOf(v, 1, 0), u, unprojected, 1);
        assertTrue(g.error() > 100 * g.tolerance());
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
