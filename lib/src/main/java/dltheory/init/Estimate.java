package dltheory.init;

import dltheory.check.Check;
import dltheory.check.Arguments;
import dltheory.check.Stats;

/**
 * A Monte Carlo estimate and its standard error (notebook 01: the checks allow k·SE, k ≥ 4).
 *
 * @param value         the estimate
 * @param standardError its standard error, ≥ 0
 */
public record Estimate(double value, double standardError) {

    /** Validates the components. */
    public Estimate {
        Arguments.atLeast(standardError, 0.0, "standardError");
    }

    /** The mean of {@code x} with standard error sd(x)/√n. */
    public static Estimate mean(double[] x) {
        Arguments.minLength(x, 2, "a sample");
        return new Estimate(Stats.mean(x), Stats.standardError(x));
    }

    /** The second moment E[x²] of the law of {@code x} (notebook 01, Q1.1 (b)), from mean(x²). */
    public static Estimate secondMoment(double[] x) {
        Arguments.minLength(x, 2, "a sample");
        double[] sq = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            sq[i] = x[i] * x[i];
        }
        return mean(sq);
    }

    /** How many standard errors {@code value} lies from {@code expected}: |value − expected| / SE. */
    public double z(double expected) {
        double diff = Math.abs(value - expected);
        if (standardError == 0) {
            return diff == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return diff / standardError;
    }

    /**
     * Checks that the estimate lies within k standard errors of {@code expected}, as
     * {@link Check#withinStandardErrors} (notebook 01: the per-layer factors of the forward and
     * backward sweeps against d·Var[w]·k): prints a ✓ line naming {@code what}, or throws
     * {@link AssertionError} with both numbers.
     */
    public void check(double expected, double k, String what) {
        Check.withinStandardErrors(value, standardError, expected, k, what);
    }
}
