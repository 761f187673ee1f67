package dltheory.optim;

import dltheory.check.Arguments;
import static dltheory.text.SignificantFormat.format;

/**
 * Plain stochastic gradient descent, Δθ_t = −η g_t: the baseline of notebook 03, against which
 * momentum is compared on the quadratic bowl.
 */
public final class Sgd implements Optimizer {

    private final double eta;
    private int t;
    private int dim = -1;

    /**
     * @param eta the step size η, finite and &gt; 0
     */
    public Sgd(double eta) {
        this.eta = Arguments.positive(eta, "eta");
    }

    /** Δθ_t = −η g_t. */
    @Override
    public double[] update(double[] g) {
        Arguments.nonEmpty(g, "g");
        if (dim >= 0) {
            Arguments.length(g, dim, "g", "as at the first step");
        }
        dim = g.length;
        double[] step = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            step[i] = -eta * g[i];
        }
        t++;
        return step;
    }

    @Override
    public int t() {
        return t;
    }

    @Override
    public String name() {
        return "SGD (η = " + format(eta, 4) + ")";
    }

}
