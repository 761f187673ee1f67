package dltheory.check;

import java.util.function.ToDoubleFunction;

import dltheory.text.Notation;
import dltheory.text.SignificantFormat;

/**
 * The notebooks' check cells. Each method compares a computed value with the claim, prints one
 * line starting with ✓ that says what was compared, and throws {@link AssertionError} with both
 * numbers when the claim does not hold, so that an executed notebook fails loudly. TeX-like
 * scripts in the description ({@code u_{t+1}}, {@code δ^T}) print as Unicode (uₜ₊₁, δᵀ).
 */
public final class Check {

    private Check() {
    }

    /** |actual − expected| ≤ tol. Prints {@code ✓ what = actual ≈ expected (tol …)}. */
    public static void close(double actual, double expected, double tol, String what) {
        Arguments.nonNegative(tol, "tolerance");
        boolean ok = Math.abs(actual - expected) <= tol;
        report(ok, what + " = " + fmt(actual) + " ≈ " + fmt(expected) + " (tol " + fmt(tol) + ")",
                "|" + fmt(actual) + " − " + fmt(expected) + "| = " + fmt(Math.abs(actual - expected)) + " > " + fmt(tol));
    }

    /** |actual − expected| ≤ relTol·|expected|. */
    public static void closeRelative(double actual, double expected, double relTol, String what) {
        Arguments.nonNegative(relTol, "tolerance");
        double rel = expected == 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
        report(rel <= relTol, what + " = " + fmt(actual) + " ≈ " + fmt(expected) + " (relative error " + fmt(rel)
                + " ≤ " + fmt(relTol) + ")", "relative error " + fmt(rel) + " > " + fmt(relTol));
    }

    /**
     * A Monte Carlo estimate within k standard errors of the closed form:
     * |estimate − expected| ≤ k·se.
     */
    public static void withinStandardErrors(double estimate, double se, double expected, double k, String what) {
        Arguments.atLeast(se, 0, "se");
        double z = se == 0 ? (estimate == expected ? 0 : Double.POSITIVE_INFINITY) : Math.abs(estimate - expected) / se;
        report(z <= k, what + " = " + fmt(estimate) + " ≈ " + fmt(expected) + " (" + fmt(z) + " SE, tol " + fmt(k) + " SE)",
                fmt(estimate) + " is " + fmt(z) + " standard errors from " + fmt(expected) + ", more than " + fmt(k));
    }

    /** value ≤ bound. */
    public static void atMost(double value, double bound, String what) {
        report(value <= bound, what + " = " + fmt(value) + " ≤ " + fmt(bound), fmt(value) + " > " + fmt(bound));
    }

    /** value ≥ bound. */
    public static void atLeast(double value, double bound, String what) {
        report(value >= bound, what + " = " + fmt(value) + " ≥ " + fmt(bound), fmt(value) + " < " + fmt(bound));
    }

    /** A yes/no claim; {@code detail} says what was seen, for both the ✓ line and the failure. */
    public static void that(boolean claim, String what, String detail) {
        report(claim, what + " (" + detail + ")", detail);
    }

    /**
     * An analytic gradient against central differences: relative error ≤ relTol.
     *
     * @param f        the function
     * @param analytic its gradient at x, as computed by the code under test
     * @param x        the point (not modified)
     */
    public static void gradient(ToDoubleFunction<double[]> f, double[] analytic, double[] x, double relTol, String what) {
        Arguments.nonNegative(relTol, "tolerance");
        double err = Gradients.relativeError(analytic, Gradients.centralDifference(f, x));
        report(err <= relTol, what + ": relative error vs central differences " + fmt(err) + " ≤ " + fmt(relTol),
                "relative error vs central differences " + fmt(err) + " > " + fmt(relTol));
    }

    private static void report(boolean ok, String line, String failure) {
        if (!ok) {
            throw new AssertionError(Notation.unicode("✗ " + line.split(" \\(")[0] + ": " + failure));
        }
        System.out.println(Notation.unicode("✓ " + line));
    }

    static String fmt(double v) {
        return SignificantFormat.format(v, 4);
    }
}
