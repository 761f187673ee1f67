package dltheory.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;

/** Encoding a chart has no effect on the next encoding: the same chart gives the same bytes. */
class EncoderTest {

    /** A chart like notebook 01's Explore frame: a title, a log y axis over many decades, a dashed prediction. */
    private static XYChart chart() {
        XYChart chart = Plots.logY(Plots.xy("ReLU, Var[w] = 1.00 · 2/d (d = 64)", "layer t", "Var[a⁽ᵗ⁾]"));
        double[] t = Plots.oneTo(20);
        double[] measured = new double[t.length];
        double[] predicted = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            measured[i] = Math.pow(1.31, i) * (1 + 0.05 * Math.sin(3 * i));
            predicted[i] = Math.pow(1.3, i);
        }
        Plots.line(chart, "ReLU, N(0, 2/d)", t, measured);
        Plots.reference(chart, "prediction (dashed)", t, predicted);
        Plots.scatter(chart, "t = 12", new double[] {12}, new double[] {measured[11]});
        return chart;
    }

    /** What a drawing may change only for itself: the series, their data, the axis settings, the title. */
    private static List<Object> state(XYChart chart) {
        List<Object> state = new ArrayList<>();
        state.add(chart.getTitle());
        for (XYSeries s : chart.getSeriesMap().values()) {
            state.add(s.getName());
            state.add(Arrays.toString(s.getXData()));
            state.add(Arrays.toString(s.getYData()));
            state.add(s.getLineColor());
            state.add(s.getMarker());
            state.add(s.getXYSeriesRenderStyle());
        }
        XYStyler st = chart.getStyler();
        state.addAll(Arrays.asList(st.isXAxisLogarithmic(), st.isYAxisLogarithmic(), st.getXAxisMin(),
                st.getXAxisMax(), st.getYAxisMin(), st.getYAxisMax(), st.getxAxisTickLabelsFormattingFunction(),
                st.getyAxisTickLabelsFormattingFunction(), st.getXAxisTickMarkSpacingHint(),
                st.getYAxisTickMarkSpacingHint(), st.getLegendLayout(), st.getLegendPosition()));
        return state;
    }

    @Test
    void encodingTheSameChartAgainGivesTheSameBytesWhateverWasEncodedBefore() {
        XYChart fresh = chart();
        String svgOfANewChart = Encoder.svg(fresh);
        XYChart chart = chart();
        byte[] png = Encoder.png(chart);
        String svg = Encoder.svg(chart);                         // after a PNG (other fonts)
        List<Object> settled = state(chart);
        assertEquals(svgOfANewChart, svg, "an SVG after a PNG is the SVG of a chart never drawn");
        assertEquals(svg, Encoder.svg(chart), "an SVG after an SVG");
        assertArrayEquals(png, Encoder.png(chart), "a PNG after SVGs");
        assertEquals(svg, Encoder.svg(chart), "an SVG after a second PNG");
        assertEquals(settled, state(chart), "the chart is as the first drawing left it");
    }

    @Test
    void drawingLeavesTheAuthorsDataAndAxesAsTheyWere() {
        XYChart chart = chart();
        List<String> names = new ArrayList<>(chart.getSeriesMap().keySet());
        double[] y = chart.getSeriesMap().get("ReLU, N(0, 2/d)").getYData().clone();
        Encoder.svg(chart);
        Encoder.png(chart);
        assertEquals(names.size(), chart.getSeriesMap().size(), "no series added (minor grid lines are removed)");
        assertArrayEquals(y, chart.getSeriesMap().get("ReLU, N(0, 2/d)").getYData(), "the data, not its log₁₀");
        assertEquals(true, chart.getStyler().isYAxisLogarithmic(), "still a log axis");
        assertEquals(null, chart.getStyler().getYAxisMin());
    }
}
