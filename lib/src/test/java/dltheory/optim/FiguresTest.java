package dltheory.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** The figures carry the data they claim to show (checked on the series, not the pixels). */
class FiguresTest {

    private static final long SEED = 20190321L;

    @Test
    void logStepsAreIncreasingUniqueAndCoverBothEnds() {
        for (int max : new int[] {1, 7, 500, 3000}) {
            int[] s = Figures.logSteps(max, 40);
            assertEquals(1, s[0]);
            assertEquals(max, s[s.length - 1]);
            for (int i = 1; i < s.length; i++) {
                assertTrue(s[i] > s[i - 1]);
            }
            assertTrue(s.length <= 40 * (Math.log10(max) + 1) + 1, "length " + s.length);
        }
        assertArrayEquals(new int[] {1, 2, 3, 4, 5}, Figures.logSteps(5, 40));
    }

    @Test
    void pathsChartHoldsEveryPointOfEveryPath() {
        Quadratic f = Quadratic.rotated(1, 0.05, 0.5);
        Trajectory a = Trajectory.run(new Sgd(0.1), f, new double[] {1, 2}, 30).withName("a");
        Trajectory b = Trajectory.run(new Momentum(0.9, 0.01), f, new double[] {1, 2}, 30).withName("b");
        XYChart chart = Figures.paths("t", b, a);
        XYSeries sa = chart.getSeriesMap().get("a");
        assertArrayEquals(a.coordinate(1), sa.getYData(), 0);
        assertEquals(31, chart.getSeriesMap().get("b").getXData().length);
        assertTrue(chart.getSeriesMap().containsKey("minimum θ*"));
    }

    /**
     * Figure 3.1: the dots and the path they retrace are both visible (a wide light band beneath
     * small dots of another shade), no two other series share a colour, and θ* is a large key marker.
     */
    @Test
    void pathsChartKeepsTheRetracedPathVisibleAndGivesEverySeriesItsOwnColour() {
        Quadratic f = Quadratic.rotated(1, 0.05, 0.5);
        Trajectory a = Trajectory.run(new Sgd(0.1), f, new double[] {1, 2}, 30).withName("a");
        Trajectory c = Trajectory.run(new Sgd(0.01), f, new double[] {1, 2}, 30).withName("c");
        Trajectory b = Trajectory.run(new Momentum(0.9, 0.01), f, new double[] {1, 2}, 30).withName("b");
        XYChart chart = Figures.paths("t", f, b, c, a);
        dltheory.plot.Encoder.png(chart);                                   // draws without error
        XYSeries band = chart.getSeriesMap().get("a");
        XYSeries dots = chart.getSeriesMap().get("b");
        assertTrue(band.getLineStyle().getLineWidth() >= 5, "band width " + band.getLineStyle().getLineWidth());
        assertTrue(dots.getMarker() instanceof dltheory.plot.KeyMarker m && m.scale() < 1, "small dots");
        java.util.Set<java.awt.Color> colours = new java.util.HashSet<>();
        for (String name : new String[] {"a", "b", "c", "minimum θ*"}) {
            XYSeries s = chart.getSeriesMap().get(name);
            java.awt.Color colour = name.equals("b") || name.equals("minimum θ*") ? s.getMarkerColor() : s.getLineColor();
            assertTrue(colours.add(colour), name + " shares its colour " + colour);
        }
        assertTrue(chart.getSeriesMap().get("minimum θ*").getMarker() instanceof dltheory.plot.KeyMarker k
                && k.scale() >= 1.5, "θ* is a large key marker");
    }

    @Test
    void averagesChartSamplesTheMeansAtTheLogSteps() {
        NoisyGradient s = new NoisyGradient(1, 1);
        AverageBias b9 = AverageBias.simulate(0.9, s, 300, 50, new Random(SEED));
        AverageBias b99 = AverageBias.simulate(0.99, s, 300, 50, new Random(SEED + 1));
        XYChart chart = Figures.averages(b9, b99);
        XYSeries mean = chart.getSeriesMap().get("vₙ, β = 0.99");
        int[] grid = Figures.logSteps(300, Figures.PER_DECADE);
        for (int i = 0; i < grid.length; i++) {
            assertEquals(grid[i], mean.getXData()[i], 0);
            assertEquals(b99.mean()[grid[i] - 1], mean.getYData()[i], 0);
        }
        XYSeries ref = chart.getSeriesMap().get("(1 − βⁿ)μ");
        assertEquals(1 - Math.pow(0.9, 300), ref.getYData()[ref.getYData().length - 1], 1e-12);
        AverageBias other = AverageBias.simulate(0.9, s, 100, 50, new Random(SEED));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Figures.averages(b9, other))
                .getMessage().startsWith("experiments must share N and μ, got N = 100"));
    }

    @Test
    void adamChartShowsTheClosedFormRatio() {
        double[] with = Adam.constantGradientSteps(1e-3, 0.9, 0.999, 0, true, 1.0, 1000);
        double[] without = Adam.constantGradientSteps(1e-3, 0.9, 0.999, 0, false, 1.0, 1000);
        XYChart chart = Figures.adamSteps(0.9, 0.999, with, without);
        XYSeries ref = chart.getSeriesMap().get("(1 − β₁ᵗ)/√(1 − β₂ᵗ)");
        XYSeries raw = chart.getSeriesMap().get("without bias correction");
        for (int i = 0; i < ref.getYData().length; i++) {
            assertEquals(ref.getYData()[i], raw.getYData()[i], 1e-9);
        }
        assertThrows(IllegalArgumentException.class, () -> Figures.adamSteps(0.9, 0.999, with, new double[3]));
    }

    @Test
    void streamChartHasTheStreamAndBothAverages() {
        double[] g = new NoisyGradient(1, 1).draw(50, new Random(SEED));
        XYChart chart = Figures.stream(0.9, g);
        assertArrayEquals(g, chart.getSeriesMap().get("gₙ").getYData(), 0);
        assertArrayEquals(Averages.recursive(0.9, g), chart.getSeriesMap().get("vₙ, β = 0.9").getYData(), 0);
    }

    @Test
    void theAveragesKeepTheirColoursFromTheStreamChartToTheMeansChart() {
        // issue #31: v_n was drawn in one colour in the stream chart and in another in the means chart
        dltheory.plot.Plots.forgetColours();
        double[] g = new NoisyGradient(1, 1).draw(50, new Random(SEED));
        XYChart stream = Figures.stream(0.9, g);
        NoisyGradient s = new NoisyGradient(1, 1);
        XYChart means = Figures.averages(AverageBias.simulate(0.9, s, 20, 10, new Random(SEED)),
                AverageBias.simulate(0.99, s, 20, 10, new Random(SEED)));
        dltheory.plot.Encoder.svg(stream);
        dltheory.plot.Encoder.svg(means);
        for (String name : new String[] {"vₙ, β = 0.9", "v′ₙ, β = 0.9"}) {
            assertEquals(stream.getSeriesMap().get(name).getLineColor(), means.getSeriesMap().get(name).getLineColor(),
                    name);
        }
        dltheory.plot.Plots.forgetColours();
    }

    @Test
    void combinedTableHasTheRowsOfEachExperiment() {
        NoisyGradient s = new NoisyGradient(1, 1);
        AverageBias b9 = AverageBias.simulate(0.9, s, 20, 10, new Random(SEED));
        AverageBias b99 = AverageBias.simulate(0.99, s, 20, 10, new Random(SEED));
        var t = AverageBias.table(new int[] {1, 5, 20}, b9, b99);
        assertEquals(6, t.rowCount());
        assertEquals(0.99, t.doubleColumn("β").get(3), 0);
    }

    @Test
    void conditioningChartShowsTheMeasuredStepsOfEachRow() {
        java.util.List<Conditioning> rows = Conditioning.sweep(10, 30);
        XYChart chart = Figures.conditioning(rows);
        XYSeries gd = chart.getSeriesMap().get("gradient descent, η = 2/(L + μ)");
        XYSeries hb = chart.getSeriesMap().get("heavy ball, tuned α and ε");
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(rows.get(i).kappa(), gd.getXData()[i], 0);
            assertEquals(rows.get(i).stepsGd(), gd.getYData()[i], 0);
            assertEquals(rows.get(i).stepsHb(), hb.getYData()[i], 0);
        }
    }

    @Test
    void trackingChartShowsTheMeasuredErrorsOverTheClosedForm() {
        java.util.List<Tracking> rows = Tracking.run(0.01, 1.0, 50, 20, new Random(SEED), 0.5, 0.9);
        XYChart chart = Figures.tracking(rows, 0.01, 1.0, 50);
        XYSeries measured = chart.getSeriesMap().get("measured mean eₙ²");
        assertEquals(rows.get(1).measured(), measured.getYData()[1], 0);
        XYSeries sum = chart.getSeriesMap().get("b² + V");
        double[] b = sum.getXData();
        double last = b[b.length - 1];
        double bias = Tracking.bias(last, 0.01, 50);
        assertEquals(0.9, last, 1e-12);
        assertEquals(bias * bias + Tracking.variance(last, 1.0, 50), sum.getYData()[b.length - 1], 1e-15);
    }

    /** Figure 3.1's legend goes where no path point and not θ* lies, else under the plot. */
    @Test
    void theLegendOfThePathsTakesTheCornerTheyLeaveEmpty() {
        // from (−4, 2) down to θ* = (0, 0) along the top and right edges: the lower left is empty
        Trajectory edge = new Trajectory("edge", new double[][] {{-4, 2}, {-2, 2}, {0, 2}, {0, 1}, {0, 0.2}});
        assertEquals(org.knowm.xchart.style.Styler.LegendPosition.InsideSW, Figures.emptiestCorner(edge));
        XYChart chart = Figures.paths("t", edge.withName("dots"), edge);
        assertEquals(org.knowm.xchart.style.Styler.LegendPosition.InsideSW, chart.getStyler().getLegendPosition());
        // a path through all four corners of its box leaves the legend under the plot
        Trajectory corners = new Trajectory("corners", new double[][] {{-4, 2}, {-4, -2}, {4, -2}, {4, 2}});
        assertEquals(null, Figures.emptiestCorner(corners));
        // θ* = 0 counts as a point: the one corner without a path point holds θ*, so no corner is free
        Trajectory aroundOrigin = new Trajectory("around", new double[][] {{-4, 2}, {-4, 0}, {-1, 2}});
        assertEquals(null, Figures.emptiestCorner(aroundOrigin));
    }
}
