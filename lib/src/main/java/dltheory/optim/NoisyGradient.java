package dltheory.optim;

import dltheory.check.Arguments;
import java.util.Random;

/**
 * A stationary stream of noisy scalar gradients, g_t = μ + σ z_t with z_t i.i.d. N(0, 1), the
 * model of Q3.3 in notebook 03: E[g_t] = μ and E[g_t²] = μ² + σ² for every t.
 *
 * @param mu    the mean μ, finite
 * @param sigma the noise level σ, finite and ≥ 0
 */
public record NoisyGradient(double mu, double sigma) {

    public NoisyGradient {
        Arguments.finite(mu, "mu");
        Arguments.nonNegative(sigma, "sigma");
    }

    /** One draw g = μ + σ z. */
    public double next(Random rng) {
        return mu + sigma * rng.nextGaussian();
    }

    /**
     * g_1, …, g_n.
     *
     * @param n   n ≥ 1
     * @param rng the experiment's generator
     */
    public double[] draw(int n, Random rng) {
        Arguments.atLeast(n, 1, "n");
        double[] g = new double[n];
        for (int t = 0; t < n; t++) {
            g[t] = next(rng);
        }
        return g;
    }

    /** E[g²] = μ² + σ², the target of Adam's second moment. */
    public double secondMoment() {
        return mu * mu + sigma * sigma;
    }
}
