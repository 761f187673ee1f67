package dltheory.dropout;

import dltheory.linalg.Vectors;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import dltheory.check.Gradients;
import dltheory.random.Seeded;

/** Closed forms of notebook 02, each tested against an independent computation. */
class DropoutRegressionTest {

    private static final long SEED = 6135_02L;
    private static final double EXACT = 1e-10;
    private static final int[][] SHAPES = {{1, 1}, {7, 3}, {30, 5}, {200, 8}};
    private static final double[] PS = {0.05, 0.3, 0.5, 0.8, 1.0};

    private static RegressionData data(int n, int d, long seed) {
        return RegressionData.synthetic(n, d, 0.5, Seeded.rng(seed, "data"));
    }

    @Test
    void gammaSquaredIsTheDiagonalOfXtXOneEntryPerColumn() {
        for (int[] s : SHAPES) {
            DMatrixRMaj X = data(s[0], s[1], SEED).X();
            double[] g2 = DropoutRegression.gammaSquared(X);
            assertEquals(s[1], g2.length, "one entry per feature");
            DMatrixRMaj diag = new DMatrixRMaj(s[1], 1);
            CommonOps_DDRM.extractDiag(DropoutRegression.gram(X), diag);
            assertArrayEquals(diag.data, g2, EXACT);
            for (int j = 0; j < s[1]; j++) {
                double norm = 0;
                for (int i = 0; i < s[0]; i++) {
                    norm += X.get(i, j) * X.get(i, j);
                }
                assertEquals(norm, g2[j], EXACT * (1 + norm));
            }
        }
    }

    @Test
    void expectedLossEqualsTheExpandedQuadraticForm() {
        // (16) of the text with (2) and (3): wᵀ E[(R⊙X)ᵀ(R⊙X)] w − 2p yᵀXw + yᵀy
        for (long seed = 0; seed < 5; seed++) {
            RegressionData d = data(40, 4, seed);
            DMatrixRMaj X = d.X();
            double[] y = d.y();
            double[] w = Seeded.normal(4, 0, 1, Seeded.rng(seed, "w"));
            for (double p : PS) {
                double[] Aw = Vectors.times(DropoutRegression.expectedGram(X, p), w);
                double[] Xw = Vectors.times(X, w);
                double expanded = 0;
                for (int j = 0; j < 4; j++) {
                    expanded += w[j] * Aw[j];
                }
                for (int i = 0; i < y.length; i++) {
                    expanded += -2 * p * y[i] * Xw[i] + y[i] * y[i];
                }
                double closed = DropoutRegression.expectedLoss(X, y, w, p);
                assertEquals(expanded, closed, 1e-9 * Math.abs(closed));
                double fit = closed - DropoutRegression.penalty(X, w, p);
                double direct = 0;
                for (int i = 0; i < y.length; i++) {
                    direct += (y[i] - p * Xw[i]) * (y[i] - p * Xw[i]);
                }
                assertEquals(direct, fit, 1e-9 * Math.abs(closed));
            }
        }
    }

    @Test
    void gradientMatchesCentralDifferences() {
        for (int[] s : SHAPES) {
            for (double p : PS) {
                RegressionData d = data(s[0], s[1], SEED + s[0]);
                DMatrixRMaj X = d.X();
                double[] y = d.y();
                double[] w = Seeded.normal(s[1], 0, 1, Seeded.rng(SEED, "w" + s[0]));
                double[] analytic = DropoutRegression.expectedLossGradient(X, y, w, p);
                double[] numeric = Gradients.centralDifference(v -> DropoutRegression.expectedLoss(X, y, v, p), w, 1e-4);
                double err = Gradients.relativeError(analytic, numeric);
                assertTrue(err < 1e-7, "relative error " + err + " at n=" + s[0] + ", p=" + p);
            }
        }
    }

    @Test
    void theGradientVanishesAtTheMinimiserAndBothSolvesAgree() {
        for (int[] s : SHAPES) {
            RegressionData d = data(Math.max(s[0], s[1]), s[1], SEED);
            DMatrixRMaj X = d.X();
            double[] y = d.y();
            for (double p : PS) {
                double[] w = DropoutRegression.minimiser(X, y, p);
                double[] g = DropoutRegression.expectedLossGradient(X, y, w, p);
                double scale = Vectors.norm(Vectors.transposeTimes(X, y));
                assertTrue(Vectors.norm(g) <= 1e-9 * scale, "gradient at w_drop " + Vectors.norm(g));
                // the text's equation names p·w_drop
                assertArrayEquals(Vectors.scale(p, w), DropoutRegression.scaledMinimiser(X, y, p),
                        1e-9 * (1 + Vectors.norm(w)));
                // and w_drop is a strict minimiser: any perturbation raises E_R[L]
                double at = DropoutRegression.expectedLoss(X, y, w, p);
                Random rng = Seeded.rng(SEED, "perturb");
                for (int k = 0; k < 10; k++) {
                    double[] v = w.clone();
                    v[rng.nextInt(v.length)] += 1e-3 * (rng.nextBoolean() ? 1 : -1);
                    assertTrue(DropoutRegression.expectedLoss(X, y, v, p) > at);
                }
            }
        }
    }

    @Test
    void withoutDropoutTheMinimiserIsLeastSquares() {
        for (long seed = 0; seed < 5; seed++) {
            RegressionData d = data(50, 6, seed);
            double[] ols = DropoutRegression.leastSquares(d.X(), d.y());
            assertArrayEquals(ols, DropoutRegression.minimiser(d.X(), d.y(), 1.0), 1e-9);
            assertArrayEquals(ols, DropoutRegression.ridge(d.X(), d.y(), 0.0), 1e-9);
            double previous = Double.POSITIVE_INFINITY;
            for (double p : new double[] {0.9, 0.99, 0.999, 0.9999}) {
                double gap = Vectors.distance(DropoutRegression.minimiser(d.X(), d.y(), p), ols);
                assertTrue(gap < previous, "‖w_drop − w_OLS‖ decreases as p → 1");
                previous = gap;
            }
            assertTrue(previous < 1e-3);
        }
    }

    @Test
    void asPGoesToZeroWDropTendsToPerFeatureFitsAndPTimesWDropToZero() {
        RegressionData d = data(60, 4, SEED);
        double[] limit = DropoutRegression.minimiserAsPToZero(d.X(), d.y());
        double[] w = DropoutRegression.minimiser(d.X(), d.y(), 1e-7);
        assertArrayEquals(limit, w, 1e-5 * Vectors.norm(limit));
        assertTrue(Vectors.norm(DropoutRegression.scaledMinimiser(d.X(), d.y(), 1e-7)) < 1e-5);
    }

    @Test
    void ridgeGradientVanishesAtTheRidgeSolution() {
        RegressionData d = data(30, 5, SEED);
        DMatrixRMaj X = d.X();
        double[] y = d.y();
        for (double lambda : new double[] {0.1, 1, 10, 1000}) {
            double[] w = DropoutRegression.ridge(X, y, lambda);
            double[] r = Vectors.times(X, w);
            for (int i = 0; i < r.length; i++) {
                r[i] -= y[i];
            }
            double[] g = Vectors.transposeTimes(X, r);
            for (int j = 0; j < g.length; j++) {
                g[j] += lambda * w[j];
            }
            assertTrue(Vectors.norm(g) < 1e-9 * (1 + Vectors.norm(Vectors.transposeTimes(X, y))));
        }
    }

    @Test
    void withEqualColumnNormsDropoutIsRidgeWithLambdaTimesTheNorm() {
        for (long seed = 0; seed < 5; seed++) {
            for (double c : new double[] {1, 50, 400}) {
                RegressionData d = data(40, 5, seed).withColumnSquaredNorms(c);
                for (double p : PS) {
                    double[] drop = DropoutRegression.scaledMinimiser(d.X(), d.y(), p);
                    double[] ridge = DropoutRegression.ridge(d.X(), d.y(), DropoutRegression.lambda(p) * c);
                    assertArrayEquals(ridge, drop, 1e-9 * (1 + Vectors.norm(ridge)));
                }
            }
        }
        // and not when the norms differ
        RegressionData unequal = data(40, 5, SEED).withColumnScaled(0, 10);
        double[] drop = DropoutRegression.scaledMinimiser(unequal.X(), unequal.y(), 0.5);
        double[] ridge = DropoutRegression.ridge(unequal.X(), unequal.y(), 40);
        assertTrue(Vectors.distance(drop, ridge) > 0.1);
    }

    @Test
    void scalingAColumnLeavesDropoutsShrinkageUnchangedButNotRidges() {
        for (long seed = 0; seed < 5; seed++) {
            RegressionData d = data(100, 5, seed).withColumnSquaredNorms(100);
            RegressionData big = d.withColumnScaled(0, 10);
            double p = 0.5;
            double lambda = DropoutRegression.lambda(p) * 100;
            Shrinkage before = DropoutRegression.shrinkage(d.X(), d.y(), p, lambda).get(0);
            Shrinkage after = DropoutRegression.shrinkage(big.X(), big.y(), p, lambda).get(0);
            assertEquals(before.dropout(), after.dropout(), 1e-9);
            assertEquals(before.dropout(), before.ridge(), 1e-9);
            assertTrue(after.ridge() > before.ridge() + 0.3 && after.ridge() > after.dropout() + 0.3,
                    "ridge shrinks the large column much less than before, dropout as before: " + before + " → " + after);
            assertEquals(100 * before.columnSquaredNorm(), after.columnSquaredNorm(), 1e-9 * after.columnSquaredNorm());
            // the notebook's orthogonal design: the closed forms hold to rounding, so the
            // notebook's identity lines would catch a ridge solver that ignored the column scale
            RegressionData orth = data(100, 5, seed).withOrthogonalColumns(100);
            RegressionData orthBig = orth.withColumnScaled(0, 10);
            Shrinkage o = DropoutRegression.shrinkage(orth.X(), orth.y(), p, lambda).get(0);
            Shrinkage oBig = DropoutRegression.shrinkage(orthBig.X(), orthBig.y(), p, lambda).get(0);
            assertEquals(0.5, o.ridge(), 1e-10);
            assertEquals(100 / 101.0, oBig.ridge(), 1e-10);
            assertEquals(0.5, oBig.dropout(), 1e-10);
            assertTrue(Math.abs(DropoutRegression.shrinkage(orthBig.X(), orthBig.y(), p, lambda * 100).get(0).ridge()
                    - 100 / 101.0) > 0.4, "a ridge strength scaled with the column would fail the line");
        }
    }

    @Test
    void theClosestRidgeStrengthLiesBetweenTheColumnsOwnStrengths() {
        // notebook 02's data (n = 100, d = 5) for any seed: a student may change SEED. Closeness to λn
        // within 5 % held for only 232 of 400 seeds; the bracket of λ‖x_j‖² held for all of them.
        for (long seed = 0; seed < 100; seed++) {
            RegressionData d = data(100, 5, seed);
            for (double p : new double[] {0.2, 0.5, 0.8}) {
                RidgeComparison.closestRidge(d.X(), d.y(), p).checkBetweenColumnStrengths(d.X());
            }
        }
        RegressionData d = data(100, 5, 1);
        RidgeMatch match = RidgeComparison.closestRidge(d.X(), d.y(), 0.5);
        double[] norms = DropoutRegression.gammaSquared(d.X());
        double max = java.util.Arrays.stream(norms).max().orElseThrow();
        RidgeMatch tooStrong = new RidgeMatch("X", 0.5, 1.01 * max, match.distance(), match.relative());
        assertThrows(AssertionError.class, () -> tooStrong.checkBetweenColumnStrengths(d.X()), "the check can fail");
    }

    @Test
    void theClosestRidgeIsWithinTheNormSpreadBoundForTwoHundredSeeds() {
        // issue #31: "closest ridge ≤ 0.05" failed for about 63 % of seeds; the bound from
        // p·w_drop − w_L2(μ) = (XᵀX + μI)⁻¹(μI − λΓ²)p·w_drop holds for every design
        double largest = 0;
        for (long seed = 1; seed <= 200; seed++) {
            RegressionData d = RegressionData.synthetic(100, 5, 0.5, Seeded.rng(seed, "data"));
            for (double p : new double[] {0.2, 0.5, 0.8}) {
                RidgeMatch m = RidgeComparison.closestRidge(d.X(), d.y(), p);
                m.checkWithinNormSpreadBound(d.X());
                largest = Math.max(largest, RidgeMatch.normSpreadBound(d.X(), p));
            }
        }
        assertTrue(largest < 0.5, "the bound is informative on these data: " + largest);
        // it holds on the correlated design too, where it is weak
        CorrelatedDesign design = CorrelatedDesign.of(0.9, new double[] {0.5, 0.7, 1, 1.5, 2.5}, 4.0, new Random(1));
        RegressionData corr = design.sample(20, new Random(2));
        RidgeComparison.closestRidge(corr.X(), corr.y(), 0.5).checkWithinNormSpreadBound(corr.X());
    }

    @Test
    void theNormSpreadCheckRejectsTheTextsReadingOfTheMinimiser() {
        // power: a match computed against w_drop instead of p·w_drop (the reference text's
        // confusion of (6) with (7)) is about (1 − p)/p of ‖w_drop‖ away and fails the check
        RegressionData d = RegressionData.synthetic(100, 5, 0.5, Seeded.rng(1L, "data"));
        double p = 0.5;
        RidgeMatch right = RidgeComparison.closestRidge(d.X(), d.y(), p);
        double[] wDrop = DropoutRegression.minimiser(d.X(), d.y(), p);
        double[] wL2 = DropoutRegression.ridge(d.X(), d.y(), right.lambdaL2());
        double wrong = Vectors.distance(wDrop, wL2) / Vectors.norm(wDrop);
        RidgeMatch confused = new RidgeMatch("X", p, right.lambdaL2(), wrong * Vectors.norm(wDrop), wrong);
        assertThrows(AssertionError.class, () -> confused.checkWithinNormSpreadBound(d.X()));
        // and a match 5 % of ‖p·w_drop‖ farther than the bound allows fails too
        double bound = RidgeMatch.normSpreadBound(d.X(), p);
        RidgeMatch far = new RidgeMatch("X", p, right.lambdaL2(), 0, bound + 0.05);
        assertThrows(AssertionError.class, () -> far.checkWithinNormSpreadBound(d.X()));
    }

    @Test
    void onTheCorrelatedDesignTheMeanGapOverTrainingSetsExceedsFortyPerCentForTwentySeeds() {
        // issue #31: the gap on one training set was below 0.5 for about 16 % of seeds; the mean over 50 sets was 0.55 to 0.9 over 200 designs, at least 7.4 SE above 0.4
        for (long seed = 1; seed <= 20; seed++) {
            CorrelatedDesign design = CorrelatedDesign.of(0.9, new double[] {0.5, 0.7, 1, 1.5, 2.5}, 4.0,
                    Seeded.rng(seed, "correlated w"));
            DesignRidgeGap gap = DesignRidgeGap.over(design, 20, 0.5, 50, Seeded.rng(seed, "training sets"));
            gap.checkAbove(0.4);
            assertTrue(gap.smallest() < gap.mean(), "one set can be close: " + gap.smallest());
        }
    }

    @Test
    void theDesignGapCheckFailsWhereRidgeAndDropoutNearlyAgree() {
        // power: on uncorrelated features of equal scale the gap is a few per cent, and the check fails
        CorrelatedDesign equal = CorrelatedDesign.of(0.0, new double[] {1, 1, 1, 1, 1}, 0.5, new Random(3));
        DesignRidgeGap gap = DesignRidgeGap.over(equal, 100, 0.5, 50, new Random(4));
        assertTrue(gap.mean() < 0.2, "mean gap " + gap.mean());
        assertThrows(AssertionError.class, () -> gap.checkAbove(0.4));
    }

    @Test
    void lambdaAndItsInverse() {
        assertEquals(0.0, DropoutRegression.lambda(1.0));
        assertEquals(1.0, DropoutRegression.lambda(0.5), EXACT);
        assertEquals(0.25, DropoutRegression.lambda(0.8), EXACT);
        double previous = Double.POSITIVE_INFINITY;
        for (double p = 0.01; p <= 1; p += 0.01) {
            double l = DropoutRegression.lambda(p);
            assertTrue(l < previous);
            assertEquals(p, DropoutRegression.keepProbabilityFor(l), 1e-12);
            previous = l;
        }
        assertTrue(DropoutRegression.lambda(1e-9) > 1e8);
    }

    @Test
    void smoothnessBoundsStableGradientDescent() {
        RegressionData d = data(50, 4, SEED);
        double p = 0.6;
        double L = DropoutRegression.smoothness(d.X(), p);
        double[] w = DropoutRegression.minimiser(d.X(), d.y(), p);
        double[] gd = DropoutRegression.gradientDescent(d.X(), d.y(), p, 5000, 1.0 / L);
        assertArrayEquals(w, gd, 1e-8 * Vectors.norm(w));
        double[] unstable = DropoutRegression.gradientDescent(d.X(), d.y(), p, 200, 2.2 / L);
        assertTrue(Vectors.norm(unstable) > 1e3 * Vectors.norm(w), "diverges above 2/L");
    }

    @Test
    void strongConvexityIsTheSmallestCurvature() {
        // orthogonal columns of squared norms 4, 9, 1: p²XᵀX + p(1−p)Γ² = p·diag(4, 9, 1)
        DMatrixRMaj X = new DMatrixRMaj(new double[][] {{2, 0, 0}, {0, 3, 0}, {0, 0, 1}, {0, 0, 0}});
        double p = 0.3;
        assertEquals(2 * p * 1, DropoutRegression.strongConvexity(X, p), 1e-12);
        assertEquals(2 * p * 9, DropoutRegression.smoothness(X, p), 1e-12);
        RegressionData d = data(50, 4, SEED);
        double mu = DropoutRegression.strongConvexity(d.X(), 0.6);
        assertTrue(mu > 0 && mu < DropoutRegression.smoothness(d.X(), 0.6));
    }

    @Test
    void dropoutPathsAreScaledMinimisersAndRidgePathsAreRidge() {
        RegressionData d = data(30, 3, SEED);
        double[] ps = {0.2, 0.5, 1.0};
        CoefficientPaths paths = RidgeComparison.dropoutPaths(d.X(), d.y(), ps);
        for (int k = 0; k < ps.length; k++) {
            double[] c = DropoutRegression.scaledMinimiser(d.X(), d.y(), ps[k]);
            for (int j = 1; j <= 3; j++) {
                assertEquals(c[j - 1], paths.path(j)[k], EXACT);
            }
        }
        double[] lambdas = {0.1, 10};
        CoefficientPaths ridge = RidgeComparison.ridgePaths(d.X(), d.y(), lambdas);
        assertEquals(DropoutRegression.ridge(d.X(), d.y(), 10)[2], ridge.path(3)[1], EXACT);
    }

    /** The ridge-shrinkage lines of notebook 02, section 6 (a rise of at least 0.2), over 2,000 seeds. */
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
