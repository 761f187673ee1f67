package dltheory.init;

import dltheory.check.Arguments;

import java.util.Arrays;

/**
 * The closed forms of notebook 01 (Q1): the per-layer variance factor d·Var[w]·k, the predicted
 * variance after t layers, the mean-field map for any bias and activation, the backward factor,
 * and the second moments of the uniform law and of ReLU.
 */
public final class Theory {

    private Theory() {
    }

    /**
     * The per-layer factor of the variance, Var[a⁽ᵗ⁺¹⁾] = d·Var[w]·k·Var[a⁽ᵗ⁾] (Q1, equations
     * (10) and (12) with E[w] = 0 and c = 0), k = {@link Activation#varianceFactor()}: 1 for the
     * identity, ½ for ReLU. It is 1 exactly for the schemes of Q1 (N(0, 1/d) and U(±√(3/d)) with the
     * identity, N(0, 2/d) and U(±√(6/d)) with ReLU).
     */
    public static double layerFactor(Init init, Activation g, int d) {
        Arguments.notNull(init, "init", "an Init");
        Arguments.notNull(g, "activation", "one of " + Activation.NAMES);
        return d * init.weightVariance(d) * g.varianceFactor();
    }

    /**
     * Var[a⁽ᵗ⁾] = (d·Var[w]·k)^t when the inputs are a⁽⁰⁾ with mean 0 and variance 1 (Q1's step
     * applied t times). Exact in expectation for the positively homogeneous g when E[w] = 0, c = 0.
     *
     * @param t the layer, ≥ 0
     */
    static double predictedVariance(Init init, Activation g, int d, int t) {
        Arguments.atLeast(t, 0, "layer t");
        return Math.pow(layerFactor(init, g, d), t);
    }

    /**
     * The mean-field map: with E[w] = 0, a⁽ᵗ⁾ has mean c and variance q_t, where the inputs are
     * a⁽⁰⁾ ~ N(0, 1), q_1 = d·Var[w]·E[g(a⁽⁰⁾)²] and q_(t+1) = d·Var[w]·E[g(a)²] for a ~ N(c, q_t).
     * For the identity and ReLU with c = 0 it equals {@link #predictedVariance} (and holds for every
     * symmetric law); for tanh or c ≠ 0 it is the large-width Gaussian approximation.
     *
     * @return q_1 … q_L (index t − 1); all NaN when E[w] ≠ 0, which this map does not describe
     */
    public static double[] meanFieldVariance(Init init, Activation g, int d, int depth) {
        Arguments.notNull(init, "init", "an Init");
        Arguments.notNull(g, "activation", "one of " + Activation.NAMES);
        Arguments.atLeast(depth, 1, "depth");
        double[] q = new double[depth];
        if (init.weightMean(d) != 0) {
            Arrays.fill(q, Double.NaN);
            return q;
        }
        double v = d * init.weightVariance(d);
        q[0] = v * g.gaussianSecondMoment(0, 1);
        for (int t = 1; t < depth; t++) {
            q[t] = v * g.gaussianSecondMoment(init.c(), q[t - 1]);
        }
        return q;
    }

    /**
     * The mean-field backward map (the other half of Glorot's argument): with δ⁽ᵗ⁾ = ∂L/∂a⁽ᵗ⁾,
     * δ⁽ᵗ⁾ = g′(a⁽ᵗ⁾) ⊙ W⁽ᵗ⁺¹⁾ᵀδ⁽ᵗ⁺¹⁾, so Var[δ⁽ᵗ⁾] = d·Var[w]·E[g′(a⁽ᵗ⁾)²]·Var[δ⁽ᵗ⁺¹⁾], with
     * Var[δ⁽ᴸ⁾] = 1 and a⁽ᵗ⁾ ~ N(c, q_t) from {@link #meanFieldVariance}. For square layers and
     * ReLU, E[g′²] = ½ and the backward factor equals the forward one.
     *
     * @return Var[δ⁽¹⁾] … Var[δ⁽ᴸ⁾] (index t − 1); NaN when E[w] ≠ 0
     */
    static double[] meanFieldGradientVariance(Init init, Activation g, int d, int depth) {
        double[] q = meanFieldVariance(init, g, d, depth);
        double[] p = new double[depth];
        if (Double.isNaN(q[0])) {
            Arrays.fill(p, Double.NaN);
            return p;
        }
        double v = d * init.weightVariance(d);
        p[depth - 1] = 1;
        for (int t = depth - 2; t >= 0; t--) {
            p[t] = v * g.gaussianDerivativeSecondMoment(init.c(), q[t]) * p[t + 1];
        }
        return p;
    }

    /**
     * The weight variance that keeps Var[a⁽ᵗ⁾] = 1 through depth: Var[w] = 1/(k·d) — 1/d for the
     * identity (and tanh near 0), 2/d for ReLU (He), 2/((1 + s²)d) for a leaky ReLU of slope s.
     */
    static double criticalWeightVariance(Activation g, int d) {
        Arguments.that(g != null, "activation", "be one of " + Activation.NAMES, null);
        Arguments.atLeast(d, 1, "fan-in d");
        return 1.0 / (g.varianceFactor() * d);
    }

    /**
     * E[w²] for w ~ U(α, β): Var + E² = (β − α)²/12 + (α + β)²/4 = (α² + αβ + β²)/3 (Q1.1 (b)).
     */
    public static double uniformSecondMoment(double alpha, double beta) {
        Arguments.ordered(alpha, beta, "alpha", "beta");
        return (alpha * alpha + alpha * beta + beta * beta) / 3;
    }

    /**
     * Identity activations with E[w] = μ ≠ 0 (a gap in Q1.1: equation (10) alone allows it): units
     * of a layer become correlated, Cov[a_i, a_k] = κ_t, and with independent inputs of mean 0 and variance 1
     * v_1 = d·E[w²], κ_1 = d·μ², and
     * v_(t+1) = d·E[w²]·v_t + d(d−1)·μ²·κ_t, κ_(t+1) = μ²·(d·v_t + d(d−1)·κ_t).
     * With μ = 0 this is v_t = (d·E[w²])^t. c must be 0.
     *
     * @return Var[a⁽¹⁾] … Var[a⁽ᴸ⁾] (index t − 1)
     */
    public static double[] identityVarianceWithWeightMean(Init init, int d, int depth) {
        Arguments.notNull(init, "init", "an Init");
        Arguments.atLeast(depth, 1, "depth");
        Arguments.that(init.c() == 0, "c", "be 0 here", init.c());
        double mu = init.weightMean(d);
        double m2 = init.weightSecondMoment(d);
        double[] v = new double[depth];
        double kappa = d * mu * mu;
        v[0] = d * m2;
        for (int t = 1; t < depth; t++) {
            double next = d * m2 * v[t - 1] + (double) d * (d - 1) * mu * mu * kappa;
            kappa = mu * mu * (d * v[t - 1] + (double) d * (d - 1) * kappa);
            v[t] = next;
        }
        return v;
    }
}
