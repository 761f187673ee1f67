package dltheory.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

import tech.tablesaw.api.Table;

class FiguresTest {

    private static final long SEED = 20190315L;

    private final Sweep he = Forward.sweep(Init.HE_NORMAL, Activation.RELU, 10, 32, 64, new Random(SEED));
    private final Sweep naive = Forward.sweep(Init.NAIVE_ONE, Activation.RELU, 10, 32, 64, new Random(SEED + 1));

    @Test
    void varianceChartHasOneLinePerSweepAndTheirPredictions() {
        XYChart chart = Figures.varianceByLayer("Var", List.of(he, naive));
        assertEquals(4, chart.getSeriesMap().size());
        double[] y = chart.getSeriesMap().get(naive.label()).getYData();
        for (int t = 1; t <= 10; t++) {
            assertEquals(Math.log10(naive.var(t)), y[t - 1], 1e-12);
        }
        assertTrue(chart.getSeriesMap().get("prediction (dashed)").isShowInLegend());
        assertEquals("log₁₀ Var[a⁽ᵗ⁾]", chart.getYAxisTitle());
    }

    @Test
    void histogramChartsHaveOneSeriesPerLayer() {
        assertEquals(4, Figures.histograms(he, 1, 5, 10).getSeriesMap().size());
        var logs = Figures.logMagnitudes(List.of(he, naive), 1, 10);
        assertEquals(2, logs.panels().size(), "one panel per sweep");
        assertEquals(2, logs.panels().get(1).getSeriesMap().size());
        assertTrue(logs.panels().get(1).getSeriesMap().containsKey("t = 10"));
        assertThrows(IllegalArgumentException.class, () -> Figures.histograms(he));
    }

    @Test
    void gradientChartAndVarianceTable() {
        GradientSweep g = Backward.sweep(Init.HE_NORMAL, Activation.RELU, 5, 16, 32, new Random(SEED));
        XYChart chart = Figures.gradientVarianceByLayer("grad", List.of(g));
        assertEquals(2, chart.getSeriesMap().size());
        Table t = Figures.varianceTable("Var", List.of(he, naive), 1, 10);
        assertEquals(2, t.rowCount());
        assertEquals(3, t.columnCount());
        assertEquals(naive.var(10), t.doubleColumn(naive.label()).get(1), 0);
        assertThrows(IllegalArgumentException.class, () -> Figures.varianceTable("x", List.of()));
        Table c = Figures.compare("c", he, Theory.meanFieldVariance(Init.HE_NORMAL, Activation.RELU, 32, 10));
        assertEquals(10, c.rowCount());
        assertEquals(he.var(3), c.doubleColumn("Var[a] measured").get(2), 0);
        assertEquals(1, c.doubleColumn("Var[a] predicted").get(9), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Figures.compare("c", he, new double[3]));
    }

    @Test
    void aSchemeHasTheSameColourInEveryVarianceChart() {
        java.util.Random rng = new java.util.Random(11);
        Sweep he = Forward.sweep(Init.HE_NORMAL, Activation.RELU, 3, 8, 4, rng);
        Sweep linear = Forward.sweep(Init.LINEAR_NORMAL, Activation.IDENTITY, 3, 8, 4, rng);
        Sweep halving = Forward.sweep(Init.LINEAR_NORMAL, Activation.RELU, 3, 8, 4, rng);
        var wide = Figures.varianceByLayer("all", java.util.List.of(linear, he, halving));
        var zoom = Figures.varianceByLayer("zoom", java.util.List.of(he, linear));
        for (Sweep s : new Sweep[] {he, linear}) {
            org.junit.jupiter.api.Assertions.assertEquals(wide.getSeriesMap().get(s.label()).getLineColor(),
                    zoom.getSeriesMap().get(s.label()).getLineColor(), s.label());
        }
        org.junit.jupiter.api.Assertions.assertNotEquals(wide.getSeriesMap().get(he.label()).getLineColor(),
                wide.getSeriesMap().get(halving.label()).getLineColor());
    }

    /** Issue #31: the bands of step 3 had the identity's blue for He-normal and He-normal's colour for He-uniform. */
    @Test
    void theEnsembleBandsHaveTheirSchemesColoursAndMeasuredLinesAreSolid() {
        Random rng = new Random(12);
        SweepEnsemble heNets = SweepEnsemble.draw(Init.HE_NORMAL, Activation.RELU, 3, 8, 4, 3, rng);
        SweepEnsemble uniformNets = SweepEnsemble.draw(Init.HE_UNIFORM, Activation.RELU, 3, 8, 4, 3, rng);
        Sweep uniform = Forward.sweep(Init.HE_UNIFORM, Activation.RELU, 3, 8, 4, rng);
        XYChart lines = Figures.varianceByLayer("all", List.of(he, uniform, naive));
        XYChart bands = Figures.varianceBands("bands", heNets, uniformNets);
        for (Sweep s : new Sweep[] {he, uniform}) {
            assertEquals(lines.getSeriesMap().get(s.label()).getLineColor(),
                    bands.getSeriesMap().get(s.label() + ": median of 3 nets").getLineColor(), s.label());
        }
        for (Sweep s : new Sweep[] {he, uniform, naive}) {
            var stroke = lines.getSeriesMap().get(s.label()).getLineStyle();
            assertTrue(stroke != null && stroke.getDashArray() == null, s.label() + " is not solid");
        }
        assertTrue(lines.getSeriesMap().get("prediction (dashed)").getLineStyle().getDashArray() != null);
        Training.Task task = Training.task(2, 4, new Random(13));
        Training run = Training.run(Init.HE_NORMAL, task, 2, 4, 2, 0.01, new Random(14));
        XYChart training = Figures.trainingLoss("loss", List.of(run));
        assertEquals(lines.getSeriesMap().get(he.label()).getLineColor(),
                training.getSeriesMap().get(he.label()).getLineColor());
    }
}
