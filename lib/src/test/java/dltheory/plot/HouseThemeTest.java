package dltheory.plot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;

import org.junit.jupiter.api.Test;

/**
 * The palette stays distinct for readers with colour-vision deficiency: every pair of colours
 * keeps a CIELAB distance ΔE*ab ≥ 30 with normal vision and under simulated deuteranopia and
 * protanopia (Machado, Oliveira and Fernandes 2009, severity 1, on linear RGB). Okabe–Ito's
 * green/reddish purple (ΔE 18 for deuteranopes) and vermillion/orange (18) would fail it.
 */
class HouseThemeTest {

    static final double[][] NORMAL = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    static final double[][] DEUTERANOPIA = {
        {0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}};
    static final double[][] PROTANOPIA = {
        {0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}};

    @Test
    void paletteColoursStayApartUnderColourVisionDeficiency() {
        assertMinimumDistance(HouseTheme.PALETTE, 30);
    }

    @Test
    void theCheckRejectsOkabeItoNeighboursThatLookAlike() {
        Color[] greenAndPink = {new Color(0x009E73), new Color(0xCC79A7)};
        Color[] vermillionAndOrange = {new Color(0xD55E00), new Color(0xE69F00)};
        assertTrue(minimumDistance(greenAndPink) < 30);
        assertTrue(minimumDistance(vermillionAndOrange) < 30);
    }

    static void assertMinimumDistance(Color[] palette, double min) {
        double d = minimumDistance(palette);
        assertTrue(d >= min, "closest pair ΔE = " + d);
    }

    static double minimumDistance(Color[] palette) {
        double min = Double.POSITIVE_INFINITY;
        for (double[][] vision : new double[][][] {NORMAL, DEUTERANOPIA, PROTANOPIA}) {
            for (int i = 0; i < palette.length; i++) {
                for (int j = i + 1; j < palette.length; j++) {
                    double[] a = lab(simulate(vision, palette[i]));
                    double[] b = lab(simulate(vision, palette[j]));
                    min = Math.min(min, Math.sqrt(sq(a[0] - b[0]) + sq(a[1] - b[1]) + sq(a[2] - b[2])));
                }
            }
        }
        return min;
    }

    private static double sq(double v) {
        return v * v;
    }

    /** Linear RGB as seen with {@code vision}, clamped to [0, 1]. */
    static double[] simulate(double[][] vision, Color c) {
        double[] lin = {linear(c.getRed()), linear(c.getGreen()), linear(c.getBlue())};
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = 0;
            for (int j = 0; j < 3; j++) {
                v += vision[i][j] * lin[j];
            }
            out[i] = Math.max(0, Math.min(1, v));
        }
        return out;
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** CIELAB (D65) of a linear RGB colour. */
    static double[] lab(double[] rgb) {
        double x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.9505;
        double y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
        double z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.089;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) {
        return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116;
    }
}
