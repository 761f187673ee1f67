package dltheory.check;

/**
 * Sample statistics of a Monte Carlo experiment: mean, unbiased variance and the standard error
 * of the mean, from which check tolerances are derived.
 *
 * @param n        sample size
 * @param mean     sample mean
 * @param variance unbiased sample variance (divides by n − 1)
 */
public record Stats(int n, double mean, double variance) {

    /** Statistics of {@code samples} (at least 2), by Welford's update. */
    public static Stats of(double[] samples) {
        Arguments.minLength(samples, 2, "samples");
        double mean = 0;
        double m2 = 0;
        for (int i = 0; i < samples.length; i++) {
            double delta = samples[i] - mean;
            mean += delta / (i + 1);
            m2 += delta * (samples[i] - mean);
        }
        return new Stats(samples.length, mean, m2 / (samples.length - 1));
    }

    /** Sample standard deviation. */
    public double std() {
        return Math.sqrt(variance);
    }

    /** Standard error of the mean, s/√n. */
    public double standardError() {
        return Math.sqrt(variance / n);
    }

    /** Mean of {@code x}. */
    public static double mean(double[] x) {
        return mean(Arguments.nonEmpty(x, "x"), 0, x.length);
    }

    /**
     * Mean of the entries {@code from} … {@code to − 1} of {@code x}, e.g. a window or the tail of a
     * run (summed in order, so the whole range gives {@link #mean(double[])} to the last bit).
     */
    public static double mean(double[] x, int from, int to) {
        Arguments.notNull(x, "x", "a vector");
        Arguments.inRange(from, 0, x.length - 1, "from");
        Arguments.inRange(to, from + 1, x.length, "to");
        double s = 0;
        for (int i = from; i < to; i++) {
            s += x[i];
        }
        return s / (to - from);
    }

    /**
     * The unbiased sample variance of {@code x} (at least 2 entries) in two passes: {@link #mean}
     * first, then Σ(xᵢ − mean)²/(n − 1), summed in order.
     */
    public static double variance(double[] x) {
        Arguments.minLength(x, 2, "x");
        double m = mean(x);
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return ss / (x.length - 1);
    }

    /** The standard error of the mean of {@code x}'s i.i.d. entries, sd(x)/√n = √(variance(x)/n). */
    public static double standardError(double[] x) {
        return Math.sqrt(variance(x) / x.length);
    }
}
