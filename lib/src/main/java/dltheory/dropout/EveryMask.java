package dltheory.dropout;

import dltheory.check.Arguments;

import org.ejml.data.DMatrixRMaj;

/**
 * Expectations over dropout masks computed exactly, by visiting every mask R ∈ {0,1}ⁿˣᵈ of a small
 * design with its probability p^(kept)·(1−p)^(dropped): no closed form and no sampling is used, so
 * the result is an independent reference for the closed forms of notebook 02 (equation (2.4)) and for
 * the exercises' checks.
 */
public final class EveryMask {

    /** At most 2²⁰ masks are visited. */
    public static final int MAX_ENTRIES = 20;

    private EveryMask() {
    }

    /**
     * The mean of the squared loss ‖(R⊙X)w/s − y‖² over every mask R, each weighted by its
     * probability, where s = 1 for plain dropout (equation (2.1) of notebook 02) and s = p for
     * "inverted" dropout, which divides the kept inputs by p during training.
     *
     * @param X        design matrix n×d with n·d ≤ {@link #MAX_ENTRIES}
     * @param y        targets, length n
     * @param w        weights, length d
     * @param p        keep probability in (0, 1]
     * @param inverted whether kept inputs are divided by p
     */
    static double meanLoss(DMatrixRMaj X, double[] y, double[] w, double p, boolean inverted) {
        Arguments.nonEmpty(X, "X");
        Arguments.length(y, X.numRows, "y", "n, the rows of X");
        Arguments.length(w, X.numCols, "w", "d, the columns of X");
        Arguments.inOpenClosed(p, 0, 1, "p (keep probability)");
        int n = X.numRows;
        int d = X.numCols;
        int entries = n * d;
        Arguments.that(entries <= MAX_ENTRIES, "X", "have n·d ≤ " + MAX_ENTRIES + " entries",
                entries);
        double s = inverted ? p : 1;
        double mean = 0;
        for (int mask = 0; mask < (1 << entries); mask++) {
            int kept = Integer.bitCount(mask);
            double probability = Math.pow(p, kept) * Math.pow(1 - p, entries - kept);
            if (probability == 0) {
                continue;
            }
            double loss = 0;
            for (int i = 0; i < n; i++) {
                double prediction = 0;
                for (int j = 0; j < d; j++) {
                    if ((mask >> (i * d + j) & 1) == 1) {
                        prediction += X.unsafe_get(i, j) * w[j];
                    }
                }
                double r = prediction / s - y[i];
                loss += r * r;
            }
            mean += probability * loss;
        }
        return mean;
    }
}
