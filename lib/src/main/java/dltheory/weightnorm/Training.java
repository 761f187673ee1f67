package dltheory.weightnorm;

import java.util.ArrayList;
import java.util.List;

import dltheory.table.SignificantFormat;
import dltheory.table.Tables;
import tech.tablesaw.api.Table;

/**
 * Full-batch gradient descent on the weight-normalized parameters (u, γ, β) of a
 * {@link LogisticRegression} (notebook 04, Q4.3, eq. 8):
 * {@code u ← u − α ∇_u L}, {@code γ ← γ − α ∂L/∂γ}, {@code β ← β − α ∂L/∂β}, all gradients taken
 * at the current point. Each step records ‖u‖ before and after and both sides of eq. (9).
 */
public final class Training {

    private Training() {
    }

    /**
     * T = {@code steps} steps of gradient descent with step size α from (u₀, γ₀, β₀).
     *
     * @param u0 the starting direction, non-zero; not modified
     */
    public static Trajectory run(LogisticRegression model, double[] u0, double gamma0, double beta0,
                                 double alpha, int steps) {
        if (model == null) {
            throw new IllegalArgumentException("model must be a LogisticRegression, got null");
        }
        WeightNorm.requireDirection(u0, "u0");
        WeightNorm.requireVector(u0, "u0", model.d());
        WeightNorm.requireFinite(gamma0, "gamma0");
        WeightNorm.requireFinite(beta0, "beta0");
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite and > 0, got " + alpha);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        double[] u = u0.clone();
        double gamma = gamma0;
        double beta = beta0;
        List<Step> out = new ArrayList<>(steps);
        for (int t = 0; t < steps; t++) {
            double[] w = WeightNorm.weight(u, gamma);
            double loss = model.loss(w, beta);
            double[] gradW = model.gradientW(w, beta);
            double gradGamma = WeightNorm.gradientGamma(u, gradW);
            double gradBeta = model.gradientBeta(w, beta);
            double normU = WeightNorm.norm(u);
            double s = gamma / normU;
            double p = WeightNorm.norm(WeightNorm.project(u, gradW));
            double[] next = WeightNorm.step(u, gamma, gradW, alpha);
            double normNext = WeightNorm.norm(next);
            out.add(new Step(t, normU, normNext, loss, gamma, s, alpha * s * s,
                    normNext * normNext - normU * normU, alpha * alpha * s * s * p * p));
            u = next;
            gamma -= alpha * gradGamma;
            beta -= alpha * gradBeta;
        }
        return new Trajectory(alpha, out, gamma, model.lossOf(u, gamma, beta));
    }

    /** {@link #run} once per step size, from the same start. */
    public static List<Trajectory> sweep(LogisticRegression model, double[] u0, double gamma0, double beta0,
                                         double[] alphas, int steps) {
        if (alphas == null || alphas.length == 0) {
            throw new IllegalArgumentException("alphas must hold at least one step size");
        }
        List<Trajectory> runs = new ArrayList<>();
        for (double a : alphas) {
            runs.add(run(model, u0, gamma0, beta0, a, steps));
        }
        return List.copyOf(runs);
    }

    /** One summary row per run. */
    public static Table table(List<Trajectory> runs) {
        requireRuns(runs);
        return Tables.of("Gradient descent on (u, γ, β): ‖u‖ grows, the rate α/‖u‖² falls",
                runs.stream().map(Trajectory::summary).toList());
    }

    /** True when ‖u_T‖ strictly increases along the runs (ordered by increasing α). */
    public static boolean finalNormIncreasesWithAlpha(List<Trajectory> runs) {
        requireRuns(runs);
        for (int i = 1; i < runs.size(); i++) {
            if (!(runs.get(i).alpha() > runs.get(i - 1).alpha())) {
                throw new IllegalArgumentException("runs must be ordered by increasing alpha");
            }
            if (!(runs.get(i).finalNorm() > runs.get(i - 1).finalNorm())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Beyond the text (eq. 10): the spread of the rates α/‖u‖² over the runs, max/min, at the
     * start (index 0) and after the last step (index 1). Equal starts give max α / min α at t = 0.
     */
    public static double[] rateSpread(List<Trajectory> runs) {
        requireRuns(runs);
        double lo0 = Double.POSITIVE_INFINITY, hi0 = 0, loT = Double.POSITIVE_INFINITY, hiT = 0;
        for (Trajectory r : runs) {
            double[] rate = r.rate();
            lo0 = Math.min(lo0, rate[0]);
            hi0 = Math.max(hi0, rate[0]);
            loT = Math.min(loT, rate[rate.length - 1]);
            hiT = Math.max(hiT, rate[rate.length - 1]);
        }
        return new double[] {hi0 / lo0, hiT / loT};
    }

    /** ‖u_T‖ for each run, as "α=…: …" pieces, four significant digits. */
    public static String finalNorms(List<Trajectory> runs) {
        requireRuns(runs);
        List<String> parts = new ArrayList<>();
        for (Trajectory r : runs) {
            parts.add("α=" + SignificantFormat.format(r.alpha(), 4) + ": " + SignificantFormat.format(r.finalNorm(), 4));
        }
        return String.join(", ", parts);
    }

    static void requireRuns(List<Trajectory> runs) {
        if (runs == null || runs.isEmpty()) {
            throw new IllegalArgumentException("runs must hold at least one trajectory");
        }
    }
}
