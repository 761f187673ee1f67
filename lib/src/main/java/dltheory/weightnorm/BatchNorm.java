package dltheory.weightnorm;

import dltheory.check.Arguments;

/**
 * Batch normalization of one pre-activation {@code y = uᵀx} over a batch (notebook 04, eq. 3):
 * {@code ŷᵢ = γ (yᵢ − μ_y)/σ_y + β} with the batch mean and standard deviation. There is no ε in
 * the denominator: a batch with σ_y = 0 is rejected.
 */
public final class BatchNorm {

    private BatchNorm() {
    }

    /** Notebook 04, eq. (4.3): μ_y and σ_y of the batch {@code y} (at least 2 finite values). */
    static BatchMoments moments(double[] y) {
        Arguments.that(y != null && y.length >= 2, "y", "hold a batch of at least 2 values",
                y == null ? "null" : "length " + y.length);
        Arguments.finite(y, "y");
        double mean = 0;
        double m2 = 0;
        for (int i = 0; i < y.length; i++) {
            double delta = y[i] - mean;
            mean += delta / (i + 1);
            m2 += delta * (y[i] - mean);
        }
        return new BatchMoments(y.length, mean, Math.sqrt(m2 / y.length));
    }

    /** Notebook 04, eq. (4.3): {@code ŷᵢ = γ (yᵢ − μ_y)/σ_y + β} for every yᵢ of the batch. */
    public static double[] normalize(double[] y, double gamma, double beta) {
        Arguments.finite(gamma, "gamma");
        Arguments.finite(beta, "beta");
        BatchMoments m = moments(y);
        Arguments.that(m.std() > 0, "y", "vary over the batch (σ_y > 0)", "σ_y = " + m.std());
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = gamma * (y[i] - m.mean()) / m.std() + beta;
        }
        return out;
    }
}
