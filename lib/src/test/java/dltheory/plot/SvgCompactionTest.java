package dltheory.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/** Same-style line runs become one path, coordinates are rounded inside tags only. */
class SvgCompactionTest {

    @Test
    void aRunOfSameStyleLinesBecomesOnePathAndOtherStylesStay() {
        String svg = "<g>\n  <line style=\"a\" x1=\"0\" x2=\"1\" y1=\"0\" y2=\"1\"/>\n"
                + "  <line style=\"a\" x1=\"1\" x2=\"2\" y1=\"1\" y2=\"0\"/>\n"
                + "  <line style=\"a\" x1=\"5\" x2=\"6\" y1=\"5\" y2=\"5\"/>\n"
                + "  <line style=\"b\" x1=\"0\" x2=\"1\" y1=\"0\" y2=\"0\"/>\n"
                + "  <text x=\"0\" y=\"0\">0.123456</text>\n</g>";
        assertEquals("<g>\n  <path style=\"a\" d=\"M0,0 L1,1 L2,0 M5,5 L6,5\"/>\n"
                + "  <path style=\"b\" d=\"M0,0 L1,0\"/>\n"
                + "  <text x=\"0\" y=\"0\">0.123456</text>\n</g>", SvgCompaction.mergeLines(svg));
    }

    @Test
    void numbersAreRoundedInsideTagsAndLabelsKeepTheirDigits() {
        assertEquals("<g transform=\"translate(32.12 -0.5)\"><text x=\"0\">0.006796</text></g>",
                SvgCompaction.round("<g transform=\"translate(32.123456 -0.5)\"><text x=\"0\">0.006796</text></g>"));
        assertEquals("<path d=\"M0,1.01\"/>", SvgCompaction.round("<path d=\"M-0.0004,1.00999\"/>"));
    }

    @Test
    void aLongLineSeriesShrinksAndKeepsItsPoints() {
        double[] y = new double[400];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.sin(i / 20.0);
        }
        XYChart chart = Plots.xy("A long series", "step t", "y");
        Plots.line(chart, "sin", y);
        String svg = Encoder.svg(chart);
        assertTrue(!svg.contains("<line"), "lines merged");
        assertTrue(svg.length() < 30_000, svg.length() + " chars");
        assertTrue(List.of(svg.split(" L")).size() >= 399, "every segment is still drawn");
    }
}
