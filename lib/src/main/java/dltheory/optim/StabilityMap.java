package dltheory.optim;


import org.knowm.xchart.XYChart;

import dltheory.check.Arguments;
import dltheory.check.Check;

/**
 * Heavy-ball momentum over a grid of (α, ελ), notebook 03, section 5: for each point, |θ_T| after
 * T steps of {@link Momentum} on f(θ) = λθ²/2 from θ_0 = 1 (λ = 1), set against the region
 * 0 &lt; ελ &lt; 2(1 + α) where both roots of z² − (1 + α − ελ)z + α lie inside the unit circle.
 *
 * @param steps      T
 * @param alphas     the α of the grid, each in [0, 1)
 * @param epsLambdas the ελ of the grid, each &gt; 0
 * @param distance   distance[i][j] = |θ_T| for alphas[i], epsLambdas[j]
 */
public record StabilityMap(int steps, double[] alphas, double[] epsLambdas, double[][] distance) {

    /**
     * Runs every grid point.
     *
     * @param steps      T ≥ 1
     * @param alphas     α values in [0, 1)
     * @param epsLambdas ελ values, finite and &gt; 0
     */
    public static StabilityMap run(int steps, double[] alphas, double[] epsLambdas) {
        Arguments.atLeast(steps, 1, "steps");
        Arguments.nonEmpty(alphas, "alphas");
        Arguments.nonEmpty(epsLambdas, "epsLambdas");
        double[][] d = new double[alphas.length][epsLambdas.length];
        for (int i = 0; i < alphas.length; i++) {
            for (int j = 0; j < epsLambdas.length; j++) {
                d[i][j] = HeavyBall.distanceAfter(alphas[i], epsLambdas[j], 1.0, steps);
            }
        }
        return new StabilityMap(steps, alphas.clone(), epsLambdas.clone(), d);
    }

    /** A grid of n evenly spaced values from {@code from} to {@code to}, both included. */
    public static double[] grid(double from, double to, int n) {
        Arguments.atLeast(n, 2, "n");
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = from + (to - from) * k / (n - 1);
        }
        return x;
    }

    /** Whether the run at (alphas[i], epsLambdas[j]) ended closer than 1 to the minimum. */
    boolean converged(int i, int j) {
        return distance[i][j] < 1;
    }

    /** The eigenvalue prediction at (α, ελ): stable when 0 &lt; ελ &lt; 2(1 + α). */
    static boolean predictedStable(double alpha, double epsLambda) {
        return epsLambda > 0 && epsLambda < 2 * (1 + alpha);
    }

    /**
     * The grid points farther than {@code margin} (relative) from the boundary ελ = 2(1 + α)
     * whose run disagrees with {@link #predictedStable}. Points nearer the boundary are left
     * out: there the spectral radius is within a few per cent of 1 and T steps cannot tell.
     */
    int disagreements(double margin) {
        int bad = 0;
        for (int i = 0; i < alphas.length; i++) {
            for (int j = 0; j < epsLambdas.length; j++) {
                if (Math.abs(epsLambdas[j] / (2 * (1 + alphas[i])) - 1) > margin
                        && converged(i, j) != predictedStable(alphas[i], epsLambdas[j])) {
                    bad++;
                }
            }
        }
        return bad;
    }

    /** The number of grid points where momentum converges but plain gradient descent (ελ ≥ 2) would not. */
    int convergedBeyondPlainGradientDescent() {
        int n = 0;
        for (int i = 0; i < alphas.length; i++) {
            for (int j = 0; j < epsLambdas.length; j++) {
                if (epsLambdas[j] >= 2 && converged(i, j)) {
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * The check cell: no run farther than {@code margin} from the boundary contradicts the
     * eigenvalues, and some runs converge beyond plain gradient descent's ελ &lt; 2.
     */
    public void checkClaims(double margin) {
        Arguments.inOpenClosed(margin, 0, 1, "margin");
        Check.atMost(disagreements(margin), 0, "grid points (of " + alphas.length * epsLambdas.length
                + ") more than " + Math.round(margin * 100) + " % from ελ = 2(1 + α) whose run contradicts the eigenvalues");
        Check.atLeast(convergedBeyondPlainGradientDescent(), 1,
                "grid points with ελ ≥ 2 where momentum still converges");
    }

    /**
     * Converged and diverged runs in the (α, ελ) plane, with the boundary 2(1 + α) and plain
     * gradient descent's limit 2: {@link Figures#stabilityMap}.
     */
    public XYChart chart() {
        return Figures.stabilityMap(this);
    }
}
