package dltheory.weightnorm;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import dltheory.linalg.Vectors;
import dltheory.check.Arguments;

/**
 * Input batches for Q4.1 (notebook 04): Gaussian samples with a chosen mean and covariance,
 * exact whitening of a batch, and the covariance matrices used in the notebook. A batch is an
 * EJML matrix with one example per row, shape (n, d).
 */
public final class Inputs {

    private Inputs() {
    }

    /** The d-vector with every entry equal to {@code value}. */
    public static double[] constant(int d, double value) {
        Arguments.atLeast(d, 1, "d");
        Arguments.finite(value, "value");
        double[] v = new double[d];
        java.util.Arrays.fill(v, value);
        return v;
    }

    /** The d×d identity: Cov[x] = I, the assumption of Q4.1. */
    public static DMatrixRMaj identity(int d) {
        Arguments.atLeast(d, 1, "d");
        return CommonOps_DDRM.identity(d);
    }

    /**
     * The equicorrelated covariance {@code Σ = (1 − c) I + c 11ᵀ}: unit variances, every pair of
     * entries with correlation c. Positive definite for −1/(d − 1) &lt; c &lt; 1.
     */
    static DMatrixRMaj equicorrelated(int d, double c) {
        Arguments.atLeast(d, 1, "d");
        double lo = d == 1 ? Double.NEGATIVE_INFINITY : -1.0 / (d - 1);
        Arguments.that(c > lo && c < 1, "c", "be in (" + (d == 1 ? "-inf" : String.valueOf(lo))
                + ", 1) for a positive definite covariance", c);
        DMatrixRMaj s = new DMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                s.set(i, j, i == j ? 1 : c);
            }
        }
        return s;
    }

    /**
     * n draws of {@code x ~ N(mean, Σ)} as the rows of an (n, d) matrix: {@code x = mean + L z}
     * with {@code Σ = LLᵀ} (Cholesky) and {@code z ~ N(0, I)}.
     */
    public static DMatrixRMaj gaussian(int n, double[] mean, DMatrixRMaj covariance, Random rng) {
        Arguments.atLeast(n, 2, "n");
        Arguments.notNull(mean, "mean", "a vector");
        WeightNorm.requireVector(mean, "mean", mean.length);
        int d = mean.length;
        DMatrixRMaj l = cholesky(covariance, d, "covariance");
        Arguments.notNull(rng, "rng", "a generator");
        DMatrixRMaj z = dltheory.random.Seeded.normal(n, d, 0, 1, rng);    // (n, d)
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        CommonOps_DDRM.multTransB(z, l, x);                                  // rows zᵢᵀLᵀ = (L zᵢ)ᵀ
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x.add(i, j, mean[j]);
            }
        }
        return x;
    }

    /**
     * The batch whitened exactly: subtract the batch mean m̂, factor the batch covariance
     * {@code S = (1/n) X_cᵀX_c = LLᵀ} and solve for {@code X_w = X_c L⁻ᵀ}, so that the result has
     * batch mean 0 and batch covariance I to rounding. {@code x} is not modified.
     */
    static DMatrixRMaj whiten(DMatrixRMaj x) {
        requireBatch(x, "x");
        int n = x.numRows;
        int d = x.numCols;
        DMatrixRMaj centred = x.copy();
        for (int j = 0; j < d; j++) {
            double m = 0;
            for (int i = 0; i < n; i++) {
                m += x.get(i, j);
            }
            m /= n;
            for (int i = 0; i < n; i++) {
                centred.add(i, j, -m);
            }
        }
        DMatrixRMaj s = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransA(centred, centred, s);
        CommonOps_DDRM.scale(1.0 / n, s);
        DMatrixRMaj l = cholesky(s, d, "the batch covariance of x");
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (int j = 0; j < d; j++) {
            lo = Math.min(lo, l.get(j, j));
            hi = Math.max(hi, l.get(j, j));
        }
        // cond(S) = (hi/lo)² up to 1e12
        Arguments.that(lo > 1e-6 * hi, "x",
                "have a non-singular batch covariance (no collinear columns) to be whitened",
                "diag(L) from " + lo + " to " + hi);
        DMatrixRMaj centredT = CommonOps_DDRM.transpose(centred, null);     // (d, n)
        DMatrixRMaj solved = new DMatrixRMaj(d, n);
        boolean solvable = CommonOps_DDRM.solve(l, centredT, solved);        // L · X_wᵀ = X_cᵀ
        Arguments.that(solvable, "x", "have a non-singular batch covariance to be whitened", "a singular one");
        return CommonOps_DDRM.transpose(solved, null);
    }

    /** The batch mean, a d-vector. */
    static double[] batchMean(DMatrixRMaj x) {
        requireBatch(x, "x");
        double[] m = new double[x.numCols];
        for (int i = 0; i < x.numRows; i++) {
            for (int j = 0; j < x.numCols; j++) {
                m[j] += x.get(i, j);
            }
        }
        return Vectors.scale(1.0 / x.numRows, m);
    }

    /** The batch covariance (1/n) Σ (xᵢ − m̂)(xᵢ − m̂)ᵀ, a d×d matrix. */
    static DMatrixRMaj batchCovariance(DMatrixRMaj x) {
        double[] m = batchMean(x);
        DMatrixRMaj centred = x.copy();
        for (int i = 0; i < x.numRows; i++) {
            for (int j = 0; j < x.numCols; j++) {
                centred.add(i, j, -m[j]);
            }
        }
        DMatrixRMaj s = new DMatrixRMaj(x.numCols, x.numCols);
        CommonOps_DDRM.multTransA(centred, centred, s);
        CommonOps_DDRM.scale(1.0 / x.numRows, s);
        return s;
    }

    /** The pre-activations {@code yᵢ = uᵀxᵢ} of a batch, an n-vector. */
    static double[] project(DMatrixRMaj x, double[] u) {
        requireBatch(x, "x");
        WeightNorm.requireVector(u, "u", x.numCols);
        double[] y = new double[x.numRows];
        for (int i = 0; i < x.numRows; i++) {
            double s = 0;
            for (int j = 0; j < x.numCols; j++) {
                s += x.get(i, j) * u[j];
            }
            y[i] = s;
        }
        return y;
    }

    /** The quadratic form uᵀΣu. */
    public static double quadratic(DMatrixRMaj sigma, double[] u) {
        int d = u == null ? 0 : u.length;
        Arguments.finite(Arguments.shape(Arguments.matrix(sigma, "sigma"), d, d, "sigma"), "sigma");
        WeightNorm.requireVector(u, "u", sigma.numRows);
        double q = 0;
        for (int i = 0; i < u.length; i++) {
            for (int j = 0; j < u.length; j++) {
                q += u[i] * sigma.get(i, j) * u[j];
            }
        }
        return q;
    }

    private static DMatrixRMaj cholesky(DMatrixRMaj sigma, int d, String name) {
        Arguments.finite(Arguments.shape(Arguments.matrix(sigma, name), d, d, name), name);
        DMatrixRMaj a = sigma.copy();
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(d, true);
        Arguments.that(chol.decompose(a), name, "be symmetric positive definite", "no Cholesky factor");
        return chol.getT(null);
    }

    static void requireBatch(DMatrixRMaj x, String name) {
        Arguments.notNull(x, name, "an (n, d) matrix");
        Arguments.that(x.numRows >= 2 && x.numCols >= 1, name, "have n >= 2 rows and d >= 1 columns",
                "(" + x.numRows + ", " + x.numCols + ")");
        Arguments.finite(x, name);
    }
}
