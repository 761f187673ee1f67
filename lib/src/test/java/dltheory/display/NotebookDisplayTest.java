package dltheory.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

import dltheory.plot.Plots;
import dltheory.table.Tables;

class NotebookDisplayTest {

    record Row(int t, double variance) {
    }

    private static Renderer renderer() {
        Renderer r = new Renderer();
        NotebookDisplay.register(r);
        return r;
    }

    @Test
    void chartRendersAsSvgAndDescriptiveTextAndAsPngOnRequest() {
        XYChart chart = Plots.xy("Variance by layer", "layer t", "Var");
        Plots.line(chart, "He", new double[] {1, 1.1, 0.9});
        DisplayData data = renderer().render(chart);

        assertTrue(((String) data.getData(NotebookDisplay.SVG)).contains("<svg"));
        assertNull(data.getData(NotebookDisplay.PNG), "one image per chart: SVG only");
        DisplayData asked = renderer().renderAs(chart, "image/png");
        byte[] png = Base64.getDecoder().decode((String) asked.getData(NotebookDisplay.PNG));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        String text = (String) data.getData(NotebookDisplay.TEXT);
        assertEquals("Chart \"Variance by layer\" (1 series: He)", text.lines().findFirst().orElseThrow());
        assertTrue(text.contains("\nlayout: ok\n"), text);
        assertTrue(text.matches("(?s).*colours: He #[0-9a-f]{6}$"), text);
    }

    @Test
    @SuppressWarnings("unchecked")
    void chartCarriesItsMetadataAsJson() {
        XYChart chart = Plots.xy("Variance by layer", "layer t", "Var");
        Plots.line(chart, "He", new double[] {1, 1.1, 0.9});
        Plots.reference(chart, "prediction", new double[] {1, 2, 3}, new double[] {1, 1, 1});
        DisplayData data = renderer().render(chart);
        var meta = (java.util.Map<String, Object>) data.getData(NotebookDisplay.CHART_META);
        assertEquals("Variance by layer", meta.get("title"));
        assertEquals(List.of("prediction", "He"), meta.get("series"));
        assertEquals(java.util.Map.of("ok", true, "problems", List.of()), meta.get("layout"));
        var colours = (List<java.util.Map<String, Object>>) meta.get("colours");
        assertEquals("He", colours.get(1).get("series"));
        assertTrue(((String) colours.get(1).get("colour")).matches("#[0-9a-f]{6}"), colours.toString());
        String text = (String) data.getData(NotebookDisplay.TEXT);
        assertTrue(text.contains("colours: prediction #444444 | He " + colours.get(1).get("colour")), text);

        XYChart other = Plots.xy("Second", "t", "y");
        Plots.line(other, "Glorot", new double[] {2, 1});
        var panels = (java.util.Map<String, Object>) renderer().render(
                new dltheory.plot.Panels(List.of(chart, other), 2)).getData(NotebookDisplay.CHART_META);
        assertNull(panels.get("title"), "small multiples have no title of their own");
        var each = (List<java.util.Map<String, Object>>) panels.get("panels");
        assertEquals(List.of("Variance by layer", "Second"), each.stream().map(p -> p.get("title")).toList());
        assertEquals(3, ((List<?>) panels.get("colours")).size());
    }

    @Test
    void tableRendersAsHtmlAndAlignedText() {
        var table = Tables.of("per layer", List.of(new Row(1, 1.0126), new Row(2, 0.99)));
        DisplayData data = renderer().render(table);

        String html = (String) data.getData(NotebookDisplay.HTML);
        assertTrue(html.contains("<caption>per layer</caption>"), html);
        assertTrue(html.contains(">1.0126</td>") && html.contains(">0.9900</td>"), html);
        String text = (String) data.getData(NotebookDisplay.TEXT);
        assertTrue(text.contains("variance") && text.contains("0.99"), text);
        assertTrue(!text.contains("@"), "text/plain must not be an identity hash: " + text);
    }

    record Estimate(double value, double standardError) {
    }

    @Test
    void recordsAndMapsAreShownWithoutTheirToStringAndBareDoublesInFull() {
        DisplayData data = renderer().render(new Estimate(0.12351214125852533, 4.3461444785649304E-4));
        String text = (String) data.getData(NotebookDisplay.TEXT);
        String html = (String) data.getData(NotebookDisplay.HTML);
        assertTrue(text.contains("standard error") && text.contains("0.1235") && !text.contains("Estimate["), text);
        assertTrue(html.contains("4.346×10⁻⁴"), html);
        String map = (String) renderer().render(new java.util.LinkedHashMap<>(java.util.Map.of("", 6))).getData(NotebookDisplay.TEXT);
        assertTrue(map.contains("(none)") && !map.contains("{"), map);
        assertEquals("Map of 1 entry", renderer().render(java.util.Map.of("a", 1)).getData(NotebookDisplay.TEXT)
                .toString().lines().findFirst().orElse("").strip());
        assertEquals("Map of 2 entries", renderer().render(java.util.Map.of("a", 1, "b", 2)).getData(NotebookDisplay.TEXT)
                .toString().lines().findFirst().orElse("").strip());
        // a bare double is the kernel's to show, in full as Java prints it
        assertEquals("4.844885106649441", renderer().render(4.844885106649441).getData(NotebookDisplay.TEXT));
    }

    @Test
    void warmUpRendersATableAndAChartInTheBackground() throws Exception {
        assertTrue(RenderingWarmUp.run() > 1000, "a table and a chart were rendered");
        Thread t = RenderingWarmUp.start(java.util.Map.of());
        t.join(60_000);
        assertTrue(!t.isAlive() && t.isDaemon(), "the warm-up thread finished and never keeps the JVM alive");
    }

    @Test
    void aBatchRunTurnsTheWarmUpOff() {
        for (String off : new String[] {"off", "OFF", "false", "0"}) {
            assertEquals(null, RenderingWarmUp.start(java.util.Map.of(RenderingWarmUp.SWITCH, off)), off);
        }
        for (String on : new String[] {"on", "1", "true", ""}) {
            assertTrue(RenderingWarmUp.wanted(java.util.Map.of(RenderingWarmUp.SWITCH, on)), on);
        }
        assertTrue(RenderingWarmUp.wanted(java.util.Map.of()), "on when the variable is not set");
    }
}
