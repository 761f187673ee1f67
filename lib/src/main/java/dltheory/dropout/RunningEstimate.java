package dltheory.dropout;

import dltheory.check.Arguments;

/**
 * A running Monte Carlo mean after N samples, for several N, with its standard error, and the
 * closed form it should approach (notebook 02, the expected loss (2.4)).
 *
 * @param n             the sample sizes N
 * @param mean          the mean of the first N samples
 * @param standardError its standard error
 * @param closedForm    the exact expectation
 */
public record RunningEstimate(double[] n, double[] mean, double[] standardError, double closedForm) {

    /** Validates lengths and stores copies. */
    public RunningEstimate {
        Arguments.nonEmpty(n, "n");
        Arguments.sameLength(n, mean, "n", "mean");
        Arguments.sameLength(n, standardError, "n", "standardError");
        n = n.clone();
        mean = mean.clone();
        standardError = standardError.clone();
    }

    @Override
    public double[] n() {
        return n.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] standardError() {
        return standardError.clone();
    }

    /** mean − 2·SE at every N. */
    public double[] lower() {
        return offset(-2);
    }

    /** mean + 2·SE at every N. */
    double[] upper() {
        return offset(2);
    }

    /** The final mean (after all samples). */
    double finalMean() {
        return mean[mean.length - 1];
    }

    /** The final standard error. */
    double finalStandardError() {
        return standardError[standardError.length - 1];
    }

    /** The fraction of checkpoints whose ±2 SE interval contains the closed form. */
    double coverage() {
        int in = 0;
        for (int k = 0; k < n.length; k++) {
            if (Math.abs(mean[k] - closedForm) <= 2 * standardError[k]) {
                in++;
            }
        }
        return (double) in / n.length;
    }

    private double[] offset(double k) {
        double[] out = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            out[i] = mean[i] + k * standardError[i];
        }
        return out;
    }
}
