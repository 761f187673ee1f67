package dltheory.init;

import dltheory.check.Arguments;

import java.util.Locale;

/**
 * The nonlinearities g of notebook 01 (initialization, Q1): h⁽ᵗ⁾ = g(a⁽ᵗ⁾).
 *
 * <p>Besides g and g′, each activation knows the moments that the variance argument of Q1 needs:
 * <ul>
 *   <li>the <em>variance factor</em> k = E[g(a)²] / Var[a] for a symmetric about 0 (Q1.2): 1 for
 *       the identity, ½ for ReLU, (1 + s²)/2 for a leaky ReLU of slope s — exact for every
 *       symmetric law because these g are positively homogeneous; for tanh it is the
 *       small-variance limit g′(0)² = 1;</li>
 *   <li>Gaussian moments E[g(a)], E[g(a)²], E[g′(a)²] for a ~ N(m, q), used by the mean-field
 *       prediction of {@link Theory}: closed forms for the piecewise-linear g, Simpson
 *       quadrature for tanh.</li>
 * </ul>
 * Instances are immutable; get them from the constants, {@link #leakyRelu} or {@link #named}.
 */
public final class Activation {

    private enum Kind { PIECEWISE_LINEAR, TANH }

    /** g(a) = a. */
    public static final Activation IDENTITY = new Activation("identity", Kind.PIECEWISE_LINEAR, 1.0);
    /** g(a) = max(a, 0) = a·1{a > 0} (Q1.2). */
    public static final Activation RELU = new Activation("ReLU", Kind.PIECEWISE_LINEAR, 0.0);
    /** g(a) = tanh a. */
    public static final Activation TANH = new Activation("tanh", Kind.TANH, Double.NaN);

    /** The names {@link #named} accepts. */
    public static final String NAMES = "identity, relu, tanh, leaky-relu:<slope in [0, 1]>";

    private static final double QUADRATURE_HALF_WIDTH = 12.0;
    private static final int QUADRATURE_INTERVALS = 2400;

    private final String name;
    private final Kind kind;
    /** Slope for a &lt; 0 of a piecewise-linear g: 1 identity, 0 ReLU, s leaky ReLU. */
    private final double slope;

    private Activation(String name, Kind kind, double slope) {
        this.name = name;
        this.kind = kind;
        this.slope = slope;
    }

    /**
     * The leaky ReLU g(a) = a for a &gt; 0 and s·a otherwise (notebook 01, exercises);
     * s = 0 is ReLU and s = 1 the identity.
     *
     * @param slope s, in [0, 1]
     */
    static Activation leakyRelu(double slope) {
        Arguments.inClosed(slope, 0, 1, "slope");
        if (slope == 0) {
            return RELU;
        }
        if (slope == 1) {
            return IDENTITY;
        }
        return new Activation("leaky ReLU (s = " + slope + ")", Kind.PIECEWISE_LINEAR, slope);
    }

    /**
     * The activation with this name: {@code identity} (or {@code linear}), {@code relu},
     * {@code tanh}, or {@code leaky-relu:s}, case-insensitive.
     *
     * @throws IllegalArgumentException for any other name, listing the allowed ones
     */
    public static Activation named(String name) {
        Arguments.that(name != null, "activation", "be one of " + NAMES, null);
        String n = name.trim().toLowerCase(Locale.ROOT);
        switch (n) {
            case "identity", "linear":
                return IDENTITY;
            case "relu":
                return RELU;
            case "tanh":
                return TANH;
            default:
                if (n.startsWith("leaky-relu:")) {
                    try {
                        return leakyRelu(Double.parseDouble(n.substring("leaky-relu:".length())));
                    } catch (NumberFormatException e) {
                        // fall through to the message below
                    }
                }
                throw Arguments.invalid("activation", "be one of " + NAMES, "'" + name + "'");
        }
    }

    /** The name shown in tables and legends. */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }

    /** g(a). */
    public double value(double a) {
        if (kind == Kind.TANH) {
            return Math.tanh(a);
        }
        return a > 0 ? a : slope * a;
    }

    /** g′(a); for the piecewise-linear g the derivative at the kink a = 0 is taken as s. */
    public double derivative(double a) {
        if (kind == Kind.TANH) {
            double t = Math.tanh(a);
            return 1 - t * t;
        }
        return a > 0 ? 1.0 : slope;
    }

    /** True when g(λa) = λg(a) for λ ≥ 0 (identity, ReLU, leaky ReLU): then k is exact. */
    boolean positivelyHomogeneous() {
        return kind == Kind.PIECEWISE_LINEAR;
    }

    /**
     * The variance factor k = E[g(a)²] / Var[a] for a symmetric about 0 (notebook 01, Q1.2:
     * E[ReLU(a)²] = ½ Var[a]): (1 + s²)/2 for the piecewise-linear g, which gives 1 for the
     * identity and ½ for ReLU. For tanh, the small-variance limit g′(0)² = 1.
     * Since g′(a)² is 1 or s² on either side of 0, k is also E[g′(a)²], the backward factor.
     */
    double varianceFactor() {
        if (kind == Kind.TANH) {
            return 1.0;
        }
        return (1 + slope * slope) / 2;
    }

    /** E[g(a)] for a ~ N(m, q) (notebook 01: E[h] &gt; 0 for ReLU). */
    double gaussianMean(double m, double q) {
        Arguments.finite(m, "mean m");
        Arguments.nonNegative(q, "variance q");
        if (kind == Kind.TANH) {
            return quadrature(m, q, 0);
        }
        if (q == 0) {
            return value(m);
        }
        double s = Math.sqrt(q);
        double u = m / s;
        double p = Normal.cdf(u);
        double f = Normal.pdf(u);
        double positive = m * p + s * f;           // E[a·1{a > 0}]
        double negative = m * (1 - p) - s * f;     // E[a·1{a < 0}]
        return positive + slope * negative;
    }

    /** E[g(a)²] for a ~ N(m, q): the second moment that drives the mean-field variance map. */
    double gaussianSecondMoment(double m, double q) {
        Arguments.finite(m, "mean m");
        Arguments.nonNegative(q, "variance q");
        if (kind == Kind.TANH) {
            return quadrature(m, q, 1);
        }
        if (q == 0) {
            double g = value(m);
            return g * g;
        }
        double s = Math.sqrt(q);
        double u = m / s;
        double p = Normal.cdf(u);
        double f = Normal.pdf(u);
        double positive = (m * m + q) * p + m * s * f;         // E[a²·1{a > 0}]
        double negative = (m * m + q) * (1 - p) - m * s * f;   // E[a²·1{a < 0}]
        return positive + slope * slope * negative;
    }

    /** E[g′(a)²] for a ~ N(m, q): the per-layer factor of the backward pass (with d·Var[w]). */
    double gaussianDerivativeSecondMoment(double m, double q) {
        Arguments.finite(m, "mean m");
        Arguments.nonNegative(q, "variance q");
        if (kind == Kind.TANH) {
            return quadrature(m, q, 2);
        }
        if (q == 0) {
            double g = derivative(m);
            return g * g;
        }
        double p = Normal.cdf(m / Math.sqrt(q));
        return p + slope * slope * (1 - p);
    }

    /** Composite Simpson rule for E[f(m + √q z)], z ~ N(0, 1), f = g, g², g′² (which = 0, 1, 2). */
    private double quadrature(double m, double q, int which) {
        double s = Math.sqrt(q);
        double h = 2 * QUADRATURE_HALF_WIDTH / QUADRATURE_INTERVALS;
        double sum = 0;
        for (int i = 0; i <= QUADRATURE_INTERVALS; i++) {
            double z = -QUADRATURE_HALF_WIDTH + i * h;
            double a = m + s * z;
            double f = switch (which) {
                case 0 -> value(a);
                case 1 -> value(a) * value(a);
                default -> derivative(a) * derivative(a);
            };
            double w = (i == 0 || i == QUADRATURE_INTERVALS) ? 1 : (i % 2 == 1 ? 4 : 2);
            sum += w * f * Normal.pdf(z);
        }
        return sum * h / 3;
    }
}
