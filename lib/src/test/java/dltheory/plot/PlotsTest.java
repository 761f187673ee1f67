package dltheory.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
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
    void aLongLineWhoseColourTheCallerChoseGetsNoMarkerOnEachPoint() {
        XYChart chart = Plots.xy("T", "step", "loss");
        XYSeries long_ = Plots.line(chart, "long", new double[151]);
        long_.setLineColor(HouseTheme.PALETTE[1]);
        XYSeries short_ = Plots.line(chart, "short", new double[10]);
        short_.setLineColor(HouseTheme.PALETTE[2]);
        Plots.finish(chart);
        assertEquals(org.knowm.xchart.style.markers.SeriesMarkers.NONE, long_.getMarker());
        assertEquals(null, short_.getMarker(), "a short line keeps its markers as a cue");
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
    void logAxesBecomeDecadesOfTheDataWithPowerLabelsAndMinorLinesWhenNarrow() {
        XYChart narrow = Plots.logY(Plots.xy("T", "x", "y"));
        Plots.line(narrow, "a", new double[] {0.9, 1.1, 30});
        assertTrue(Plots.isLog(narrow, false));
        Drawing d = Drawing.apply(narrow);
        try {
            assertFalse(narrow.getStyler().isYAxisLogarithmic(), "drawn as a linear axis over log₁₀");
            assertArrayEquals(new double[] {Math.log10(0.9), Math.log10(1.1), Math.log10(30)},
                    narrow.getSeriesMap().get("a").getYData(), 1e-12);
            assertTrue(narrow.getSeriesMap().containsKey("minor grid y"));
            assertEquals("10¹", narrow.getStyler().getyAxisTickLabelsFormattingFunction().apply(1.0));
        } finally {
            d.undo();
        }
        XYChart wide = Plots.logY(Plots.xy("T", "x", "y"));
        Plots.line(wide, "a", new double[] {1e-12, 1e-6, 1});
        d = Drawing.apply(wide);
        try {
            assertFalse(wide.getSeriesMap().containsKey("minor grid y"), "no grey bands over 12 decades");
            assertEquals("10⁻¹²", wide.getStyler().getyAxisTickLabelsFormattingFunction().apply(-12.0));
        } finally {
            d.undo();
        }
    }

    @Test
    void drawingLeavesTheAuthorsDataAndAxesAsTheyWere() {
        XYChart chart = Plots.logY(Plots.logX(Plots.xy("T", "t", "d")));
        double[] x = {1, 10, 100, 1000};
        double[] y = {3, 0.5, 0.1, 0.02};
        Plots.line(chart, "d", x, y);
        String first = Encoder.svg(chart);
        ChartLint.problems(chart);
        assertEquals(first, Encoder.svg(chart), "the same picture every time");
        assertArrayEquals(x, chart.getSeriesMap().get("d").getXData(), 0);
        assertArrayEquals(y, chart.getSeriesMap().get("d").getYData(), 0);
        assertEquals(List.of("d"), List.copyOf(chart.getSeriesMap().keySet()), "no minor grid series left");
        XYStyler s = chart.getStyler();
        assertTrue(s.isXAxisLogarithmic() && s.isYAxisLogarithmic(), "the axes stay as asked");
        assertEquals(null, s.getXAxisMin());
        assertEquals(null, s.getYAxisMax());
        assertEquals(null, s.getyAxisTickLabelsFormattingFunction());
        assertTrue(Plots.isLog(chart, true) && Plots.isLog(chart, false));
    }

    @Test
    void minorLinesOfALogLogChartRunToTheFrameWithoutWideningTheAxes() {
        XYChart chart = Plots.logY(Plots.logX(Plots.xy("T", "t", "d")));
        Plots.line(chart, "d", new double[] {1, 10, 100, 1000}, new double[] {3, 0.5, 0.1, 0.02});
        Drawing d = Drawing.apply(chart);
        try {
            XYStyler s = chart.getStyler();
            assertEquals(0, s.getXAxisMin(), 1e-12);
            assertEquals(3, s.getXAxisMax(), 1e-12);
            assertEquals(Math.log10(0.02), s.getYAxisMin(), 1e-12);
            assertEquals(Math.log10(3), s.getYAxisMax(), 1e-12);
            double[] lineX = chart.getSeriesMap().get("minor grid y").getXData();
            assertTrue(Arrays.stream(lineX).filter(Double::isFinite).min().orElseThrow() < 0
                    && Arrays.stream(lineX).filter(Double::isFinite).max().orElseThrow() > 3,
                    "the horizontal lines run past the data, to the frame: " + Arrays.toString(lineX));
        } finally {
            d.undo();
        }
    }

    @Test
    void aLogAxisOfOneToTwoDecadesIsLabelledAtTwoPowersOfTenOnly() {
        XYChart loss = Plots.logY(Plots.xy("Loss", "step t", "L(t)"));
        Plots.line(loss, "loss", new double[] {1.3, 4.3, 0.5, 0.3, 0.2, 0.11});
        assertEquals(List.of(), ChartLint.problems(loss));
        assertTrue(Plots.isLog(loss, false));
        assertEquals(2, ChartLint.ticks(loss, false), "10⁻¹ and 10⁰, not 0.16, 0.25, 0.4, 0.63, …");
        XYChart oneInside = Plots.logY(Plots.xy("T", "x", "y"));
        Plots.line(oneInside, "y", new double[] {0.13, 0.5, 2.0});
        Drawing d = Drawing.apply(oneInside);
        try {
            assertEquals(-1, oneInside.getStyler().getYAxisMin(), 1e-12, "widened to the nearer decade, 10⁻¹");
        } finally {
            d.undo();
        }
        assertEquals(2, ChartLint.ticks(oneInside, false));
    }

    @Test
    void linearTickLabelsKeepTheLeadingZeroAndGroupThousands() {
        assertEquals("0.005", TickLabels.linear(0.005));
        assertEquals("0.015", TickLabels.linear(0.015000000000000001));
        assertEquals("-0.25", TickLabels.linear(-0.25));
        assertEquals("1,500", TickLabels.linear(1500));
        assertEquals("0", TickLabels.linear(0));
        assertEquals("2×10⁻⁶", TickLabels.linear(2e-6));
        assertEquals("2.5×10⁻⁶", TickLabels.linear(2.5e-6));
        assertEquals("-1.5×10⁻⁵", TickLabels.linear(-1.5e-5));
        assertEquals("3×10⁻⁶", TickLabels.linear(3 * 1e-6 + 4e-22));
        XYChart chart = Plots.xy("T", "t", "loss");
        Plots.line(chart, "loss", new double[] {0.001, 0.021, 0.004});
        Drawing d = Drawing.apply(chart);
        try {
            assertEquals("0.02", chart.getStyler().getyAxisTickLabelsFormattingFunction().apply(0.02));
        } finally {
            d.undo();
        }
    }

    @Test
    void aLogAxisOfLessThanADecadeIsDrawnLinear() {
        XYChart chart = Plots.logY(Plots.xy("T", "x", "y"));
        Plots.line(chart, "y", new double[] {0.27, 0.26, 0.25, 0.24});
        assertFalse(Plots.isLog(chart, false));
        assertTrue(chart.getStyler().isYAxisLogarithmic(), "the styler keeps what the author asked");
        Drawing d = Drawing.apply(chart);
        try {
            assertFalse(chart.getStyler().isYAxisLogarithmic());
            assertArrayEquals(new double[] {0.27, 0.26, 0.25, 0.24}, chart.getSeriesMap().get("y").getYData(), 0);
            assertFalse(chart.getSeriesMap().containsKey("minor grid y"));
        } finally {
            d.undo();
        }
        assertEquals(List.of(), ChartLint.problems(chart));
    }

    @Test
    void referencesAreDrawnBeneathTheDataAndSinglePointsOnTop() {
        XYChart chart = Plots.xy("T", "x", "y");
        Plots.scatter(chart, "minimum", new double[] {0}, new double[] {0});
        Plots.line(chart, "measured", new double[] {1, 2, 3});
        Plots.reference(chart, "prediction", new double[] {1, 2, 3}, new double[] {1, 2, 3});
        Plots.finish(chart);
        assertEquals(List.of("prediction", "measured", "minimum"), List.copyOf(chart.getSeriesMap().keySet()));
    }

    @Test
    void aNameKeepsItsColourAcrossChartsAndOneChartNeverRepeatsALook() {
        Plots.forgetColours();
        XYChart first = Plots.xy("A", "x", "y");
        Plots.line(first, "α = 0.1", new double[] {1, 2});
        Plots.line(first, "α = 1", new double[] {1, 3});
        Plots.finish(first);
        XYChart second = Plots.xy("B", "x", "y");
        Plots.line(second, "α = 1", new double[] {2, 1});
        Plots.line(second, "other", new double[] {2, 2});
        Plots.finish(second);
        assertEquals(first.getSeriesMap().get("α = 1").getLineColor(), second.getSeriesMap().get("α = 1").getLineColor());
        assertFalse(second.getSeriesMap().get("other").getLineColor().equals(second.getSeriesMap().get("α = 1").getLineColor()));
    }

    /** The colours a Run All gives a chart with three new names after one of two old ones. */
    private static List<java.awt.Color> laterColours(boolean explored, boolean passing) {
        Plots.forgetColours();
        XYChart before = Plots.xy("A", "x", "y");
        Plots.line(before, "sigmoid", new double[] {1, 2});
        Plots.line(before, "tanh", new double[] {1, 3});
        Plots.finish(before);
        if (explored) {  // a slider's moves: charts with names of their own
            java.util.function.Supplier<Object> moves = () -> {
                for (int k = 0; k < 6; k++) {
                    XYChart frame = Plots.xy("F", "x", "y");
                    Plots.line(frame, "sigmoid, δ = 0." + k, new double[] {1, 2});
                    Plots.line(frame, "tanh, δ = 0." + k, new double[] {1, 3});
                    Plots.finish(frame);
                }
                return null;
            };
            if (passing) {
                Plots.withoutNewColours(moves);
            } else {
                moves.get();
            }
        }
        XYChart later = Plots.xy("B", "x", "y");
        for (String name : List.of("tanh", "W orthogonal", "driven", "Gaussian")) {
            Plots.line(later, name, new double[] {2, 1});
        }
        Plots.finish(later);
        return later.getSeriesMap().values().stream().map(XYSeries::getLineColor).toList();
    }

    @Test
    void chartsDrawnWithoutNewColoursLeaveTheLaterChartsAsARunAllDrawsThem() {
        List<java.awt.Color> runAll = laterColours(false, false);
        assertEquals(runAll, laterColours(true, true), "an Explore slider's moves changed a later chart's colours");
        // the control: the same moves drawn as ordinary charts do change them (else this test proves nothing)
        assertNotEquals(runAll, laterColours(true, false));
        // inside, names seen before keep their colour, and one chart never repeats a look
        Plots.forgetColours();
        XYChart before = Plots.xy("A", "x", "y");
        Plots.line(before, "sigmoid", new double[] {1, 2});
        Plots.line(before, "tanh", new double[] {1, 3});
        Plots.finish(before);
        XYChart inside = Plots.withoutNewColours(() -> {
            XYChart c = Plots.xy("F", "x", "y");
            Plots.line(c, "new", new double[] {1, 2});
            Plots.line(c, "tanh", new double[] {1, 3});
            Plots.finish(c);
            return c;
        });
        assertEquals(before.getSeriesMap().get("tanh").getLineColor(), inside.getSeriesMap().get("tanh").getLineColor());
        assertNotEquals(inside.getSeriesMap().get("new").getLineColor(), inside.getSeriesMap().get("tanh").getLineColor());
        Plots.forgetColours();
    }

    @Test
    void contourPointsLieOnTheirLevelSets() {
        double[][] a = {{0.7625, -0.4112}, {-0.4112, 0.2875}};
        XYChart chart = Plots.xy("T", "θ₁", "θ₂");
        XYSeries c = Plots.contours(chart, a, 2.0, 0.5);
        double[] x = c.getXData();
        double[] y = c.getYData();
        int points = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(y[i])) {
                continue;
            }
            double q = 0.5 * (a[0][0] * x[i] * x[i] + 2 * a[0][1] * x[i] * y[i] + a[1][1] * y[i] * y[i]);
            assertTrue(Math.abs(q - 2.0) < 1e-9 || Math.abs(q - 0.5) < 1e-9, "q = " + q);
            points++;
        }
        assertTrue(points > 400);
        assertFalse(c.isShowInLegend());
        assertThrows(IllegalArgumentException.class, () -> Plots.contours(chart, new double[][] {{1, 2}, {2, 1}}, 1));
    }

    @Test
    void equalAspectGivesOneDataUnitTheSamePixelsOnBothAxes() {
        XYChart chart = Plots.equalAspect(Plots.xy("T", "θ₁", "θ₂"));
        Plots.line(chart, "path", new double[] {-4, 0}, new double[] {2, 0});
        Encoder.png(chart);
        double px = chart.getScreenXFromChart(1) - chart.getScreenXFromChart(0);
        double py = chart.getScreenYFromChart(0) - chart.getScreenYFromChart(1);
        assertEquals(px, py, 0.02 * px);
    }

    @Test
    void evenlySpacedStepsGetRoundTicks() {
        XYChart chart = Plots.xy("T", "step", "y");
        Plots.line(chart, "a", new double[49]);
        Drawing d = Drawing.apply(chart);
        try {
            assertTrue(chart.getStyler().getXAxisMax() > 49, "the axis is widened a little to leave XChart's per-value ticks");
        } finally {
            d.undo();
        }
    }

    @Test
    void svgAndPngEncodeTheChart() throws Exception {
        XYChart chart = Plots.xy("Growth of ‖u‖", "step t", "‖u_t‖");
        Plots.line(chart, "α = 0.1", new double[] {1, 2, 4});
        String svg = Encoder.svg(chart);
        assertTrue(svg.startsWith("<svg"), svg.substring(0, Math.min(200, svg.length())));
        assertTrue(svg.trim().endsWith("</svg>"));
        var image = ImageIO.read(new ByteArrayInputStream(Encoder.png(chart)));
        assertEquals(2 * Plots.WIDTH, image.getWidth());
        assertEquals(2 * Plots.HEIGHT, image.getHeight());
    }

    @Test
    void theSvgKeepsTheTextAsTextForOneChartAndForPanels() {
        XYChart left = Plots.logY(Plots.xy("Variance by layer", "layer t", "Var[a⁽ᵗ⁾]"));
        Plots.line(left, "He", new double[] {1, 10, 100, 1000});
        XYChart right = Plots.xy("Second panel", "step t", "‖u_t‖");
        Plots.line(right, "Glorot", new double[] {0.25, 1500, 3000});
        for (String svg : List.of(Encoder.svg(left), Encoder.svg(new Panels(List.of(left, right), 2)))) {
            for (String text : List.of("Variance by layer", "layer t", "He", "10³")) {
                assertTrue(svg.contains(">" + text + "</text>"), text + " as SVG text in " + svg.length() + " chars");
            }
        }
        String panels = Encoder.svg(new Panels(List.of(left, right), 2));
        for (String text : List.of("Second panel", "step t", "Glorot", "1,500")) {
            assertTrue(panels.contains(">" + text + "</text>"), text);
        }
        assertTrue(panels.startsWith("<svg font-size=\"12px\" "), panels.substring(0, 80));
        assertTrue(panels.contains("font-family:&quot;" + Fonts.SANS + "&quot;,sans-serif;"), "a generic fallback");
        assertTrue(Encoder.svg(left).contains("Var[a⁽ᵗ⁾]</text>"), "the y-axis title, turned a quarter, is text too");
        // the letters are no longer paths: a plain chart is a few kilobytes, not tens
        TextKeepingGraphics g = new TextKeepingGraphics(List.of(right));
        right.paint(g, right.getWidth(), right.getHeight());
        assertTrue(g.keptAsText() >= 8, "labels kept as text: " + g.keptAsText());
        assertTrue(Encoder.svg(right).length() < 20_000, "SVG of " + Encoder.svg(right).length() + " chars");
    }

    @Test
    void tickLabelsOfADecimalPatternAxisAreTextAndAsXChartFormatsThem() {
        XYChart chart = Plots.xy("Pattern", "t", "v");
        Plots.line(chart, "v", new double[] {1e-3, 2e-3, 4e-3});
        chart.getStyler().setYAxisDecimalPattern("0.#E0").setXAxisDecimalPattern("0");
        String svg = Encoder.svg(chart);
        assertTrue(svg.split("E-3</text>", -1).length > 3, "y tick labels 1E-3 … as SVG text");
        assertTrue(svg.contains(">1</text>") && svg.contains(">3</text>"), "x tick labels as SVG text");
        assertNull(chart.getStyler().getyAxisTickLabelsFormattingFunction(), "the pattern axis is left as it was");
        assertEquals("0.#E0", chart.getStyler().getYAxisDecimalPattern());
        // the same picture as XChart's own formatting of the pattern (which draws labels as outlines)
        TextKeepingGraphics kept = new TextKeepingGraphics(List.of(chart));
        chart.paint(kept, chart.getWidth(), chart.getHeight());
        assertTrue(kept.keptAsText() >= 10, "labels kept as text: " + kept.keptAsText());
    }

    @Test
    void aPointSeriesLegendTextEndsBeforeTheNextKey() throws Exception {
        XYChart chart = Plots.xy("T", "x", "y");
        Plots.scatter(chart, "gₙ points", new double[] {1, 2, 3}, new double[] {1, 3, 2})
                .setMarkerColor(new Color(0x0072B2));
        Plots.line(chart, "vₙ", new double[] {1, 2, 3}, new double[] {2, 2, 2}).setLineColor(new Color(0xD55E00));
        var image = ImageIO.read(new ByteArrayInputStream(Encoder.png(chart)));
        int keyStart = Integer.MAX_VALUE;
        int keyEnd = -1;
        for (int y = image.getHeight() - 100; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color c = new Color(image.getRGB(x, y));
                if (c.getRed() > 180 && c.getGreen() > 60 && c.getGreen() < 130 && c.getBlue() < 60) {
                    keyStart = Math.min(keyStart, x);
                    keyEnd = Math.max(keyEnd, x);
                }
            }
        }
        assertTrue(keyEnd > keyStart, "the legend shows the line's key");
        int textEnd = -1;
        for (int y = image.getHeight() - 100; y < image.getHeight(); y++) {
            for (int x = 0; x < keyEnd; x++) {
                Color c = new Color(image.getRGB(x, y));
                if (c.getRed() < 80 && c.getGreen() < 80 && c.getBlue() < 80) {
                    textEnd = Math.max(textEnd, x);
                }
            }
        }
        // the PNG is drawn at twice the size: 4 px on the page
        assertTrue(textEnd >= 0 && textEnd < keyStart - 8,
                "the point series' legend text ends at x = " + textEnd + ", the next key starts at x = " + keyStart);
        XYSeries points = chart.getSeriesMap().get("gₙ points");
        int mid = 0;
        for (int x = image.getWidth() / 4; x < 3 * image.getWidth() / 4; x++) {
            for (int y = 0; y < image.getHeight() - 100; y++) {
                Color c = new Color(image.getRGB(x, y));
                if (c.getBlue() > 150 && c.getRed() < 60) {
                    mid++;
                }
            }
        }
        assertTrue(mid < 2000, "points are drawn without a line joining them: " + mid + " blue pixels, series " + points.getName());
    }

    @Test
    void saveWritesSvgAndPng(@TempDir Path dir) throws Exception {
        XYChart chart = Plots.xy("T", "x", "y");
        Plots.scatter(chart, "pts", new double[] {1, 2}, new double[] {3, 4});
        Path svg = Encoder.save(chart, dir.resolve("fig"));
        assertTrue(Files.size(svg) > 0);
        assertTrue(Files.size(dir.resolve("fig.png")) > 0);
    }

    @Test
    void rolesNeedAHouseChart() {
        XYChart plain = new org.knowm.xchart.XYChartBuilder().width(300).height(200).title("T").build();
        var e = assertThrows(IllegalArgumentException.class,
                () -> Plots.reference(plain, "r", new double[] {1, 2}, new double[] {1, 2}));
        assertTrue(e.getMessage().contains("Plots.xy"), e.getMessage());
        assertTrue(plain.getSeriesMap().isEmpty(), "nothing added");
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
