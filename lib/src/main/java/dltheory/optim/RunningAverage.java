package dltheory.optim;

import dltheory.check.Arguments;
import static dltheory.text.SignificantFormat.format;

/**
 * SGD with a running (exponential moving) average of the gradients, notebook 03, Q3.1:
 * v_t = β v_{t−1} + (1 − β) g_t,  Δθ_t = −δ v_t,  v_0 = 0,
 * equivalently Δθ_t = β Δθ_{t−1} − δ(1 − β) g_t (equation (18) of the reference text).
 * With α = β and ε = δ(1 − β) it moves exactly like {@link Momentum}.
 */
public final class RunningAverage implements Optimizer {

    private final double beta;
    private final double delta;
    private final Velocity v = new Velocity();

    /**
     * @param beta  the averaging rate β, in [0, 1)
     * @param delta the step size δ, finite and &gt; 0
     */
    public RunningAverage(double beta, double delta) {
        this.beta = Arguments.inClosedOpen(beta, 0, 1, "beta");
        this.delta = Arguments.positive(delta, "delta");
    }

    /** v_t = β v_{t−1} + (1 − β) g_t; returns Δθ_t = −δ v_t. */
    @Override
    public double[] update(double[] g) {
        return v.step(g, beta, 1 - beta, delta);
    }

    /**
     * The steps Δθ_1 … Δθ_n of a fresh running average (β, δ) fed the scalar gradients g_1 … g_n
     * (notebook 03, caveat 5: the reference against which a framework's rule is checked).
     *
     * @param beta  β in [0, 1)
     * @param delta δ, finite and &gt; 0
     * @param g     the gradients, not modified
     */
    public static double[] steps(double beta, double delta, double[] g) {
        RunningAverage average = new RunningAverage(beta, delta);
        double[] steps = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            steps[i] = average.update(new double[] {g[i]})[0];
        }
        return steps;
    }

    /** The running average v_t (a copy; null before the first step). */
    public double[] average() {
        return v.copy();
    }

    @Override
    public int t() {
        return v.t();
    }

    @Override
    public String name() {
        return "running average (β = " + format(beta, 4) + ", δ = " + format(delta, 4) + ")";
    }

}
