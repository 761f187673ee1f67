package dltheory.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

import dltheory.plot.Plots;
import dltheory.widgets.Interactive;
import dltheory.widgets.Widgets;

/** The frames bin/site gets from an Explore cell, and the PDF's small multiples among them (ExploreBundle). */
class ExploreBundleTest {

    /** The charts the cell's function made, in the order it made them. */
    private final List<XYChart> made = new ArrayList<>();

    private Interactive explore(String xTitle) {
        return Widgets.interact(Widgets.slider("p", 0.0, 1.0, 0.25, 0.5), p -> {
            XYChart chart = Plots.xy(String.format("p = %.2f: the loss ✓", p), xTitle, "loss");
            Plots.line(chart, "p·t", new double[] {0, p, 2 * p});
            made.add(chart);
            return chart;
        });
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> bundle, String key) {
        return (List<Map<String, Object>>) bundle.get(key);
    }

    @Test
    void thePrintedFramesAreTheMultiplesDrawnSmallerWithoutTheirTitle() {
        Map<String, Object> bundle = ExploreBundle.of(explore("t"));
        assertEquals(2, bundle.get("version"));
        List<Map<String, Object>> frames = list(bundle, "frames");
        List<Map<String, Object>> printed = list(bundle, "print");
        assertEquals(List.of(0, 1, 2, 4), printed.stream().map(m -> m.get("frame")).toList(),
                "the ends, the initial value and the middle of the first of the widest gaps");
        assertEquals(List.of("p = 0.00", "p = 0.25", "p = 0.50", "p = 1.00"), printed.stream().map(m -> m.get("label")).toList());
        for (Map<String, Object> m : printed) {
            assertEquals(ExploreBundle.PRINT_WIDTH, m.get("width"));
            assertEquals(ExploreBundle.PRINT_HEIGHT, m.get("height"));
            String svg = (String) m.get("image");
            assertTrue(svg.contains("width=\"" + ExploreBundle.PRINT_WIDTH + "\""), svg.substring(0, 200));
            String site = (String) frames.get((Integer) m.get("frame")).get("image");
            String title = (String) frames.get((Integer) m.get("frame")).get("title");
            assertTrue(site.contains(title.substring(0, 8)), "the site's frame shows its title");
            assertFalse(svg.contains(title.substring(0, 8)), "the printed frame leaves its title to the caption");
            assertEquals(Map.of("ok", true, "problems", List.of()), m.get("layout"));
        }
        for (XYChart chart : made) {
            assertEquals(Plots.WIDTH, chart.getWidth(), "a frame keeps its own size");
            assertTrue(chart.getStyler().isChartTitleVisible(), "and its title");
        }
    }

    @Test
    void aPrintedFrameThatDoesNotFitItsSizeIsFlagged() {
        String wide = "an axis title far too long for a picture of four hundred pixels, which the PDF prints at half the text's width";
        Map<String, Object> bundle = ExploreBundle.of(explore(wide));
        for (Map<String, Object> m : list(bundle, "print")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> layout = (Map<String, Object>) m.get("layout");
            assertEquals(false, layout.get("ok"));
            assertTrue(layout.get("problems").toString().contains("AXIS_TITLE"), layout.toString());
        }
    }

    @Test
    void aCloudDrawnAsPngIsPrintedAsPngAtTwiceThePrintSize() {
        // thousands of points: the PNG is smaller than the SVG, so every frame is a PNG (drawn at 2×)
        Map<String, Object> bundle = ExploreBundle.of(Widgets.interact(Widgets.slider("s", 1.0, 2.0, 0.5, 1.0), s -> {
            Random rng = new Random(7);
            double[] x = new double[20_000];
            double[] y = new double[x.length];
            for (int k = 0; k < x.length; k++) {
                x[k] = rng.nextGaussian();
                y[k] = s * rng.nextGaussian();
            }
            XYChart chart = Plots.xy(String.format("s = %.1f: a cloud", s), "x", "y");
            Plots.scatter(chart, "draws", x, y);
            return chart;
        }));
        assertEquals("image/png", bundle.get("mime"));
        for (Map<String, Object> m : list(bundle, "print")) {
            byte[] png = Base64.getDecoder().decode((String) m.get("image"));
            ByteBuffer header = ByteBuffer.wrap(png, 16, 8);  // IHDR: width, height
            assertEquals(2 * ExploreBundle.PRINT_WIDTH, header.getInt());
            assertEquals(2 * ExploreBundle.PRINT_HEIGHT, header.getInt());
        }
    }
}
