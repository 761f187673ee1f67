package dltheory.dropout;

import dltheory.check.Arguments;
import java.util.Arrays;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * A synthetic linear-regression data set for notebook 02 (dropout on the input of linear
 * regression): a design matrix {@code X} (n×d), targets {@code y = X·wTrue + noise·ε} with
 * ε ~ N(0, I), and the weights {@code wTrue} that generated them.
 *
 * <p>Immutable: the accessors return copies, so a notebook cell cannot change the data another
 * cell uses.
 *
 * @param X     the design matrix, n×d, one example per row, one feature per column
 * @param y     the targets, length n
 * @param wTrue the generating weights, length d
 * @param noise the standard deviation of the noise added to X·wTrue
 */
public record RegressionData(DMatrixRMaj X, double[] y, double[] wTrue, double noise) {

    /** Validates shapes and stores copies. */
    public RegressionData {
        Arguments.nonEmpty(X, "X");
        Arguments.length(y, X.numRows, "y", "n, the rows of X");
        Arguments.length(wTrue, X.numCols, "w", "d, the columns of X");
        Arguments.nonNegative(noise, "noise");
        X = X.copy();
        y = y.clone();
        wTrue = wTrue.clone();
    }

    /**
     * n examples with d features: column j of X has i.i.d. N(0, scale_j²) entries, each true weight
     * has a random sign and a magnitude drawn from U(1, 2) (so no coefficient is near zero), and
     * y = X·wTrue + noise·ε. All draws come from {@code rng}.
     *
     * @param n            examples, at least 1
     * @param d            features, at least 1
     * @param noise        noise standard deviation, at least 0
     * @param columnScales the standard deviation of each column, length d, each > 0
     */
    public static RegressionData synthetic(int n, int d, double noise, double[] columnScales, Random rng) {
        Arguments.atLeast(n, 1, "n");
        Arguments.atLeast(d, 1, "d");
        Arguments.nonNegative(noise, "noise");
        Arguments.length(columnScales, d, "columnScales", "d");
        for (double s : columnScales) {
            Arguments.positive(s, "each column scale");
        }
        double[] w = new double[d];
        for (int j = 0; j < d; j++) {
            w[j] = (rng.nextBoolean() ? 1 : -1) * (1 + rng.nextDouble());
        }
        DMatrixRMaj X = new DMatrixRMaj(n, d);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double dot = 0;
            for (int j = 0; j < d; j++) {
                double x = columnScales[j] * rng.nextGaussian();
                X.unsafe_set(i, j, x);
                dot += x * w[j];
            }
            y[i] = dot + noise * rng.nextGaussian();
        }
        return new RegressionData(X, y, w, noise);
    }

    /** {@link #synthetic(int, int, double, double[], Random)} with every column scale 1. */
    public static RegressionData synthetic(int n, int d, double noise, Random rng) {
        double[] ones = new double[Math.max(d, 0)];
        Arrays.fill(ones, 1.0);
        return synthetic(n, d, noise, ones, rng);
    }

    /** The number of examples n. */
    public int n() {
        return X.numRows;
    }

    /** The number of features d. */
    public int d() {
        return X.numCols;
    }

    @Override
    public DMatrixRMaj X() {
        return X.copy();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    @Override
    public double[] wTrue() {
        return wTrue.clone();
    }

    /** ‖x_j‖², the squared norm of every column j of X: the diagonal of Γ² = diag(XᵀX). */
    double[] columnSquaredNorms() {
        return DropoutRegression.gammaSquared(X);
    }

    /**
     * The same data with column j of X multiplied by {@code factor} and wTrue_j divided by it, so
     * that X·wTrue and y are unchanged (the erratum of notebook 02 scales one feature this way).
     */
    public RegressionData withColumnScaled(int j, double factor) {
        Arguments.inRange(j, 0, d() - 1, "j");
        Arguments.positive(factor, "factor");
        DMatrixRMaj scaled = X.copy();
        for (int i = 0; i < n(); i++) {
            scaled.unsafe_set(i, j, factor * X.unsafe_get(i, j));
        }
        double[] w = wTrue.clone();
        w[j] /= factor;
        return new RegressionData(scaled, y, w, noise);
    }

    /**
     * The same data with every column rescaled to squared norm {@code squaredNorm} (and wTrue
     * rescaled so that X·wTrue and y are unchanged): the "equal column norms" case of notebook 02,
     * in which dropout is exactly ridge with λ' = λ·‖x_j‖².
     */
    public RegressionData withColumnSquaredNorms(double squaredNorm) {
        Arguments.positive(squaredNorm, "squaredNorm");
        double[] norms = columnSquaredNorms();
        RegressionData out = this;
        for (int j = 0; j < d(); j++) {
            Arguments.that(norms[j] != 0, "X", "have no zero column to be rescaled",
                    "column " + j + " zero");
            out = out.withColumnScaled(j, Math.sqrt(squaredNorm / norms[j]));
        }
        return out;
    }

    /**
     * The same targets on a design whose columns are orthogonal, each of squared norm
     * {@code squaredNorm}: X = QR (thin QR), X' = √c·Q and wTrue' = R·wTrue/√c, so that X'·wTrue' =
     * X·wTrue. Notebook 02's erratum scales one column of these data, where ridge's shrinkage of
     * feature j is exactly ‖x_j‖²/(‖x_j‖² + λ_L2) by design.
     */
    public RegressionData withOrthogonalColumns(double squaredNorm) {
        Arguments.positive(squaredNorm, "squaredNorm");
        Arguments.that(n() >= d(), "X", "have n >= d for orthogonal columns",
                "n = " + n() + ", d = " + d());
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n(), d());
        if (!qr.decompose(X.copy())) {
            throw new IllegalStateException("QR decomposition of X failed");
        }
        double root = Math.sqrt(squaredNorm);
        DMatrixRMaj Q = qr.getQ(null, true);
        DMatrixRMaj R = qr.getR(null, true);
        CommonOps_DDRM.scale(root, Q);
        double[] w = dltheory.linalg.Vectors.scale(1 / root, dltheory.linalg.Vectors.times(R, wTrue));
        return new RegressionData(Q, y, w, noise);
    }
}
