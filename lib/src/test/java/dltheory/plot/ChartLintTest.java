package dltheory.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;

/** The layout checks find the defects they are for, on charts made broken on purpose. */
class ChartLintTest {

    private static double[] squares(int n) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = (i + 1.0) * (i + 1.0);
        }
        return y;
    }

    @Test
    void aHouseChartPasses() {
        XYChart chart = Plots.xy("Squares", "step t", "t²");
        Plots.line(chart, "measured", squares(40));
        Plots.reference(chart, "prediction", Plots.oneTo(40), squares(40));
        assertEquals(List.of(), ChartLint.problems(chart));
    }

    @Test
    void xchartDefaultsOnFortyStepsPutTooManyTicksAndAreFound() {
        // XChart's own defaults: a tick label on every step of an evenly spaced axis, run together
        XYChart broken = new XYChartBuilder().width(720).height(440).title("Squares").build();
        broken.getStyler().setXAxisTickMarkSpacingHint(10);
        broken.addSeries("y", Plots.oneTo(40), squares(40));
        List<String> problems = ChartLint.problems(broken);
        assertTrue(problems.stream().anyMatch(p -> p.contains("X_TICK labels")), problems.toString());
    }

    @Test
    void textsCloserThanFourPixelsOrOverlappingAreFound() {
        XYChart broken = Plots.xy("Squares", "step t", "t²");
        Plots.line(broken, "y", squares(40));
        // the y-axis title pushed into the tick labels
        broken.getStyler().setAxisTitlePadding(-12);
        List<String> problems = ChartLint.problems(broken);
        assertTrue(problems.stream().anyMatch(p -> p.contains("AXIS_TITLE") && (p.contains("overlap") || p.contains("apart"))),
                problems.toString());
        assertEquals(-2, ChartLint.gap(new java.awt.Rectangle(0, 0, 10, 10), new java.awt.Rectangle(8, 0, 10, 10)));
        assertEquals(3, ChartLint.gap(new java.awt.Rectangle(0, 0, 10, 10), new java.awt.Rectangle(0, 13, 10, 10)));
    }

    @Test
    void houseTicksOnFortyStepsAreFewAndRound() {
        XYChart chart = Plots.xy("Squares", "step t", "t²");
        Plots.line(chart, "measured", squares(40));
        int ticks = ChartLint.ticks(chart, true);
        assertTrue(ticks >= 3 && ticks <= ChartLint.MAX_TICKS, "x ticks: " + ticks);
    }

    @Test
    void aLegendWiderThanThePictureIsFound() {
        // a legend entry wider than the picture: XChart centres it and cuts both ends off
        XYChart broken = Plots.xy("Wide legend", "t", "y", 360, 300);
        Plots.line(broken, "a series whose name is far too long for a chart only 360 pixels wide", squares(5));
        List<String> problems = ChartLint.problems(broken);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("LEGEND") && p.contains("leaves the")), problems.toString());
    }

    /** The boxes of the texts of {@code part} in {@code chart} drawn at {@code width}×{@code height}. */
    private static List<java.awt.geom.Rectangle2D> boxes(XYChart chart, int width, int height, ChartLint.Part part) {
        return ChartLint.texts(chart, width, height).stream().filter(t -> t.part() == part).map(ChartLint.Text::box).toList();
    }

    @Test
    void aLegendRowTooWideForThePictureIsStackedForTheDrawing() {
        XYChart chart = Plots.xy("Wide legend", "t", "y", 360, 300);
        for (int k = 0; k < 4; k++) {
            Plots.line(chart, "series number " + k, squares(5));
        }
        assertEquals(List.of(), ChartLint.problems(chart));
        List<java.awt.geom.Rectangle2D> legend = boxes(chart, 360, 300, ChartLint.Part.LEGEND);
        assertEquals(4, legend.size());
        assertEquals(4, legend.stream().map(b -> Math.round(b.getY())).distinct().count(), "one entry a line: " + legend);
        assertEquals(LegendLayout.Horizontal, chart.getStyler().getLegendLayout(), "the author's layout, after the drawing");
        // at twice the width the row fits, and stays a row
        assertEquals(1, boxes(chart, 720, 300, ChartLint.Part.LEGEND).stream().map(b -> Math.round(b.getY())).distinct().count());
    }

    @Test
    void aLegendBesideThePlotGoesUnderItInANarrowPicture() {
        // notebook 01's Explore frame: two entries in a column to the right of the plot
        XYChart chart = Plots.xy("Variance by layer", "layer t", "log₁₀ Var[a⁽ᵗ⁾]");
        Plots.line(chart, "ReLU, N(0, 2/d)", squares(20));
        Plots.reference(chart, "prediction (dashed)", Plots.oneTo(20), squares(20));
        chart.getStyler().setLegendLayout(LegendLayout.Vertical).setLegendPosition(LegendPosition.OutsideE);
        double axisRight = boxes(chart, 720, 440, ChartLint.Part.X_TICK).stream().mapToDouble(b -> b.getMaxX()).max().orElseThrow();
        assertTrue(boxes(chart, 720, 440, ChartLint.Part.LEGEND).stream().allMatch(b -> b.getMinX() > axisRight),
                "at 720 px the legend is beside the plot");
        double axisBottom = boxes(chart, 400, 340, ChartLint.Part.AXIS_TITLE).stream().mapToDouble(b -> b.getMaxY()).max().orElseThrow();
        assertTrue(boxes(chart, 400, 340, ChartLint.Part.LEGEND).stream().allMatch(b -> b.getMinY() > axisBottom),
                "at 400 px the legend is under the plot");
        assertEquals(List.of(), ChartLint.problems(chart, 400, 340));
        assertEquals(LegendPosition.OutsideE, chart.getStyler().getLegendPosition(), "the author's place, after the drawing");
        assertEquals(720, chart.getWidth(), "the chart's own size, after a drawing at another");
    }

    @Test
    void texAndQuestionNumbersAreFound() {
        XYChart chart = Plots.xy("Q5.3: norms", "t", "‖u_t‖");
        Plots.line(chart, "δ^T", squares(5));
        List<String> problems = ChartLint.problems(chart);
        assertTrue(problems.stream().anyMatch(p -> p.contains("‖u_t‖")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("δ^T")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("question number")), problems.toString());
    }

    @Test
    void logAxesStepByDecadesLabelledAsPowers() {
        XYChart chart = Plots.logY(Plots.xy("Decay", "t", "‖g‖"));
        double[] y = new double[60];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.pow(10, -0.25 * i);
        }
        Plots.line(chart, "norm", y);
        assertEquals(List.of(), ChartLint.problems(chart));
        int ticks = ChartLint.ticks(chart, false);
        assertTrue(ticks >= 3 && ticks <= 10, "y ticks: " + ticks);
        assertEquals("10⁻⁷", TickLabels.powerOfTen(-7));
        assertEquals("10⁰", TickLabels.powerOfTen(0));
    }
}
