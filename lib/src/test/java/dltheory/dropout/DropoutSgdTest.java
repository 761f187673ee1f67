package dltheory.dropout;

import dltheory.linalg.Vectors;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import dltheory.check.MonteCarlo;
import dltheory.check.Stats;
import dltheory.random.Seeded;

/** Training with dropout (SGD, one fresh mask per step), notebook 02. */
class DropoutSgdTest {

    private static final long SEED = 6135_0203L;

    @Test
    void stochasticGradientIsTheGradientOfOneMasksLoss() {
        RegressionData d = RegressionData.synthetic(15, 3, 0.3, Seeded.rng(SEED, "data"));
        DMatrixRMaj X = d.X();
        double[] y = d.y();
        double[] w = {0.3, -0.7, 1.1};
        double[] g = DropoutSgd.stochasticGradient(X, y, w, 0.6, Seeded.rng(SEED, "mask"));
        DMatrixRMaj R = MonteCarloDropout.mask(15, 3, 0.6, Seeded.rng(SEED, "mask"));
        double[] numeric = dltheory.check.Gradients.centralDifference(v -> MonteCarloDropout.loss(X, y, v, R), w);
        assertTrue(dltheory.check.Gradients.relativeError(g, numeric) < 1e-8);
    }

    @Test
    void stochasticGradientIsUnbiasedForTheExpectedLossGradient() {
        RegressionData d = RegressionData.synthetic(20, 3, 0.3, Seeded.rng(SEED, "data"));
        double[] w = {1, 0.5, -2};
        double p = 0.4;
        int draws = 4000;
        java.util.Random rng = Seeded.rng(SEED, "unbiased");
        double[][] samples = new double[3][draws];
        for (int m = 0; m < draws; m++) {
            double[] g = DropoutSgd.stochasticGradient(d.X(), d.y(), w, p, rng);
            for (int j = 0; j < 3; j++) {
                samples[j][m] = g[j];
            }
        }
        double[] exact = DropoutRegression.expectedLossGradient(d.X(), d.y(), w, p);
        for (int j = 0; j < 3; j++) {
            Stats s = Stats.of(samples[j]);
            assertEquals(exact[j], s.mean(), MonteCarlo.K * s.standardError(), "coordinate " + j);
        }
    }

    @Test
    void sgdWithADecayingStepConvergesToWDropNotToPTimesWDrop() {
        for (long seed = 0; seed < 3; seed++) {
            RegressionData d = RegressionData.synthetic(60, 4, 0.5, Seeded.rng(seed, "data"));
            double p = 0.5;
            double[] wDrop = DropoutRegression.minimiser(d.X(), d.y(), p);
            double[] pwDrop = DropoutRegression.scaledMinimiser(d.X(), d.y(), p);
            double eta0 = 0.5 / DropoutRegression.smoothness(d.X(), p);
            SgdPath path = DropoutSgd.run(d.X(), d.y(), p, 20_000, eta0, 100, 20, Seeded.rng(seed, "sgd"));
            double gap = Vectors.distance(wDrop, pwDrop);
            double[] toDrop = path.distanceTo(wDrop);
            assertTrue(toDrop[toDrop.length - 1] < 0.05 * gap, "final distance " + toDrop[toDrop.length - 1] + ", gap " + gap);
            assertTrue(toDrop[toDrop.length - 1] < 0.1 * toDrop[0]);
            assertEquals(20_000, path.steps()[path.steps().length - 1]);
            assertArrayEquals(path.last(), path.iterates()[path.iterates().length - 1]);
        }
    }

    @Test
    void theMeanIterateFollowsGradientDescentOnTheExpectedLoss() {
        RegressionData d = RegressionData.synthetic(40, 3, 0.5, Seeded.rng(SEED, "data"));
        double p = 0.5;
        double eta = 0.2 / DropoutRegression.smoothness(d.X(), p);
        for (int steps : new int[] {1, 5, 50}) {
            Ensemble e = DropoutSgd.ensemble(d.X(), d.y(), p, 400, steps, eta, Seeded.rng(SEED, "ens" + steps));
            double[] gd = DropoutRegression.gradientDescent(d.X(), d.y(), p, steps, eta);
            assertTrue(e.maxZ(gd) <= MomentCheck.simultaneousK(3), "steps " + steps + ": z = " + e.maxZ(gd));
            assertTrue(e.spread() > 0);
        }
    }

    @Test
    void theSpreadAtAConstantStepShrinksLikeTheSquareRootOfTheStep() {
        RegressionData d = RegressionData.synthetic(40, 3, 0.5, Seeded.rng(SEED, "data"));
        double p = 0.5;
        double L = DropoutRegression.smoothness(d.X(), p);
        double[] wDrop = DropoutRegression.minimiser(d.X(), d.y(), p);
        Ensemble big = DropoutSgd.ensemble(d.X(), d.y(), p, 200, 150, 0.1 / L, Seeded.rng(SEED, "big"));
        Ensemble small = DropoutSgd.ensemble(d.X(), d.y(), p, 200, 600, 0.025 / L, Seeded.rng(SEED, "small"));
        double ratio = big.rmsDistanceTo(wDrop) / small.rmsDistanceTo(wDrop);
        assertEquals(2.0, ratio, 0.3, "spread ratio for a 4× step");
    }

    @Test
    void theSpreadRatioCheckHoldsForTwentySeedsOfTheNotebookAndRejectsOtherLaws() {
        // issue #31: "ratio within 0.3 of 2" failed for about 2 % of seeds; the tolerance now
        // comes from the draw (4 SE of the ratio) plus 10 % for the finite step
        for (long seed = 1; seed <= 20; seed++) {
            RegressionData d = RegressionData.synthetic(100, 5, 0.5, Seeded.rng(seed, "data"));
            double p = 0.5;
            double eta = 0.2 / DropoutRegression.smoothness(d.X(), p);
            double[] wDrop = DropoutRegression.minimiser(d.X(), d.y(), p);
            Ensemble a = DropoutSgd.ensemble(d.X(), d.y(), p, 100, 100, eta, Seeded.rng(seed, "ensemble eta"));
            Ensemble b = DropoutSgd.ensemble(d.X(), d.y(), p, 100, 400, eta / 4, Seeded.rng(seed, "ensemble eta/4"));
            Ensemble.checkSpreadRatio(a, b, wDrop, 0.1);
            double[] r = Ensemble.spreadRatio(a, b, wDrop);
            // power: a spread independent of η (ratio 1) or proportional to η (ratio 4) is rejected
            assertTrue(Math.abs(1 - 2.0) > 0.2 + 4 * r[1] && Math.abs(4 - 2.0) > 0.2 + 4 * r[1], "SE " + r[1]);
            if (seed == 1) {
                // two ensembles at the same step (a spread that does not depend on η) fail the check
                Ensemble same = DropoutSgd.ensemble(d.X(), d.y(), p, 100, 100, eta, Seeded.rng(seed, "same eta"));
                org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                        () -> Ensemble.checkSpreadRatio(a, same, wDrop, 0.1));
            }
        }
    }

    @Test
    void ensembleStatistics() {
        Ensemble e = new Ensemble(0.1, 3, new double[][] {{1, 2}, {3, 4}, {5, 0}});
        assertArrayEquals(new double[] {3, 2}, e.mean(), 1e-12);
        assertArrayEquals(new double[] {2 / Math.sqrt(3), 2 / Math.sqrt(3)}, e.standardErrors(), 1e-12);
        assertEquals(Math.sqrt((4 + 4 + 8) / 3.0), e.spread(), 1e-12);
        assertArrayEquals(new double[] {2, 4, 0}, e.coordinate(2));
        assertEquals(Math.sqrt(3) / 2, e.maxZ(new double[] {2, 2}), 1e-12);
    }
}
