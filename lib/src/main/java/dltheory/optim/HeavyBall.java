package dltheory.optim;

import java.util.ArrayList;
import java.util.List;

import dltheory.check.Arguments;
import dltheory.check.Check;
import dltheory.table.Tables;
import tech.tablesaw.api.Table;

/**
 * The stability of heavy-ball momentum on a quadratic, notebook 03, "why it matters". Along an
 * eigenvector of curvature λ, momentum (α, ε) gives θ_t = (1 + α − ελ)θ_{t−1} − αθ_{t−2}, whose
 * characteristic polynomial is z² − (1 + α − ελ)z + α. The iteration converges when both roots
 * lie inside the unit circle, which for α in [0, 1) is 0 &lt; ελ &lt; 2(1 + α); plain gradient
 * descent (α = 0) needs ηλ &lt; 2.
 */
public final class HeavyBall {

    private HeavyBall() {
    }

    /**
     * The spectral radius of the iteration along one eigenvector: the largest |z| with
     * z² − (1 + α − x)z + α = 0, x = ελ.
     *
     * @param alpha α in [0, 1)
     * @param x     ελ, finite
     */
    public static double spectralRadius(double alpha, double x) {
        Arguments.inClosedOpen(alpha, 0, 1, "alpha");
        Arguments.finite(x, "epsLambda");
        double b = 1 + alpha - x;
        double disc = b * b - 4 * alpha;
        if (disc < 0) {
            return Math.sqrt(alpha);
        }
        double root = Math.sqrt(disc);
        return Math.max(Math.abs(b + root), Math.abs(b - root)) / 2;
    }

    /**
     * The largest stable ελ found from the eigenvalues alone: bisection on x in [0, 8] for the
     * point where {@link #spectralRadius} reaches 1 (the stable x form one interval).
     */
    static double criticalStep(double alpha) {
        Arguments.inClosedOpen(alpha, 0, 1, "alpha");
        double lo = 1e-9;
        double hi = 8;
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (spectralRadius(alpha, mid) < 1) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /**
     * |θ_T| after T steps of {@link Momentum} (α, ε) on f(θ) = λθ²/2 from θ_0 = 1: a run that
     * does not use the eigen-analysis at all.
     */
    static double distanceAfter(double alpha, double epsilon, double lambda, int steps) {
        Arguments.positive(lambda, "lambda");
        Arguments.atLeast(steps, 1, "steps");
        Momentum m = new Momentum(alpha, epsilon);
        double theta = 1;
        for (int t = 0; t < steps; t++) {
            theta += m.update(new double[] {lambda * theta})[0];
        }
        return Math.abs(theta);
    }

    /** One row of {@link #stabilityTable}. */
    public record Row(double alpha, double criticalFromEigenvalues, double twoOnePlusAlpha,
                      double distanceInside, double distanceOutside) {
    }

    /**
     * For each α: the critical ελ from the eigenvalues, 2(1 + α), and |θ_T| after T steps with
     * ελ 2 % inside and 2 % outside the boundary 2(1 + α) (λ = 1, θ_0 = 1).
     */
    public static List<Row> rows(int steps, double... alphas) {
        List<Row> rows = new ArrayList<>();
        for (double a : alphas) {
            double edge = 2 * (1 + a);
            rows.add(new Row(a, criticalStep(a), edge, distanceAfter(a, 0.98 * edge, 1, steps),
                    distanceAfter(a, 1.02 * edge, 1, steps)));
        }
        return rows;
    }

    /** {@link #rows} as a table. */
    public static Table stabilityTable(int steps, double... alphas) {
        return Tables.of("Heavy-ball stability on f(θ) = λθ²/2, λ = 1, " + steps + " steps", rows(steps, alphas),
                "α", "critical ελ (eigenvalues)", "2(1 + α)", "|θ_T|, ελ 2 % inside", "|θ_T|, ελ 2 % outside");
    }

    /**
     * The check cell: for each α the eigenvalue boundary equals 2(1 + α) within {@code tol}, and
     * the runs 2 % inside end closer than 1 to the minimum while those 2 % outside end farther
     * than 1. Prints ✓ lines or throws {@link AssertionError}.
     */
    public static void checkBoundary(double tol, int steps, double... alphas) {
        for (Row r : rows(steps, alphas)) {
            Check.close(r.criticalFromEigenvalues(), r.twoOnePlusAlpha(), tol,
                    "α = " + r.alpha() + ": largest stable ελ from the eigenvalues vs 2(1 + α)");
            Check.atMost(r.distanceInside(), 1, "α = " + r.alpha() + ": |θ_T| with ελ = 0.98·2(1 + α)");
            Check.atLeast(r.distanceOutside(), 1, "α = " + r.alpha() + ": |θ_T| with ελ = 1.02·2(1 + α)");
        }
    }
}
