package dltheory.check;

/**
 * Tolerances for Monte Carlo checks. An average of n i.i.d. draws with standard deviation σ has
 * standard error σ/√n; a check that allows k standard errors fails by chance with probability
 * below 2·Φ(−k) (6·10⁻⁵ for k = 4) when the claim is true.
 */
public final class MonteCarlo {

    /** The default number of standard errors a check allows. */
    public static final double K = 4.0;

    private MonteCarlo() {
    }

    /** k·σ/√n. */
    public static double tolerance(double sigma, long n, double k) {
        Arguments.nonNegative(sigma, "sigma");
        Arguments.that(n >= 1, "n", "be >= 1", n);
        Arguments.above(k, 0, "k");
        return k * sigma / Math.sqrt(n);
    }

    /** {@link #K}·σ/√n. */
    public static double tolerance(double sigma, long n) {
        return tolerance(sigma, n, K);
    }

    /**
     * Standard error of a sample variance from n normal draws with variance v: v·√(2/(n−1)).
     * Use it to set the tolerance of a variance estimated from a Gaussian-like sample.
     */
    public static double varianceStandardError(double v, long n) {
        Arguments.that(n >= 2, "n", "be >= 2", n);
        return v * Math.sqrt(2.0 / (n - 1));
    }
}
