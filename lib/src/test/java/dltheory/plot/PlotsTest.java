package dltheory.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;

class PlotsTest {

    @Test
    void xyChartCarriesTitleLabelsAndHouseStyle() {
        XYChart chart = Plots.xy("T", "layer t", "Var[a]");
        assertEquals("T", chart.getTitle());
        assertEquals("layer t", chart.getXAxisTitle());
        assertEquals("Var[a]", chart.getYAxisTitle());
        assertEquals(Color.WHITE, chart.getStyler().getPlotBackgroundColor());
        assertEquals(LegendPosition.OutsideS, chart.getStyler().getLegendPosition());
    }

    @Test
    void chartsUseAnInstalledFamilyWhenThereIsOne() {
        // Debian's fonts-dejavu-core; on a machine without it the logical SansSerif is used
        String family = Fonts.SANS;
        assertTrue(family.equals("DejaVu Sans") || family.equals(java.awt.Font.SANS_SERIF), family);
        assertEquals(family, Plots.xy("T", "x", "y").getStyler().getChartTitleFont().getFamily(java.util.Locale.ROOT));
    }

    @Test
    void lineAgainstIndexUsesOneToN() {
        XYChart chart = Plots.xy("T", "t", "y");
        XYSeries s = Plots.line(chart, "y", new double[] {5, 6, 7});
        assertArrayEquals(new double[] {1, 2, 3}, s.getXData());
        assertArrayEquals(new double[] {5, 6, 7}, s.getYData());
    }

    @Test
    void bandAddsTwoEdgesWithOneLegendEntry() {
        XYChart chart = Plots.xy("T", "N", "mean");
        double[] x = {1, 2};
        Plots.band(chart, "± 2 SE", x, new double[] {0, 0}, new double[] {1, 1});
        assertEquals(2, chart.getSeriesMap().size());
        assertTrue(chart.getSeriesMap().get("± 2 SE").isShowInLegend());
        assertFalse(chart.getSeriesMap().get("± 2 SE (upper)").isShowInLegend());
    }

    @Test
    void logAxesAreSwitchedOn() {
        XYChart chart = Plots.logY(Plots.logX(Plots.xy("T", "x", "y")));
        assertTrue(chart.getStyler().isXAxisLogarithmic());
        assertTrue(chart.getStyler().isYAxisLogarithmic());
    }

    @Test
    void logAxisLabelsEveryDecadeOrEveryTickDependingOnTheRange() {
        XYChart narrow = Plots.logY(Plots.xy("T", "x", "y"));
        Plots.line(narrow, "a", new double[] {0.9, 1.1, 3});
        Plots.finish(narrow);
        assertFalse(narrow.getStyler().isYAxisLogarithmicDecadeOnly());
        XYChart wide = Plots.logY(Plots.xy("T", "x", "y"));
        Plots.line(wide, "a", new double[] {1e-3, 1, 10});
        Plots.finish(wide);
        assertTrue(wide.getStyler().isYAxisLogarithmicDecadeOnly());
        assertEquals(4, Plots.decades(wide, false), 1e-12);
        assertEquals(null, narrow.getStyler().getYAxisDecimalPattern());
        XYChart tiny = Plots.logY(Plots.xy("T", "x", "y"));
        Plots.line(tiny, "a", new double[] {1e-12, 1e-6, 1});
        Plots.finish(tiny);
        assertEquals("0E0", tiny.getStyler().getYAxisDecimalPattern());
    }

    @Test
    void svgAndPngEncodeTheChart() throws Exception {
        XYChart chart = Plots.xy("Growth of ‖u‖", "step t", "‖u_t‖");
        Plots.line(chart, "α = 0.1", new double[] {1, 2, 4});
        String svg = Plots.svg(chart);
        assertTrue(svg.startsWith("<svg"), svg.substring(0, Math.min(200, svg.length())));
        assertTrue(svg.trim().endsWith("</svg>"));
        var image = ImageIO.read(new ByteArrayInputStream(Plots.png(chart)));
        assertEquals(2 * Plots.WIDTH, image.getWidth());
        assertEquals(2 * Plots.HEIGHT, image.getHeight());
    }

    @Test
    void saveWritesSvgAndPng(@TempDir Path dir) throws Exception {
        XYChart chart = Plots.xy("T", "x", "y");
        Plots.scatter(chart, "pts", new double[] {1, 2}, new double[] {3, 4});
        Path svg = Plots.save(chart, dir.resolve("fig"));
        assertTrue(Files.size(svg) > 0);
        assertTrue(Files.size(dir.resolve("fig.png")) > 0);
    }

    @Test
    void mismatchedSeriesAreRejectedWithTheirLengths() {
        XYChart chart = Plots.xy("T", "x", "y");
        var e = assertThrows(IllegalArgumentException.class,
                () -> Plots.line(chart, "bad", new double[] {1, 2}, new double[] {1}));
        assertTrue(e.getMessage().contains("2 and 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Plots.xy(" ", "x", "y"));
    }

    @Test
    void histogramIsADensityWithAreaOne() {
        double[] samples = new double[1000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (i % 100) / 10.0 - 5;
        }
        Histogram h = Histogram.of(samples, 20, -5, 5);
        double area = 0;
        for (double d : h.density()) {
            area += d * h.binWidth();
        }
        assertEquals(1.0, area, 1e-12);
        assertEquals(40, h.stepX().length);
        assertEquals(-5, h.stepX()[0]);
        assertEquals(5, h.stepX()[39], 1e-12);
    }

    @Test
    void histogramCountsOutliersInTheEdgeBins() {
        Histogram h = Histogram.of(new double[] {-100, 0.5, 100}, 2, 0, 1);
        assertEquals(2.0 / 3 / 0.5, h.density()[1], 1e-12);
        assertEquals(1.0 / 3 / 0.5, h.density()[0], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Histogram.of(new double[] {1}, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Histogram.of(new double[] {1}, 3, 1, 1));
    }
}
