package dltheory.optim;

import dltheory.check.Arguments;
import static dltheory.text.SignificantFormat.format;

/**
 * SGD with momentum, notebook 03, Q3.1:
 * v_t = α v_{t−1} + ε g_t,  Δθ_t = −v_t,  v_0 = 0,
 * equivalently Δθ_t = α Δθ_{t−1} − ε g_t (equation (17) of the reference text).
 */
public final class Momentum implements Optimizer {

    private final double alpha;
    private final double epsilon;
    private final Velocity v = new Velocity();

    /**
     * @param alpha   the momentum α, in [0, 1)
     * @param epsilon the step size ε, finite and &gt; 0
     */
    public Momentum(double alpha, double epsilon) {
        this.alpha = Arguments.inClosedOpen(alpha, 0, 1, "alpha");
        this.epsilon = Arguments.positive(epsilon, "epsilon");
    }

    /** v_t = α v_{t−1} + ε g_t; returns Δθ_t = −v_t. */
    @Override
    public double[] update(double[] g) {
        return v.step(g, alpha, epsilon, 1);
    }

    /** The velocity v_t (a copy; zeros before the first step are not stored, so null then). */
    double[] velocity() {
        return v.copy();
    }

    @Override
    public int t() {
        return v.t();
    }

    @Override
    public String name() {
        return "momentum (α = " + format(alpha, 4) + ", ε = " + format(epsilon, 4) + ")";
    }

}
