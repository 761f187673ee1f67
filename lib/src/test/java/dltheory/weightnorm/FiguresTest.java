package dltheory.weightnorm;

import static dltheory.weightnorm.WeightNormTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import dltheory.random.Seeded;

class FiguresTest {

    private static final long SEED = 47L;

    @Test
    void normGrowthAndRatePlotTheTrajectories() {
        Random rng = Seeded.rng(SEED, "fig");
        LogisticRegression m = LogisticRegression.synthetic(50, 3, rng);
        List<StepDiagnostics> runs = Training.sweep(m, Seeded.normal(3, 0, 1, rng), 1, 0, new double[] {0.1, 1}, 10);
        XYChart norm = Figures.normGrowth(runs);
        assertEquals(2, norm.getSeriesMap().size());
        XYSeries s = norm.getSeriesMap().get("α = 1");
        assertArrayEquals(runs.get(1).normU(), s.getYData(), 0);
        assertEquals(1.0, s.getXData()[0]);
        XYChart rate = Figures.rate(runs);
        assertTrue(rate.getStyler().isYAxisLogarithmic());
        assertArrayEquals(runs.get(0).rate(), rate.getSeriesMap().get("α = 0.1").getYData(), 0);
        assertEquals(2, Figures.loss(runs).getSeriesMap().size());
    }

    @Test
    void fiveRunsHaveFiveColoursAndTheSameLookInEveryChart() {
        // as in the notebook, three other names are drawn first: the house looks would then give
        // α = 0.1 and α = 10 (the 4th and 8th names) the same black
        XYChart other = dltheory.plot.Plots.xy("other", "x", "y");
        for (String name : List.of("case a", "case b", "case c")) {
            dltheory.plot.Plots.line(other, name, new double[] {1, 2}, new double[] {1, 2});
        }
        dltheory.plot.Encoder.png(other);
        Random rng = Seeded.rng(SEED, "five");
        LogisticRegression m = LogisticRegression.synthetic(50, 3, rng);
        List<StepDiagnostics> runs = Training.sweep(m, Seeded.normal(3, 0, 1, rng), 1, 0,
                new double[] {0.1, 0.3, 1, 3, 10}, 30);
        XYChart rate = Figures.rate(runs);
        XYChart norm = Figures.normGrowth(runs);
        dltheory.plot.Encoder.png(rate);
        dltheory.plot.Encoder.png(norm);
        java.util.Set<java.awt.Color> colours = new java.util.HashSet<>();
        for (XYSeries s : rate.getSeriesMap().values()) {
            if (!s.getName().startsWith("α = ")) {
                continue;   // the house style's own guides
            }
            colours.add(s.getLineColor());
            XYSeries same = norm.getSeriesMap().get(s.getName());
            assertEquals(s.getLineColor(), same.getLineColor(), s.getName());
            assertEquals(s.getLineStyle(), same.getLineStyle(), s.getName());
        }
        assertEquals(5, colours.size(), "colours " + colours);
        assertEquals(List.of(), dltheory.plot.ChartLint.problems(rate));
        assertEquals(List.of(), dltheory.plot.ChartLint.problems(norm));
    }

    @Test
    void outputsPlotsEachCaseAndTheLineOfAgreement() {
        Random rng = Seeded.rng(SEED, "out");
        InputSample s = InputSample.gaussian("s", 100, new double[2], Inputs.identity(2), rng);
        Case c = new Case("case", s, new double[] {1, 2});
        XYChart chart = Figures.outputs(1.5, 0.5, 40, c);
        assertEquals(2, chart.getSeriesMap().size());
        double[] bn = BatchNormLink.batchNormOutputs(s.x(), c.u(), 1.5, 0.5);
        assertEquals(40, chart.getSeriesMap().get("case").getXData().length);
        assertEquals(bn[7], chart.getSeriesMap().get("case").getXData()[7], 0);
        // Figure 4.1: the legend sits inside the plot, in the empty corner, so it does not squash it
        assertEquals(org.knowm.xchart.style.Styler.LegendPosition.InsideSE, chart.getStyler().getLegendPosition());
        assertMessage(() -> Figures.outputs(1, 0, 1, c), "points must be >= 2");
        assertMessage(() -> Figures.normGrowth(List.of()), "runs must hold at least one element");
    }
}
