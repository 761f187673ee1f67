package dltheory.optim;

import dltheory.check.Arguments;

/**
 * The velocity that {@link Momentum} and {@link RunningAverage} keep (notebook 03, Q3.1):
 * v_t = keep·v_{t−1} + add·g_t from v_0 = 0, and the step Δθ_t = −scale·v_t. The gradient's length
 * is fixed at the first step.
 */
final class Velocity {

    private double[] v;
    private int t;

    /** Advances v by the gradient {@code g} (not modified) and returns Δθ_t = −scale·v_t. */
    double[] step(double[] g, double keep, double add, double scale) {
        Arguments.nonEmpty(g, "g");
        if (v == null) {
            v = new double[g.length];
        }
        Arguments.length(g, v.length, "g", "as at the first step");
        double[] step = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            v[i] = keep * v[i] + add * g[i];
            step[i] = -scale * v[i];
        }
        t++;
        return step;
    }

    /** v_t, a copy; null before the first step. */
    double[] copy() {
        return v == null ? null : v.clone();
    }

    /** The number of steps taken. */
    int t() {
        return t;
    }
}
