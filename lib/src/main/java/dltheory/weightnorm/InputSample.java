package dltheory.weightnorm;

import dltheory.check.Arguments;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;

/**
 * A batch of inputs for Q4.1 (notebook 04) together with the moments of the distribution it was
 * drawn from, so that measured batch statistics can be compared with closed forms (4.4).
 *
 * @param name       how the notebook calls it, e.g. {@code "E[x] = 0, Cov[x] = I"}
 * @param x          the batch, one example per row, shape (n, d); copied, never modified
 * @param mean       E[x] of the source distribution, a d-vector
 * @param covariance Cov[x] of the source distribution, d×d
 * @param exact      true when {@code mean} and {@code covariance} are the batch's own moments
 *                   (a whitened batch), so closed forms hold to rounding, not to sampling error
 */
public record InputSample(String name, DMatrixRMaj x, double[] mean, DMatrixRMaj covariance, boolean exact) {

    /** Copies the arrays and checks shapes; see the class description. */
    public InputSample {
        Arguments.nonBlank(name, "name");
        Inputs.requireBatch(x, "x");
        WeightNorm.requireVector(mean, "mean", x.numCols);
        Arguments.shape(covariance, x.numCols, x.numCols, "covariance");
        x = x.copy();
        mean = mean.clone();
        covariance = covariance.copy();
    }

    /** n draws from N(mean, covariance), notebook 04 Q4.1. */
    public static InputSample gaussian(String name, int n, double[] mean, DMatrixRMaj covariance, Random rng) {
        return new InputSample(name, Inputs.gaussian(n, mean, covariance, rng), mean, covariance, false);
    }

    /** This batch whitened exactly ({@link Inputs#whiten}): batch mean 0, batch covariance I. */
    public InputSample whitened(String newName) {
        DMatrixRMaj w = Inputs.whiten(x);
        return new InputSample(newName, w, new double[x.numCols], Inputs.identity(x.numCols), true);
    }

    /** The batch size n. */
    public int n() {
        return x.numRows;
    }

    /** The input dimension d. */
    public int d() {
        return x.numCols;
    }

    /** The batch itself, without a copy, for this package's read-only use. */
    DMatrixRMaj batch() {
        return x;
    }

    /** A copy of the batch. */
    @Override
    public DMatrixRMaj x() {
        return x.copy();
    }

    /** A copy of E[x]. */
    @Override
    public double[] mean() {
        return mean.clone();
    }

    /** A copy of Cov[x]. */
    @Override
    public DMatrixRMaj covariance() {
        return covariance.copy();
    }

    /** A one-line summary (the batch itself is too long to print). */
    @Override
    public String toString() {
        return "InputSample[" + name + ", n=" + n() + ", d=" + d() + (exact ? ", whitened" : "") + "]";
    }

    /** The pre-activations {@code y = uᵀx} of the batch. */
    public double[] y(double[] u) {
        return Inputs.project(x, u);
    }
}
