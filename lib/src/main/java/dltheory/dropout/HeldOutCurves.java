package dltheory.dropout;

import dltheory.check.Arguments;

/**
 * Held-out mean squared error of linear predictors fitted on one training set (notebook 02,
 * section 9): dropout's test-time weights p·w_drop (equation (2.6)) at each keep probability, ridge's
 * w_L2 (equation (2.9)) at each strength, and least squares.
 *
 * @param ps      keep probabilities, increasing
 * @param dropout held-out error of p·w_drop at each p
 * @param lambdas ridge strengths λ_L2, increasing
 * @param ridge   held-out error of w_L2 at each λ_L2
 * @param ols     held-out error of least squares
 */
public record HeldOutCurves(double[] ps, double[] dropout, double[] lambdas, double[] ridge, double ols) {

    /** Validates lengths and stores copies. */
    public HeldOutCurves {
        Arguments.nonEmpty(ps, "ps");
        Arguments.length(dropout, ps.length, "dropout", "the number of keep probabilities");
        Arguments.nonEmpty(lambdas, "lambdas");
        Arguments.length(ridge, lambdas.length, "ridge", "the number of ridge strengths");
        ps = ps.clone();
        dropout = dropout.clone();
        lambdas = lambdas.clone();
        ridge = ridge.clone();
    }

    @Override
    public double[] ps() {
        return ps.clone();
    }

    @Override
    public double[] dropout() {
        return dropout.clone();
    }

    @Override
    public double[] lambdas() {
        return lambdas.clone();
    }

    @Override
    public double[] ridge() {
        return ridge.clone();
    }

    /** The keep probability of the grid with the smallest held-out error: how p is chosen. */
    public double bestP() {
        return ps[argmin(dropout)];
    }

    /** The held-out error at {@link #bestP()}. */
    double bestDropoutError() {
        return dropout[argmin(dropout)];
    }

    /** The ridge strength of the grid with the smallest held-out error. */
    public double bestLambda() {
        return lambdas[argmin(ridge)];
    }

    /** The held-out error at {@link #bestLambda()}. */
    double bestRidgeError() {
        return ridge[argmin(ridge)];
    }

    private static int argmin(double[] v) {
        int best = 0;
        for (int k = 1; k < v.length; k++) {
            if (v[k] < v[best]) {
                best = k;
            }
        }
        return best;
    }
}
