package dltheory.dropout;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

import dltheory.check.Arguments;

/**
 * A population of linear-regression examples with correlated features of unequal scales (notebook
 * 02, sections 5 and 9): feature j is x_j = s_j·(√ρ·z₀ + √(1−ρ)·z_j) with z₀, z₁, …, z_d i.i.d.
 * N(0, 1), so every two features have correlation ρ and feature j has standard deviation s_j; the
 * target is y = xᵀw + noise·ε. Training and held-out sets drawn from one design share its weights.
 *
 * @param rho          the correlation of every two features, in [0, 1)
 * @param columnScales the standard deviations s_j, each > 0
 * @param wTrue        the generating weights, one per feature
 * @param noise        the standard deviation of ε's contribution, ≥ 0
 */
public record CorrelatedDesign(double rho, double[] columnScales, double[] wTrue, double noise) {

    /** Validates and stores copies. */
    public CorrelatedDesign {
        Arguments.inClosedOpen(rho, 0, 1, "rho");
        Arguments.nonEmpty(columnScales, "columnScales");
        for (double s : columnScales) {
            Arguments.positive(s, "each column scale");
        }
        Arguments.length(wTrue, columnScales.length, "wTrue", "d, the number of column scales");
        Arguments.nonNegative(noise, "noise");
        columnScales = columnScales.clone();
        wTrue = wTrue.clone();
    }

    /**
     * A design whose weights are drawn from {@code rng} as in {@link RegressionData#synthetic}: a
     * random sign and a magnitude from U(1, 2) for each feature.
     */
    public static CorrelatedDesign of(double rho, double[] columnScales, double noise, Random rng) {
        Arguments.nonEmpty(columnScales, "columnScales");
        double[] w = new double[columnScales.length];
        for (int j = 0; j < w.length; j++) {
            w[j] = (rng.nextBoolean() ? 1 : -1) * (1 + rng.nextDouble());
        }
        return new CorrelatedDesign(rho, columnScales, w, noise);
    }

    /** The number of features d. */
    public int d() {
        return columnScales.length;
    }

    @Override
    public double[] columnScales() {
        return columnScales.clone();
    }

    @Override
    public double[] wTrue() {
        return wTrue.clone();
    }

    /** n examples drawn from the design with {@code rng}. */
    public RegressionData sample(int n, Random rng) {
        Arguments.atLeast(n, 1, "n");
        int d = d();
        DMatrixRMaj X = new DMatrixRMaj(n, d);
        double[] y = new double[n];
        double shared = Math.sqrt(rho);
        double own = Math.sqrt(1 - rho);
        for (int i = 0; i < n; i++) {
            double z0 = rng.nextGaussian();
            double dot = 0;
            for (int j = 0; j < d; j++) {
                double x = columnScales[j] * (shared * z0 + own * rng.nextGaussian());
                X.unsafe_set(i, j, x);
                dot += x * wTrue[j];
            }
            y[i] = dot + noise * rng.nextGaussian();
        }
        return new RegressionData(X, y, wTrue, noise);
    }

    /** Σ = E[xxᵀ], entries s_i·s_j·ρ off the diagonal and s_j² on it: XᵀX/n tends to it. */
    public DMatrixRMaj covariance() {
        int d = d();
        DMatrixRMaj s = new DMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                s.unsafe_set(i, j, columnScales[i] * columnScales[j] * (i == j ? 1 : rho));
            }
        }
        return s;
    }

    /** The condition number λ_max/λ_min of {@link #covariance()}. */
    double conditionNumber() {
        return conditionNumberOf(covariance());
    }

    /** λ_max/λ_min of a symmetric positive definite matrix. */
    static double conditionNumberOf(DMatrixRMaj symmetric) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(symmetric.numRows, false, true);
        if (!eig.decompose(symmetric.copy())) {
            throw new IllegalStateException("eigen-decomposition failed");
        }
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        for (int k = 0; k < eig.getNumberOfEigenvalues(); k++) {
            double e = eig.getEigenvalue(k).getReal();
            max = Math.max(max, e);
            min = Math.min(min, e);
        }
        return max / min;
    }
}
