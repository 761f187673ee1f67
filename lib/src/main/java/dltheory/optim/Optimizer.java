package dltheory.optim;

/**
 * A first-order optimizer as notebook 03 (momentum, running averages and bias correction) uses
 * it: it receives the gradient g_t = ∇f(θ_{t−1}) and returns the update Δθ_t, so that
 * θ_t = θ_{t−1} + Δθ_t. Implementations keep their state (velocity, averages, step count) and
 * start from zero state, v_0 = 0.
 */
public interface Optimizer {

    /**
     * The update Δθ_t for the gradient g_t; advances the state by one step.
     *
     * @param g the gradient g_t. Not modified.
     * @return a new array holding Δθ_t
     */
    double[] update(double[] g);

    /** The number of updates taken so far, t. */
    int t();

    /** A short name for legends and tables. */
    String name();
}
