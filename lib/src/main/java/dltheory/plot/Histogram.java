package dltheory.plot;

import dltheory.check.Arguments;

/**
 * Counts of samples in equal bins, normalised to a density (area 1), with the coordinates of
 * its step outline for plotting.
 *
 * @param lo      left edge of the first bin
 * @param hi      right edge of the last bin
 * @param density density in each bin: count / (n · bin width)
 */
public record Histogram(double lo, double hi, double[] density) {

    /**
     * Bins {@code samples} into {@code bins} equal bins on {@code [lo, hi]}; values below
     * {@code lo} or above {@code hi} are counted in the first or last bin.
     */
    public static Histogram of(double[] samples, int bins, double lo, double hi) {
        Arguments.nonEmpty(samples, "samples");
        Arguments.atLeast(bins, 1, "bins");
        Arguments.ordered(lo, hi, "lo", "hi");
        double width = (hi - lo) / bins;
        double[] density = new double[bins];
        for (double v : samples) {
            int b = (int) Math.floor((v - lo) / width);
            density[Math.max(0, Math.min(bins - 1, b))] += 1;
        }
        for (int b = 0; b < bins; b++) {
            density[b] /= samples.length * width;
        }
        return new Histogram(lo, hi, density);
    }

    /** Width of one bin. */
    double binWidth() {
        return (hi - lo) / density.length;
    }

    /** x coordinates of the step outline: each bin's left and right edge. */
    double[] stepX() {
        double[] x = new double[2 * density.length];
        for (int b = 0; b < density.length; b++) {
            x[2 * b] = lo + b * binWidth();
            x[2 * b + 1] = lo + (b + 1) * binWidth();
        }
        return x;
    }

    /** y coordinates of the step outline: each bin's density, twice. */
    double[] stepY() {
        double[] y = new double[2 * density.length];
        for (int b = 0; b < density.length; b++) {
            y[2 * b] = density[b];
            y[2 * b + 1] = density[b];
        }
        return y;
    }
}
