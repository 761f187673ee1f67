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
        if (samples.length < 2) {
            throw new IllegalArgumentException("samples must have length >= 2, got " + samples.length);
        }
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
        if (x.length == 0) {
            throw new IllegalArgumentException("x must be non-empty");
        }
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }
}
