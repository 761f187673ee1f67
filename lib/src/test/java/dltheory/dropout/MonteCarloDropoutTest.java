package dltheory.dropout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import dltheory.check.MonteCarlo;
import dltheory.check.Stats;
import dltheory.random.Seeded;

/** Monte Carlo over dropout masks against the closed forms of notebook 02. */
class MonteCarloDropoutTest {

    private static final long SEED = 6135_0202L;

    @Test
    void maskEntriesAreBernoulliWithMeanP() {
        for (double p : new double[] {0.1, 0.5, 0.9}) {
            DMatrixRMaj R = MonteCarloDropout.mask(200, 50, p, Seeded.rng(SEED, "mask" + p));
            double ones = 0;
            for (double r : R.data) {
                assertTrue(r == 0.0 || r == 1.0);
                ones += r;
            }
            int n = R.data.length;
            assertEquals(p, ones / n, MonteCarlo.tolerance(Math.sqrt(p * (1 - p)), n));
        }
        DMatrixRMaj all = MonteCarloDropout.mask(5, 5, 1.0, Seeded.rng(SEED));
        for (double r : all.data) {
            assertEquals(1.0, r);
        }
    }

    @Test
    void lossSamplesAreTheLossesOfTheSameMasks() {
        RegressionData d = RegressionData.synthetic(20, 3, 0.3, Seeded.rng(SEED, "data"));
        double[] w = {0.5, -1, 2};
        double[] fast = MonteCarloDropout.lossSamples(d.X(), d.y(), w, 0.7, 30, Seeded.rng(SEED, "same"));
        List<DMatrixRMaj> masks = MonteCarloDropout.masks(20, 3, 0.7, 30, Seeded.rng(SEED, "same"));
        for (int m = 0; m < 30; m++) {
            assertEquals(MonteCarloDropout.loss(d.X(), d.y(), w, masks.get(m)), fast[m], 1e-9 * fast[m]);
        }
        assertArrayEquals(MonteCarloDropout.mask(20, 3, 0.7, Seeded.rng(SEED, "same")).data, masks.get(0).data);
    }

    @Test
    void lossWithFullMaskIsTheSquaredError() {
        RegressionData d = RegressionData.synthetic(10, 2, 0.3, Seeded.rng(SEED, "data"));
        double[] w = {1, 2};
        DMatrixRMaj ones = MonteCarloDropout.mask(10, 2, 1.0, Seeded.rng(SEED));
        assertEquals(DropoutRegression.expectedLoss(d.X(), d.y(), w, 1.0), MonteCarloDropout.loss(d.X(), d.y(), w, ones), 1e-9);
    }

    @Test
    void monteCarloMeanOfTheLossMatchesTheClosedFormWithinFourStandardErrors() {
        for (long seed = 0; seed < 4; seed++) {
            for (double p : new double[] {0.2, 0.5, 0.9}) {
                RegressionData d = RegressionData.synthetic(30, 4, 0.5, Seeded.rng(seed, "data"));
                double[] w = Seeded.normal(4, 0, 1, Seeded.rng(seed, "w"));
                LossComparison c = MonteCarloDropout.compare("w", d.X(), d.y(), w, p, 4000, Seeded.rng(seed, "mc" + p));
                assertTrue(Math.abs(c.z()) <= MonteCarlo.K, c.toString());
                assertEquals(DropoutRegression.expectedLoss(d.X(), d.y(), w, p), c.closedForm());
            }
        }
    }

    @Test
    void aWrongClosedFormIsCaught() {
        // the power of the check: forgetting the penalty p(1−p)‖Γw‖² is many standard errors off
        RegressionData d = RegressionData.synthetic(30, 4, 0.5, Seeded.rng(SEED, "data"));
        double[] w = {1, -1, 1, -1};
        double p = 0.5;
        Stats s = Stats.of(MonteCarloDropout.lossSamples(d.X(), d.y(), w, p, 4000, Seeded.rng(SEED, "power")));
        double withoutPenalty = DropoutRegression.expectedLoss(d.X(), d.y(), w, p) - DropoutRegression.penalty(d.X(), w, p);
        assertTrue(Math.abs(s.mean() - withoutPenalty) > 10 * s.standardError());
    }

    @Test
    void momentsOfTheMaskedInputMatchEquationsTwoAndThree() {
        for (long seed = 0; seed < 3; seed++) {
            for (double p : new double[] {0.3, 0.5, 0.8}) {
                DMatrixRMaj X = RegressionData.synthetic(25, 4, 0.5, Seeded.rng(seed, "data")).X();
                MomentCheck first = MonteCarloDropout.firstMoment(X, p, 3000, Seeded.rng(seed, "first" + p));
                MomentCheck second = MonteCarloDropout.secondMoment(X, p, 3000, Seeded.rng(seed, "second" + p));
                assertTrue(first.maxZ() <= first.allowedZ(), first.toString());
                assertTrue(second.maxZ() <= second.allowedZ(), second.toString());
                assertEquals(100, first.entries());
                assertEquals(16, second.entries());
            }
        }
    }

    @Test
    void theSecondMomentCheckCatchesTheMissingDiagonalTerm() {
        // p²XᵀX alone (no p(1−p)Γ²) is far outside the Monte Carlo error on the diagonal
        DMatrixRMaj X = RegressionData.synthetic(25, 3, 0.5, Seeded.rng(SEED, "data")).X();
        double p = 0.5;
        MomentCheck c = MonteCarloDropout.secondMoment(X, p, 3000, Seeded.rng(SEED, "second"));
        double diagonalTerm = p * (1 - p) * DropoutRegression.gammaSquared(X)[0];
        assertTrue(diagonalTerm > 20 * c.maxStandardError());
    }

    @Test
    void simultaneousToleranceGrowsWithTheNumberOfEntries() {
        assertEquals(4.0, MomentCheck.simultaneousK(1));
        double previous = 4;
        for (int m : new int[] {2, 10, 100, 1000, 100_000}) {
            double k = MomentCheck.simultaneousK(m);
            assertTrue(k > previous);
            assertEquals(2 * MomentCheck.upperTail(4), m * 2 * MomentCheck.upperTail(k), 1e-9);
            previous = k;
        }
        assertEquals(3.167124183311992e-5, MomentCheck.upperTail(4), 1e-11);
        assertEquals(0.15865525393145707, MomentCheck.upperTail(1), 1e-7);
    }

    @Test
    void runningEstimateEndsAtTheSampleMean() {
        double[] samples = Seeded.normal(1000, 3, 2, Seeded.rng(SEED, "running"));
        RunningEstimate r = MonteCarloDropout.running(samples, 3, 20);
        Stats s = Stats.of(samples);
        assertEquals(1000, r.n()[r.n().length - 1]);
        assertEquals(2, r.n()[0]);
        assertEquals(s.mean(), r.finalMean(), 1e-12);
        assertEquals(s.standardError(), r.finalStandardError(), 1e-12);
        double[] head = java.util.Arrays.copyOf(samples, (int) r.n()[5]);
        assertEquals(Stats.of(head).mean(), r.mean()[5], 1e-12);
        assertArrayEquals(r.upper(), java.util.stream.IntStream.range(0, r.n().length)
                .mapToDouble(k -> r.mean()[k] + 2 * r.standardError()[k]).toArray(), 1e-12);
        assertTrue(r.coverage() > 0.5);
    }


    /** The four-w loss check of notebook 02, section 2 (Bonferroni k for its 4 lines), over 200 seeds. */
    @Test
    void theFourWeightLossCheckHoldsForAllButOneOfTwoHundredSeedsAndLIsNearlySymmetric() {
        double k = MomentCheck.simultaneousK(4);
        double worst = 0;
        int exceed = 0;
        StringBuilder over = new StringBuilder();
        for (long seed = 1; seed <= 200; seed++) {
            RegressionData data = RegressionData.synthetic(100, 5, 0.5, Seeded.rng(seed, "data"));
            double p = 0.5;
            double[][] ws = {DropoutRegression.leastSquares(data.X(), data.y()), data.wTrue(),
                DropoutRegression.minimiser(data.X(), data.y(), p),
                Seeded.normal(5, 0.0, 1.0, Seeded.rng(seed, "random w"))};
            var rng = Seeded.rng(seed, "loss at four w");
            for (double[] w : ws) {
                double[] s = MonteCarloDropout.lossSamples(data.X(), data.y(), w, p, 2_000, rng);
                Stats st = Stats.of(s);
                double z = (st.mean() - DropoutRegression.expectedLoss(data.X(), data.y(), w, p)) / st.standardError();
                worst = Math.max(worst, Math.abs(z));
                if (Math.abs(z) > k) {
                    over.append(" seed ").append(seed).append(": z = ").append(z);
                    exceed++;
                }
                double m3 = 0;
                for (double v : s) {
                    m3 += Math.pow(v - st.mean(), 3);
                }
                double skew = m3 / s.length / Math.pow(st.variance(), 1.5);
                assertTrue(Math.abs(skew) < 1, "seed " + seed + ": skewness " + skew);
            }
        }
        System.out.println("four-w loss check, 200 seeds: largest |z| " + worst + " against " + k + over);
        // seed 118 (w_drop) lies at z = −4.47 with these 2000 masks and at −1.9 with 400,000: a
        // chance excursion with the skewness below 1; more than one such line in 800 would be a defect
        assertTrue(exceed <= 1, exceed + " lines above k:" + over);
    }

    /**
     * Why seed 118 fails the four-w loss check (issue #31): is the per-line z's null distribution
     * what the Bonferroni bound assumes? At that seed's data and w_drop, L(w) over the masks is
     * nearly normal (skewness 0.14 and excess kurtosis −0.03 over 10⁶ masks), and 2,000 fresh
     * replicates of the notebook's 2000-mask z have mean 0 and standard deviation 1 within 4 SE and
     * tails beyond ±2.5 within 4 binomial SE of the normal's, on both sides; the four lines draw
     * disjoint masks from one stream, so they are independent (and Bonferroni needs no
     * independence). So z = −4.47 at seed 118 is a false alarm of the size the bound allows
     * (7.8·10⁻⁶ per line), not a defect of the test; k stays the Bonferroni 4.32.
     */
    @Test
    void atSeed118TheLossZOfWDropIsStandardNormal() {
        RegressionData data = RegressionData.synthetic(100, 5, 0.5, Seeded.rng(118L, "data"));
        double[] w = DropoutRegression.minimiser(data.X(), data.y(), 0.5);
        double mu = DropoutRegression.expectedLoss(data.X(), data.y(), w, 0.5);
        var rng = Seeded.rng(118L, "null distribution");
        int replicates = 2_000;
        double[] z = new double[replicates];
        int low = 0;
        int high = 0;
        for (int r = 0; r < replicates; r++) {
            Stats st = Stats.of(MonteCarloDropout.lossSamples(data.X(), data.y(), w, 0.5, 2_000, rng));
            z[r] = (st.mean() - mu) / st.standardError();
            low += z[r] < -2.5 ? 1 : 0;
            high += z[r] > 2.5 ? 1 : 0;
        }
        Stats zs = Stats.of(z);
        double tail = 0.00621;                                   // Φ(−2.5)
        double tailSe = Math.sqrt(tail * (1 - tail) / replicates);
        System.out.printf("seed 118, w_drop: %d replicates of z: mean %.3f, sd %.3f; below −2.5 %d, above 2.5 %d"
                + " (normal %.1f each)%n", replicates, zs.mean(), Math.sqrt(zs.variance()), low, high, tail * replicates);
        assertTrue(Math.abs(zs.mean()) <= 4 / Math.sqrt(replicates), "mean " + zs.mean());
        assertTrue(Math.abs(Math.sqrt(zs.variance()) - 1) <= 4 / Math.sqrt(2.0 * replicates), "sd " + zs.variance());
        assertTrue(Math.abs((double) low / replicates - tail) <= 4 * tailSe, "lower tail " + low);
        assertTrue(Math.abs((double) high / replicates - tail) <= 4 * tailSe, "upper tail " + high);
    }
}
