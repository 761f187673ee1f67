package dltheory.weightnorm;

import java.util.ArrayList;
import java.util.List;

import dltheory.text.SignificantFormat;
import dltheory.table.Tables;
import tech.tablesaw.api.Table;
import dltheory.linalg.Vectors;
import dltheory.check.Arguments;

/**
 * Full-batch gradient descent on the weight-normalized parameters (u, γ, β) of a
 * {@link LogisticRegression} (notebook 04, Q4.3, eq. 8):
 * {@code u ← u − α ∇_u L}, {@code γ ← γ − α ∂L/∂γ}, {@code β ← β − α ∂L/∂β}, all gradients taken
 * at the current point. Each step records ‖u‖ before and after and both sides of eq. (4.9).
 */
public final class Training {

    private Training() {
    }

    /**
     * T = {@code steps} steps of gradient descent with step size α from (u₀, γ₀, β₀).
     *
     * @param u0 the starting direction, non-zero; not modified
     */
    public static StepDiagnostics run(LogisticRegression model, double[] u0, double gamma0, double beta0,
                                 double alpha, int steps) {
        Arguments.notNull(model, "model", "a LogisticRegression");
        WeightNorm.requireDirection(u0, "u0");
        WeightNorm.requireVector(u0, "u0", model.d());
        Arguments.finite(gamma0, "gamma0");
        Arguments.finite(beta0, "beta0");
        Arguments.positive(alpha, "alpha");
        Arguments.atLeast(steps, 1, "steps");
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
            double normU = Vectors.norm(u);
            double s = gamma / normU;
            double p = Vectors.norm(WeightNorm.project(u, gradW));
            double[] next = WeightNorm.step(u, gamma, gradW, alpha);
            double normNext = Vectors.norm(next);
            out.add(new Step(t, u, beta, normU, normNext, loss, gamma, s, alpha * s * s,
                    normNext * normNext - normU * normU, alpha * alpha * s * s * p * p));
            u = next;
            gamma -= alpha * gradGamma;
            beta -= alpha * gradBeta;
        }
        return new StepDiagnostics(alpha, out, gamma, model.lossOf(u, gamma, beta));
    }

    /** {@link #run} once per step size, from the same start. */
    public static List<StepDiagnostics> sweep(LogisticRegression model, double[] u0, double gamma0, double beta0,
                                         double[] alphas, int steps) {
        Arguments.nonEmpty(alphas, "alphas");
        List<StepDiagnostics> runs = new ArrayList<>();
        for (double a : alphas) {
            runs.add(run(model, u0, gamma0, beta0, a, steps));
        }
        return List.copyOf(runs);
    }

    /** One summary row per run. */
    public static Table table(List<StepDiagnostics> runs) {
        Arguments.nonEmpty(runs, "runs");
        return Tables.of("Gradient descent on (u, γ, β): ‖u‖ grows; the effective rate αγ²/‖u‖² at t = 0 and T",
                runs.stream().map(StepDiagnostics::summary).toList(),
                "α", "steps T", "‖u_0‖", "‖u_T‖", "γ_T", "L_T", "rate at t = 0", "rate at T", "max error of (4.9)");
    }

    /** True when ‖u_T‖ strictly increases along the runs (ordered by increasing α). */
    public static boolean finalNormIncreasesWithAlpha(List<StepDiagnostics> runs) {
        Arguments.nonEmpty(runs, "runs");
        for (int i = 1; i < runs.size(); i++) {
            Arguments.that(runs.get(i).alpha() > runs.get(i - 1).alpha(), "runs", "be ordered by increasing alpha",
                    "α = " + runs.get(i - 1).alpha() + " then " + runs.get(i).alpha());
            if (!(runs.get(i).finalNorm() > runs.get(i - 1).finalNorm())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Notebook 04, Q4.3 over T steps: why ‖u_T‖ increases with α. Summing eq. (4.9) over the run
     * gives ‖u_T‖² = ‖u_0‖² + α·S(α), with S(α) = Σ_t α‖∇_u L(u_t)‖² ({@link
     * StepDiagnostics#gradientSum()}). For α &lt; α′ from the same u_0 therefore
     * ‖u_T(α′)‖ &gt; ‖u_T(α)‖ exactly when S(α′)/S(α) &gt; α/α′: the larger step wins unless its
     * sum of squared gradients, counted per unit of time α, is smaller by the factor α/α′ or more.
     * One row per pair of consecutive runs (ordered by increasing α).
     */
    public static List<Order> order(List<StepDiagnostics> runs) {
        Arguments.nonEmpty(runs, "runs");
        List<Order> out = new ArrayList<>();
        for (int i = 1; i < runs.size(); i++) {
            StepDiagnostics a = runs.get(i - 1);
            StepDiagnostics b = runs.get(i);
            Arguments.that(b.alpha() > a.alpha(), "runs", "be ordered by increasing alpha",
                    "α = " + a.alpha() + " then " + b.alpha());
            Arguments.that(a.normU()[0] == b.normU()[0], "runs", "start from the same u0",
                    "‖u0‖ = " + a.normU()[0] + " and " + b.normU()[0]);
            out.add(new Order(a.alpha(), b.alpha(), b.gradientSum() / a.gradientSum(), a.alpha() / b.alpha(),
                    b.finalNorm() / a.finalNorm()));
        }
        return List.copyOf(out);
    }

    /**
     * A pair of runs of {@link #order}.
     *
     * @param alpha     α, the smaller step size
     * @param nextAlpha α′, the larger
     * @param sumRatio  S(α′)/S(α)
     * @param bound     α/α′: ‖u_T(α′)‖ &gt; ‖u_T(α)‖ exactly when sumRatio exceeds it
     * @param normRatio ‖u_T(α′)‖/‖u_T(α)‖
     */
    public record Order(double alpha, double nextAlpha, double sumRatio, double bound, double normRatio) {

        /**
         * Prints one ✓ line: S(α′)/S(α) &gt; α/α′, and so, by eq. (4.9) summed, ‖u_T(α′)‖ &gt;
         * ‖u_T(α)‖; throws when either fails (the second failing alone would be an error in the
         * run's arithmetic).
         */
        public void check() {
            String pair = "α = " + SignificantFormat.format(alpha, 4) + " → " + SignificantFormat.format(nextAlpha, 4);
            dltheory.check.Check.that(sumRatio > bound && normRatio > 1,
                    "S(α′)/S(α) > α/α′, hence ‖u_T(α′)‖ > ‖u_T(α)‖, " + pair,
                    "S(α′)/S(α) = " + SignificantFormat.format(sumRatio, 3) + " vs α/α′ = "
                            + SignificantFormat.format(bound, 3) + "; ‖u_T(α′)‖/‖u_T(α)‖ = "
                            + SignificantFormat.format(normRatio, 4));
        }
    }

    /** {@link Order#check()} for every pair of consecutive runs. */
    public static void checkOrder(List<StepDiagnostics> runs) {
        order(runs).forEach(Order::check);
    }

    /**
     * Notebook 04, eqs. (4.6) and (4.9) checked with measured gradients: at each step t of
     * {@code ts}, ∇_u L at (u_t, γ_t, β_t) by central differences, against eq. (4.6).
     */
    public static List<MeasuredGradient> measuredGradients(LogisticRegression model, StepDiagnostics run,
                                                           int... ts) {
        Arguments.notNull(model, "model", "a LogisticRegression");
        Arguments.notNull(run, "run", "a StepDiagnostics");
        Arguments.that(ts != null && ts.length > 0, "ts", "name at least one step t", ts == null ? "null" : "none");
        List<MeasuredGradient> out = new ArrayList<>();
        for (int t : ts) {
            Arguments.inRange(t, 0, run.length() - 1, "t");
            Step s = run.steps().get(t);
            double[] u = s.u();
            double[] gradW = model.gradientW(WeightNorm.weight(u, s.gamma()), s.beta());
            out.add(MeasuredGradient.measure(t, v -> model.lossOf(v, s.gamma(), s.beta()), u,
                    WeightNorm.gradientU(u, s.gamma(), gradW), run.alpha()));
        }
        return List.copyOf(out);
    }

    /**
     * {@link #measuredGradients} at the k {@link #steepestSteps} of every run, in the order of
     * the runs: eqs. (4.6) and (4.9) tested where a wrong formula would show most.
     */
    public static List<MeasuredGradient> measuredGradients(LogisticRegression model, List<StepDiagnostics> runs,
                                                           int k) {
        Arguments.nonEmpty(runs, "runs");
        List<MeasuredGradient> out = new ArrayList<>();
        for (StepDiagnostics r : runs) {
            out.addAll(measuredGradients(model, r, steepestSteps(r, k)));
        }
        return List.copyOf(out);
    }

    /**
     * The k steps t of a run where ‖∇_u L(u_t)‖ is largest, in increasing order of t: where a
     * check of eq. (4.6) against central differences has the most power (notebook 04, Q4.2).
     */
    static int[] steepestSteps(StepDiagnostics run, int k) {
        Arguments.notNull(run, "run", "a StepDiagnostics");
        Arguments.inRange(k, 1, run.length(), "k");
        double[] g = run.gradientNorm();
        return java.util.stream.IntStream.range(0, g.length).boxed()
                .sorted((a, b) -> Double.compare(g[b], g[a])).limit(k)
                .mapToInt(Integer::intValue).sorted().toArray();
    }

    /** The measured-gradient rows as a table. */
    public static Table measuredTable(List<MeasuredGradient> rows) {
        return Tables.of("∇ᵤL by central differences at points of the run; τ bounds their error", rows,
                "α", "t", "‖∇̃ᵤL‖", "‖(4.6) − ∇̃ᵤL‖", "bound τ", "|uᵀ∇̃ᵤL|/‖u‖", "error of (4.9)", "bound for (4.9)");
    }

    /** The run of {@code runs} with step size α (exactly), for reading results by name. */
    public static StepDiagnostics withAlpha(List<StepDiagnostics> runs, double alpha) {
        Arguments.nonEmpty(runs, "runs");
        for (StepDiagnostics r : runs) {
            if (r.alpha() == alpha) {
                return r;
            }
        }
        throw Arguments.invalid("alpha", "be one of the runs' step sizes", alpha);
    }

    /**
     * The largest rate_T/rate_0 over the runs (eq. 10, per unit of ∇_w L): above 1 when at least
     * one run ends with a larger effective rate than it started with.
     */
    public static double largestRateGrowth(List<StepDiagnostics> runs) {
        Arguments.nonEmpty(runs, "runs");
        return runs.stream().mapToDouble(StepDiagnostics::rateGrowth).max().orElseThrow();
    }

    /**
     * The largest rate_t/rate_0 over the runs and their steps t ≥ 1 (eq. 4.10, per unit of
     * ∇_w L): above 1 when the rate rises above its start at some step of some run.
     */
    public static double largestRateRise(List<StepDiagnostics> runs) {
        Arguments.nonEmpty(runs, "runs");
        return runs.stream().mapToDouble(StepDiagnostics::peakRateGrowth).max().orElseThrow();
    }

    /**
     * The same for the rate of the unit direction, α/‖u_t‖²: at most 1, since ‖u‖ never
     * decreases (eq. 4.9).
     */
    public static double largestDirectionRateRise(List<StepDiagnostics> runs) {
        Arguments.nonEmpty(runs, "runs");
        return runs.stream().mapToDouble(StepDiagnostics::peakDirectionRateGrowth).max().orElseThrow();
    }

    /** ‖u_T‖ for each run, as "α=…: …" pieces, four significant digits. */
    public static String finalNorms(List<StepDiagnostics> runs) {
        Arguments.nonEmpty(runs, "runs");
        List<String> parts = new ArrayList<>();
        for (StepDiagnostics r : runs) {
            parts.add("α=" + SignificantFormat.format(r.alpha(), 4) + ": " + SignificantFormat.format(r.finalNorm(), 4));
        }
        return String.join(", ", parts);
    }
}
