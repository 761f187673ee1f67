package dltheory.dropout;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dltheory.check.Stats;
import dltheory.random.Seeded;

/**
 * Library replicas of two check cells of notebook 02 over many seeds: the four-w loss check of
 * section 2 (Bonferroni k for its 4 lines) and the ridge-shrinkage lines of section 6 (≥ 0.2).
 */
class SeedSweepTest {

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

    @Test
    void ridgesShrinkageOfTheScaledFeatureRisesByAtLeastAFifthForTwoThousandSeeds() {
        double smallest = Double.POSITIVE_INFINITY;
        for (long seed = 1; seed <= 2_000; seed++) {
            RegressionData equal = RegressionData.synthetic(100, 5, 0.5, Seeded.rng(seed, "data"))
                    .withColumnSquaredNorms(100);
            RegressionData big = equal.withColumnScaled(0, 10.0);
            Shrinkage before = Shrinkage.ofFeature(DropoutRegression.shrinkage(equal.X(), equal.y(), 0.5, 100), 1);
            Shrinkage after = Shrinkage.ofFeature(DropoutRegression.shrinkage(big.X(), big.y(), 0.5, 100), 1);
            double rise = after.ridge() - before.ridge();
            double overDropout = after.ridge() - after.dropout();
            smallest = Math.min(smallest, Math.min(rise, overDropout));
            assertTrue(rise >= 0.2 && overDropout >= 0.2, "seed " + seed + ": " + before + " " + after);
        }
        System.out.println("ridge shrinkage rise, 2000 seeds: smallest " + smallest);
    }
}
