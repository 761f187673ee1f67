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
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and >= 0, got " + sigma);
        }
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        if (!(k > 0)) {
            throw new IllegalArgumentException("k must be > 0, got " + k);
        }
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
        if (n < 2) {
            throw new IllegalArgumentException("n must be >= 2, got " + n);
        }
        return v * Math.sqrt(2.0 / (n - 1));
    }
}
