package dltheory.optim;

import dltheory.check.Arguments;
import java.util.Arrays;

import dltheory.table.Tables;
import tech.tablesaw.api.Table;

/**
 * The path θ_0, θ_1, …, θ_T of an optimizer on a {@link Quadratic} (notebook 03, Q3.1), with
 * θ_t = θ_{t−1} + Δθ_t and Δθ_t computed from g_t = ∇f(θ_{t−1}).
 *
 * @param name  the optimizer's name
 * @param theta θ_t at row t, t = 0…T (not copied: treat as read-only)
 */
public record Trajectory(String name, double[][] theta) {

    /**
     * Runs {@code optimizer} for {@code steps} steps from θ_0 on {@code f}.
     *
     * @param optimizer a fresh optimizer (zero state)
     * @param f         the bowl
     * @param theta0    θ_0, of length f.dim(). Not modified.
     * @param steps     T ≥ 1
     */
    public static Trajectory run(Optimizer optimizer, Quadratic f, double[] theta0, int steps) {
        Arguments.atLeast(steps, 1, "steps");
        Arguments.length(theta0, f.dim(), "theta0", "the dimension of f");
        double[][] path = new double[steps + 1][];
        path[0] = theta0.clone();
        for (int t = 1; t <= steps; t++) {
            double[] step = optimizer.update(f.gradient(path[t - 1]));
            double[] next = path[t - 1].clone();
            for (int i = 0; i < next.length; i++) {
                next[i] += step[i];
            }
            path[t] = next;
        }
        return new Trajectory(optimizer.name(), path);
    }

    /** The same path under another name (for a short legend entry). */
    Trajectory withName(String newName) {
        Arguments.nonBlank(newName, "newName");
        return new Trajectory(newName, theta);
    }

    /** T, the number of steps. */
    public int steps() {
        return theta.length - 1;
    }

    /** Coordinate i of θ_t for t = 0…T (i = 0 is θ₁ of the text). */
    public double[] coordinate(int i) {
        double[] c = new double[theta.length];
        for (int t = 0; t < theta.length; t++) {
            c[t] = theta[t][i];
        }
        return c;
    }

    /** The final point θ_T (a copy). */
    public double[] last() {
        return theta[theta.length - 1].clone();
    }

    /** max over t of ‖θ_t − θ'_t‖₂ (both paths must have the same length and dimension). */
    public double maxDistance(Trajectory other) {
        Arguments.that(other.theta.length == theta.length && other.theta[0].length == theta[0].length, "other",
                "have this trajectory's " + theta.length + " points of dimension " + theta[0].length,
                other.theta.length + " of dimension " + other.theta[0].length);
        double worst = 0;
        for (int t = 0; t < theta.length; t++) {
            double d = 0;
            for (int i = 0; i < theta[t].length; i++) {
                double e = theta[t][i] - other.theta[t][i];
                d += e * e;
            }
            worst = Math.max(worst, Math.sqrt(d));
        }
        return worst;
    }

    /** One row of the comparison table: the method, T, f(θ_T) and ‖θ_T‖ (the distance to the minimum). */
    public record Summary(String method, int steps, double finalLoss, double distanceToMinimum) {
    }

    /** This path's {@link Summary} on {@code f}. */
    public Summary summary(Quadratic f) {
        double[] last = theta[theta.length - 1];
        double d = 0;
        for (double x : last) {
            d += x * x;
        }
        return new Summary(name, steps(), f.value(last), Math.sqrt(d));
    }

    /** A table with one row per trajectory: method, T, f(θ_T), ‖θ_T − θ*‖. */
    public static Table table(String title, Quadratic f, Trajectory... paths) {
        Arguments.that(paths.length > 0, "paths", "hold at least one trajectory", "none");
        return Tables.of(title, Arrays.stream(paths).map(p -> p.summary(f)).toList());
    }
}
