package dltheory.check;

import java.util.function.ToDoubleFunction;

/** Finite-difference gradients and the relative error used to compare them with analytic ones. */
public final class Gradients {

    /** The default step: about the cube root of machine epsilon, optimal for central differences. */
    public static final double STEP = 1e-5;

    private Gradients() {
    }

    /**
     * The central-difference gradient (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h, i = 1…n; its error is
     * O(h²). {@code x} is not modified.
     */
    public static double[] centralDifference(ToDoubleFunction<double[]> f, double[] x, double h) {
        Arguments.positive(h, "h");
        double[] g = new double[x.length];
        double[] probe = x.clone();
        for (int i = 0; i < x.length; i++) {
            probe[i] = x[i] + h;
            double up = f.applyAsDouble(probe);
            probe[i] = x[i] - h;
            double down = f.applyAsDouble(probe);
            probe[i] = x[i];
            g[i] = (up - down) / (2 * h);
        }
        return g;
    }

    /** {@link #centralDifference(ToDoubleFunction, double[], double)} with {@link #STEP}. */
    public static double[] centralDifference(ToDoubleFunction<double[]> f, double[] x) {
        return centralDifference(f, x, STEP);
    }

    /**
     * Relative error ‖a − b‖₂ / max(‖a‖₂, ‖b‖₂); 0 when both are zero vectors.
     */
    public static double relativeError(double[] a, double[] b) {
        Arguments.sameLength(a, b, "a", "b");
        double diff = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            diff += (a[i] - b[i]) * (a[i] - b[i]);
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        double scale = Math.sqrt(Math.max(na, nb));
        return scale == 0 ? 0 : Math.sqrt(diff) / scale;
    }
}
