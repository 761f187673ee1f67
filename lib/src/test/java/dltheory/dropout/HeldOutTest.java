package dltheory.dropout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import dltheory.check.MonteCarlo;
import dltheory.linalg.Vectors;
import dltheory.plot.Panels;
import dltheory.random.Seeded;

/**
 * Held-out errors of notebook 02 (section 9): the measured gain over least squares agrees with the
 * population risk, the notebook's claim holds on its data and from other seeds, and the same check
 * fails where dropout cannot help.
 */
class HeldOutTest {

    private static final long SEED = 20190315L;
    private static final double[] SCALES = {0.5, 0.7, 1, 1.5, 2.5};

    private static CorrelatedDesign design(double noise) {
        return CorrelatedDesign.of(0.9, SCALES, noise, Seeded.rng(SEED, "correlated w"));
    }

    /** E[(y − xᵀw)²] = (w − w*)ᵀΣ(w − w*) + σ², the population risk of w. */
    private static double risk(CorrelatedDesign d, double[] w) {
        double[] e = w.clone();
        double[] t = d.wTrue();
        for (int j = 0; j < e.length; j++) {
            e[j] -= t[j];
        }
        return Vectors.dot(e, Vectors.times(d.covariance(), e)) + d.noise() * d.noise();
    }

    private static HeldOutCurves notebookCurves(CorrelatedDesign design, RegressionData train) {
        RegressionData heldOut = design.sample(2_000, Seeded.rng(SEED, "held-out"));
        return HeldOut.curves(train, heldOut, Grid.linear(0.5, 1.0, 51), Grid.log(0.01, 50, 41));
    }

    @Test
    void meanSquaredErrorByHand() {
        RegressionData d = new RegressionData(new DMatrixRMaj(new double[][] {{1, 0}, {0, 2}}), new double[] {1, 1},
                new double[] {0, 0}, 0);
        // residuals 1 − 1 = 0 and 1 − 2·3 = −5: (0 + 25)/2
        assertEquals(12.5, HeldOut.meanSquaredError(d, new double[] {1, 3}), 1e-15);
    }

    @Test
    void curvesEndAtLeastSquaresAndPickTheirMinimum() {
        CorrelatedDesign design = design(4.0);
        RegressionData train = design.sample(20, Seeded.rng(SEED, "correlated data"));
        HeldOutCurves c = notebookCurves(design, train);
        double[] dropout = c.dropout();
        assertEquals(c.ols(), dropout[dropout.length - 1], 1e-9 * c.ols(), "p = 1 is least squares");
        assertEquals(c.ols(), c.ridge()[0], 0.01 * c.ols(), "λ_L2 = 0.01 is almost least squares");
        for (double v : dropout) {
            assertTrue(c.bestDropoutError() <= v);
        }
        for (double v : c.ridge()) {
            assertTrue(c.bestRidgeError() <= v);
        }
        Panels chart = Figures.heldOutError(c);
        assertEquals(2, chart.panels().size());
        assertArrayEquals(dropout, chart.panels().get(0).getSeriesMap().get("dropout, p·w(drop)").getYData());
    }

    @Test
    void theMeasuredGainAgreesWithThePopulationRisk() {
        CorrelatedDesign design = design(4.0);
        RegressionData train = design.sample(20, Seeded.rng(SEED, "correlated data"));
        double p = 0.8;
        HeldOutGain g = HeldOut.dropoutGain(train, p, design, 40, 500, Seeded.rng(1, "sets"));
        double exact = risk(design, DropoutRegression.leastSquares(train.X(), train.y()))
                - risk(design, DropoutRegression.scaledMinimiser(train.X(), train.y(), p));
        assertEquals(exact, g.gain(), MonteCarlo.K * g.standardError());
        assertEquals(g.olsError() - g.error(), g.gain(), 1e-9);
        assertEquals(40, g.sets());
        assertThrows(IllegalArgumentException.class, () -> HeldOut.dropoutGain(train, p, design, 1, 500, Seeded.rng(1)));
    }

    @Test
    void theNotebooksClaimHoldsOnItsDataAndFromOtherSeeds() {
        CorrelatedDesign design = design(4.0);
        RegressionData train = design.sample(20, Seeded.rng(SEED, "correlated data"));
        HeldOutCurves c = notebookCurves(design, train);
        HeldOutGain g = HeldOut.dropoutGain(train, c.bestP(), design, 10, 1_000, Seeded.rng(SEED, "test sets"));
        assertTrue(g.gain() >= MonteCarlo.K * g.standardError(), g.toString());
        // the population risk agrees, without any test-set noise
        assertTrue(risk(design, DropoutRegression.scaledMinimiser(train.X(), train.y(), c.bestP()))
                < risk(design, DropoutRegression.leastSquares(train.X(), train.y())));
        // most other training sets of the same design: the gain is not one lucky draw
        int holds = 0;
        for (long s = 1; s <= 10; s++) {
            RegressionData other = design.sample(20, Seeded.rng(SEED + s, "correlated data"));
            HeldOutCurves oc = HeldOut.curves(other, design.sample(2_000, Seeded.rng(SEED + s, "held-out")),
                    Grid.linear(0.5, 1.0, 51), Grid.log(0.01, 50, 41));
            HeldOutGain og = HeldOut.dropoutGain(other, oc.bestP(), design, 10, 1_000, Seeded.rng(SEED + s, "sets"));
            if (og.gain() >= MonteCarlo.K * og.standardError()) {
                holds++;
            }
        }
        assertTrue(holds >= 8, holds + " of 10");
    }

    @Test
    void theCheckFailsWhereDropoutCannotHelp() {
        CorrelatedDesign design = design(4.0);
        RegressionData train = design.sample(20, Seeded.rng(SEED, "correlated data"));
        // a badly chosen p shrinks far too much
        HeldOutGain bad = HeldOut.dropoutGain(train, 0.3, design, 10, 1_000, Seeded.rng(SEED, "test sets"));
        assertFalse(bad.gain() >= MonteCarlo.K * bad.standardError(), bad.toString());
        // with 2,000 training examples least squares no longer overfits: the chosen p gains nothing
        RegressionData big = design.sample(2_000, Seeded.rng(SEED, "big training set"));
        HeldOutCurves c = notebookCurves(design, big);
        HeldOutGain none = HeldOut.dropoutGain(big, c.bestP(), design, 10, 1_000, Seeded.rng(SEED, "test sets"));
        assertFalse(none.gain() >= MonteCarlo.K * none.standardError(), none.toString());
    }
}
