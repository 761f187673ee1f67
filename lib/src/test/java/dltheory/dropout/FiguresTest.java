package dltheory.dropout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import dltheory.plot.KeyMarker;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

import dltheory.random.Seeded;

/** The figures of notebook 02 carry the data they claim to (data, not pixels). */
class FiguresTest {

    private final RegressionData d = RegressionData.synthetic(30, 3, 0.3, Seeded.rng(7L, "charts"));

    @Test
    void runningLossShowsTheMeanTheBandAndTheClosedForm() {
        RunningEstimate r = MonteCarloDropout.running(Seeded.normal(500, 1, 1, Seeded.rng(1L)), 1.0, 10);
        XYChart c = Figures.runningLoss(r);
        assertEquals(4, c.getSeriesMap().size());
        assertArrayEquals(r.mean(), c.getSeriesMap().get("running mean").getYData());
        assertTrue(c.getStyler().isXAxisLogarithmic());
    }

    @Test
    void theExploreFigureSaysWhetherSgdReachedWDrop() {
        XYChart reached = Figures.sgdDistanceAt(d.X(), d.y(), 0.5, 20_000, Seeded.rng(4L));
        assertTrue(reached.getTitle().endsWith("✓"), reached.getTitle());
        assertEquals(4, reached.getSeriesMap().size());
        XYChart tooShort = Figures.sgdDistanceAt(d.X(), d.y(), 0.5, 2, Seeded.rng(4L));
        assertTrue(tooShort.getTitle().endsWith("✗"), "two steps cannot reach w(drop): " + tooShort.getTitle());
    }

    @Test
    void sgdDistanceAndSpreadCarryTheirData() {
        double p = 0.5;
        double[] wDrop = DropoutRegression.minimiser(d.X(), d.y(), p);
        double[] pw = DropoutRegression.scaledMinimiser(d.X(), d.y(), p);
        double eta = 0.2 / DropoutRegression.smoothness(d.X(), p);
        SgdPath a = DropoutSgd.run(d.X(), d.y(), p, 100, eta, 10, 10, Seeded.rng(2L));
        SgdPath b = DropoutSgd.run(d.X(), d.y(), p, 100, eta, Double.POSITIVE_INFINITY, 10, Seeded.rng(3L));
        XYChart c = Figures.sgdDistance(a, b, wDrop, pw);
        assertEquals(4, c.getSeriesMap().size());
        assertArrayEquals(a.distanceTo(wDrop), c.getSeriesMap().get("decaying η, to w(drop)").getYData());
        Ensemble e = DropoutSgd.ensemble(d.X(), d.y(), p, 5, 10, eta, Seeded.rng(4L));
        XYChart s = Figures.spread(e, wDrop, pw, 1, 2);
        assertArrayEquals(e.coordinate(2), s.getSeriesMap().get("final w of each run").getYData());
        assertEquals(wDrop[0], s.getSeriesMap().get("w(drop)").getXData()[0]);
        // Figure 2.6: the three marked points are key markers, larger than the cloud's dots
        double cloud = ((KeyMarker) s.getSeriesMap().get("final w of each run").getMarker()).scale();
        for (String key : new String[] {"mean of the runs", "w(drop)", "p·w(drop)"}) {
            assertTrue(s.getSeriesMap().get(key).getMarker() instanceof KeyMarker k && k.scale() >= 1.5 * cloud, key);
        }
        dltheory.plot.Encoder.png(s);
    }

    @Test
    void pathsAndLambda() {
        double[] ps = {0.1, 0.5, 0.9};
        CoefficientPaths paths = RidgeComparison.dropoutPaths(d.X(), d.y(), ps);
        XYChart c = Figures.coefficientPaths(paths, "t", "p", "p·w(drop)", false);
        assertEquals(3, c.getSeriesMap().size());
        assertArrayEquals(paths.path(2), c.getSeriesMap().get("w₂").getYData());
        XYChart l = Figures.lambdaVsP(ps);
        assertEquals(9.0, l.getSeriesMap().values().iterator().next().getYData()[0], 1e-12);
    }

    @Test
    void theChartsOfTheCorrelatedDesignHaveNoLayoutProblems() {
        long seed = 20190315L;
        CorrelatedDesign design = CorrelatedDesign.of(0.9, new double[] {0.5, 0.7, 1, 1.5, 2.5}, 4.0,
                Seeded.rng(seed, "correlated w"));
        RegressionData corr = design.sample(20, Seeded.rng(seed, "correlated data"));
        XYChart dropout = Figures.coefficientPaths(RidgeComparison.dropoutPaths(corr.X(), corr.y(),
                Grid.linear(0.02, 1.0, 50)), "Dropout: p·w(drop) against p", "keep probability p",
                "coefficient of p·w(drop)", false);
        XYChart ridge = Figures.coefficientPaths(RidgeComparison.ridgePaths(corr.X(), corr.y(),
                Grid.log(0.01, 1e4, 50)), "Ridge: w(L2) against λ(L2)", "λ(L2)", "coefficient of w(L2)", true);
        HeldOutCurves c = HeldOut.curves(corr, design.sample(2_000, Seeded.rng(seed, "held-out")),
                Grid.linear(0.5, 1.0, 51), Grid.log(0.01, 50, 41));
        assertEquals(List.of(), dltheory.plot.ChartLint.problems(dropout));
        assertEquals(List.of(), dltheory.plot.ChartLint.problems(ridge));
        assertEquals(List.of(), dltheory.plot.ChartLint.problems(Figures.heldOutError(c)));
    }
}
