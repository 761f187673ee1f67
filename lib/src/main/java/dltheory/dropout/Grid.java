package dltheory.dropout;

import dltheory.check.Arguments;

/** Grids of parameter values for the sweeps of notebook 02 (keep probabilities p, ridge λ). */
public final class Grid {

    private Grid() {
    }

    /** {@code points} values evenly spaced from {@code from} to {@code to}, both included (points ≥ 2). */
    public static double[] linear(double from, double to, int points) {
        Arguments.atLeast(points, 2, "points");
        double[] g = new double[points];
        for (int k = 0; k < points; k++) {
            g[k] = from + (to - from) * k / (points - 1);
        }
        g[points - 1] = to;
        return g;
    }

    /** {@code points} values evenly spaced on a log scale from {@code from} to {@code to} (both > 0, points ≥ 2). */
    public static double[] log(double from, double to, int points) {
        Arguments.positive(from, "from");
        Arguments.positive(to, "to");
        double[] g = linear(Math.log(from), Math.log(to), points);
        for (int k = 0; k < points; k++) {
            g[k] = Math.exp(g[k]);
        }
        g[0] = from;
        g[points - 1] = to;
        return g;
    }
}
