package dltheory.init;

/** The standard normal density and distribution function, for the closed forms of {@link Activation}. */
final class Normal {

    private static final double INV_SQRT_2PI = 0.3989422804014327;

    private Normal() {
    }

    /** φ(z) = e^(−z²/2) / √(2π). */
    static double pdf(double z) {
        return INV_SQRT_2PI * Math.exp(-0.5 * z * z);
    }

    /**
     * Φ(z), by Hart's algorithm 5666 as given by West (2005), "Better approximations to
     * cumulative normal functions": double precision over the whole line.
     */
    static double cdf(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        double x = Math.abs(z);
        double c;
        if (x > 37) {
            c = 0;
        } else {
            double e = Math.exp(-x * x / 2);
            if (x < 7.07106781186547) {
                double b = 3.52624965998911E-02 * x + 0.700383064443688;
                b = b * x + 6.37396220353165;
                b = b * x + 33.912866078383;
                b = b * x + 112.079291497871;
                b = b * x + 221.213596169931;
                b = b * x + 220.206867912376;
                c = e * b;
                b = 8.83883476483184E-02 * x + 1.75566716318264;
                b = b * x + 16.064177579207;
                b = b * x + 86.7807322029461;
                b = b * x + 296.564248779674;
                b = b * x + 637.333633378831;
                b = b * x + 793.826512519948;
                b = b * x + 440.413735824752;
                c = c / b;
            } else {
                double b = x + 0.65;
                b = x + 4 / b;
                b = x + 3 / b;
                b = x + 2 / b;
                b = x + 1 / b;
                c = e / b / 2.506628274631;
            }
        }
        return z > 0 ? 1 - c : c;
    }
}
