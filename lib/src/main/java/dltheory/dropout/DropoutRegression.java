package dltheory.dropout;

import dltheory.linalg.Vectors;

import dltheory.check.Arguments;
import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Closed forms of notebook 02: dropout with keep probability p on the input of linear regression.
 * With a mask R ∈ {0,1}ⁿˣᵈ of i.i.d. Bernoulli(p) entries and Γ² = diag(XᵀX):
 * <pre>
 *   (2.3)  E_R[(R⊙X)ᵀ(R⊙X)] = p²XᵀX + p(1−p)Γ²
 *   (2.4)  E_R[L(w)] = ‖y − pXw‖² + p(1−p)‖Γw‖²
 *   (2.5)  ∇_w E_R[L(w)] = 2p²XᵀXw − 2pXᵀy + 2p(1−p)Γ²w
 *   (2.6)  p·w_drop = (XᵀX + λΓ²)⁻¹Xᵀy,   λ = (1−p)/p
 *   (2.7)  w_drop   = (pXᵀX + (1−p)Γ²)⁻¹Xᵀy
 *   (2.9)  w_L2     = (XᵀX + λ_L2·I)⁻¹Xᵀy
 * </pre>
 * Every inverse is a linear solve (Cholesky, or QR for least squares); none is formed.
 * Inputs are not modified.
 */
public final class DropoutRegression {

    private DropoutRegression() {
    }

    /**
     * Γ² = diag(XᵀX) as a vector: entry j is ‖x_j‖² = Σᵢ x_ij², the squared norm of column
     * (feature) j of X — one entry per feature, not per example. Notebook 02, equation (2.3).
     */
    static double[] gammaSquared(DMatrixRMaj X) {
        Arguments.nonEmpty(X, "X");
        double[] g = new double[X.numCols];
        for (int i = 0; i < X.numRows; i++) {
            for (int j = 0; j < X.numCols; j++) {
                double x = X.unsafe_get(i, j);
                g[j] += x * x;
            }
        }
        return g;
    }

    /** λ = (1−p)/p, the dropout regularisation strength of notebook 02, equation (2.6); p ∈ (0, 1]. */
    public static double lambda(double p) {
        Arguments.inOpenClosed(p, 0, 1, "p (keep probability)");
        return (1 - p) / p;
    }

    /** The keep probability p with (1−p)/p = λ, i.e. p = 1/(1 + λ); λ ≥ 0. Inverse of {@link #lambda}. */
    static double keepProbabilityFor(double lambda) {
        Arguments.nonNegative(lambda, "lambda");
        return 1 / (1 + lambda);
    }

    /** XᵀX (d×d). */
    public static DMatrixRMaj gram(DMatrixRMaj X) {
        DMatrixRMaj g = new DMatrixRMaj(X.numCols, X.numCols);
        CommonOps_DDRM.multTransA(X, X, g);
        return g;
    }

    /**
     * E_R[(R⊙X)ᵀ(R⊙X)] = p²XᵀX + p(1−p)Γ² (d×d): off-diagonal entries scale by p², diagonal
     * entries by p. Notebook 02, equation (2.3).
     */
    static DMatrixRMaj expectedGram(DMatrixRMaj X, double p) {
        Arguments.inOpenClosed(p, 0, 1, "p (keep probability)");
        DMatrixRMaj m = gram(X);
        CommonOps_DDRM.scale(p * p, m);
        double[] g2 = gammaSquared(X);
        for (int j = 0; j < g2.length; j++) {
            m.add(j, j, p * (1 - p) * g2[j]);
        }
        return m;
    }

    /**
     * The expected dropout loss E_R[L(w)] = ‖y − pXw‖² + p(1−p)‖Γw‖², notebook 02, equation (2.4).
     *
     * @param X design matrix n×d; @param y targets, length n; @param w weights, length d
     * @param p keep probability in (0, 1]
     */
    public static double expectedLoss(DMatrixRMaj X, double[] y, double[] w, double p) {
        Arguments.nonEmpty(X, "X");
        Arguments.length(y, X.numRows, "y", "n, the rows of X");
        Arguments.length(w, X.numCols, "w", "d, the columns of X");
        Arguments.inOpenClosed(p, 0, 1, "p (keep probability)");
        double[] Xw = Vectors.times(X, w);
        double fit = 0;
        for (int i = 0; i < y.length; i++) {
            double r = y[i] - p * Xw[i];
            fit += r * r;
        }
        double[] g2 = gammaSquared(X);
        double penalty = 0;
        for (int j = 0; j < w.length; j++) {
            penalty += g2[j] * w[j] * w[j];
        }
        return fit + p * (1 - p) * penalty;
    }

    /**
     * The penalty term alone, p(1−p)‖Γw‖² = p(1−p) Σ_j ‖x_j‖² w_j² (notebook 02, equation (2.4)):
     * feature j is weighted by the squared norm of its column.
     */
    static double penalty(DMatrixRMaj X, double[] w, double p) {
        Arguments.length(w, X.numCols, "w", "d, the columns of X");
        Arguments.inOpenClosed(p, 0, 1, "p (keep probability)");
        double[] g2 = gammaSquared(X);
        double s = 0;
        for (int j = 0; j < w.length; j++) {
            s += g2[j] * w[j] * w[j];
        }
        return p * (1 - p) * s;
    }

    /**
     * ∇_w E_R[L(w)] = 2p²XᵀXw − 2pXᵀy + 2p(1−p)Γ²w = 2·E[(R⊙X)ᵀ(R⊙X)]w − 2pXᵀy, notebook 02,
     * equation (2.5).
     */
    public static double[] expectedLossGradient(DMatrixRMaj X, double[] y, double[] w, double p) {
        Arguments.nonEmpty(X, "X");
        Arguments.length(y, X.numRows, "y", "n, the rows of X");
        Arguments.length(w, X.numCols, "w", "d, the columns of X");
        Arguments.inOpenClosed(p, 0, 1, "p (keep probability)");
        double[] Aw = Vectors.times(expectedGram(X, p), w);
        double[] Xty = Vectors.transposeTimes(X, y);
        double[] g = new double[w.length];
        for (int j = 0; j < g.length; j++) {
            g[j] = 2 * Aw[j] - 2 * p * Xty[j];
        }
        return g;
    }

    /**
     * p·w_drop = (XᵀX + λΓ²)⁻¹Xᵀy with λ = (1−p)/p: the quantity the reference text's minimiser
     * equation names — the minimiser w_drop of E_R[L] multiplied by p, i.e. the weights that predict
     * at test time when every input is kept. Notebook 02, equation (2.6). Solved by Cholesky.
     */
    public static double[] scaledMinimiser(DMatrixRMaj X, double[] y, double p) {
        return Design.of(X, y).scaledMinimiser(p);
    }

    /**
     * w_drop = argmin_w E_R[L(w)] = (pXᵀX + (1−p)Γ²)⁻¹Xᵀy, notebook 02, equation (2.7): what
     * training with dropout converges to. Solved by Cholesky directly from the gradient condition
     * (2.5), independently of {@link #scaledMinimiser}, so that the two can be tested against each other.
     */
    public static double[] minimiser(DMatrixRMaj X, double[] y, double p) {
        return Design.of(X, y).minimiser(p);
    }

    /**
     * The limit of w_drop as p → 0: Γ⁻²Xᵀy, i.e. w_j = x_jᵀy / ‖x_j‖², one univariate least-squares
     * fit per feature (notebook 02, section on λ). Its p-multiple p·w_drop goes to 0.
     */
    static double[] minimiserAsPToZero(DMatrixRMaj X, double[] y) {
        Arguments.nonEmpty(X, "X");
        Arguments.length(y, X.numRows, "y", "n, the rows of X");
        double[] Xty = Vectors.transposeTimes(X, y);
        double[] g2 = gammaSquared(X);
        double[] w = new double[g2.length];
        for (int j = 0; j < w.length; j++) {
            Arguments.that(g2[j] != 0, "X", "have no zero column (Γ² invertible)",
                    "column " + j + " zero");
            w[j] = Xty[j] / g2[j];
        }
        return w;
    }

    /** The ridge (L2) solution w_L2 = (XᵀX + λI)⁻¹Xᵀy, λ ≥ 0; notebook 02, equation (2.9). Cholesky solve. */
    public static double[] ridge(DMatrixRMaj X, double[] y, double lambda) {
        return Design.of(X, y).ridge(lambda);
    }

    /** Ordinary least squares argmin ‖y − Xw‖² by a QR solve (needs n ≥ d and X of full rank). */
    public static double[] leastSquares(DMatrixRMaj X, double[] y) {
        Arguments.nonEmpty(X, "X");
        Arguments.length(y, X.numRows, "y", "n, the rows of X");
        Arguments.that(X.numRows >= X.numCols, "X", "have n >= d for least squares",
                "n = " + X.numRows + ", d = " + X.numCols);
        LinearSolverDense<DMatrixRMaj> qr = LinearSolverFactory_DDRM.leastSquares(X.numRows, X.numCols);
        if (!qr.setA(X.copy())) {
            throw new IllegalStateException("X is rank deficient: least squares has no unique solution");
        }
        DMatrixRMaj w = new DMatrixRMaj(X.numCols, 1);
        qr.solve(DMatrixRMaj.wrap(y.length, 1, y.clone()), w);
        return w.data;
    }

    /**
     * L = 2·λ_max(p²XᵀX + p(1−p)Γ²), the Lipschitz constant of the gradient (2.5): gradient descent
     * on E_R[L] is stable for step sizes below 2/L. Used to choose SGD steps in notebook 02.
     */
    public static double smoothness(DMatrixRMaj X, double p) {
        return 2 * extremeEigenvalue(X, p, true);
    }

    /**
     * μ = 2·λ_min(p²XᵀX + p(1−p)Γ²), the strong convexity of E_R[L] (the smallest curvature of
     * (2.4)). Notebook 02 sets SGD's decaying step η_t = η₀/(1 + t/τ) with η₀τ = 1/μ, so that late
     * steps are η_t ≈ 1/(μt), the classical schedule for a strongly convex loss.
     */
    public static double strongConvexity(DMatrixRMaj X, double p) {
        return 2 * extremeEigenvalue(X, p, false);
    }

    /** The largest (or smallest) eigenvalue of p²XᵀX + p(1−p)Γ², which is symmetric. */
    private static double extremeEigenvalue(DMatrixRMaj X, double p, boolean largest) {
        DMatrixRMaj A = expectedGram(X, p);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(A.numRows, false, true);
        if (!eig.decompose(A)) {
            throw new IllegalStateException("eigen-decomposition of p²XᵀX + p(1−p)Γ² failed");
        }
        double extreme = largest ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (int k = 0; k < eig.getNumberOfEigenvalues(); k++) {
            double v = eig.getEigenvalue(k).getReal();
            extreme = largest ? Math.max(extreme, v) : Math.min(extreme, v);
        }
        return extreme;
    }

    /**
     * Deterministic gradient descent on E_R[L] from w = 0 with a constant step η:
     * w ← w − η∇E_R[L(w)], {@code steps} times. By linearity of (2.5) in w this is exactly the mean of
     * the SGD-with-dropout iterates with the same step (notebook 02, equation (2.10)).
     */
    public static double[] gradientDescent(DMatrixRMaj X, double[] y, double p, int steps, double eta) {
        Arguments.nonEmpty(X, "X");
        Arguments.length(y, X.numRows, "y", "n, the rows of X");
        Arguments.inOpenClosed(p, 0, 1, "p (keep probability)");
        Arguments.atLeast(steps, 0, "steps");
        Arguments.positive(eta, "eta");
        DMatrixRMaj A = expectedGram(X, p);
        double[] b = Vectors.transposeTimes(X, y);
        double[] w = new double[X.numCols];
        for (int t = 0; t < steps; t++) {
            double[] Aw = Vectors.times(A, w);
            for (int j = 0; j < w.length; j++) {
                w[j] -= eta * (2 * Aw[j] - 2 * p * b[j]);
            }
        }
        return w;
    }

    /**
     * The coefficients of notebook 02 side by side, one row per feature j: ‖x_j‖², OLS, w_drop,
     * p·w_drop (equation (2.6)) and ridge with {@code lambdaRidge} (equation (2.9)).
     */
    public static List<Coefficient> coefficients(DMatrixRMaj X, double[] y, double p, double lambdaRidge) {
        double[] g2 = gammaSquared(X);
        double[] ols = leastSquares(X, y);
        double[] wDrop = minimiser(X, y, p);
        double[] ridge = ridge(X, y, lambdaRidge);
        List<Coefficient> rows = new ArrayList<>();
        for (int j = 0; j < g2.length; j++) {
            rows.add(new Coefficient(j + 1, g2[j], ols[j], wDrop[j], p * wDrop[j], ridge[j]));
        }
        return rows;
    }

    /**
     * ‖p·w_drop − w_L2(λ_L2)‖: how far dropout (equation (2.6)) is from ridge (equation (2.9)) with
     * strength λ_L2. Zero when every column of X has squared norm c and λ_L2 = λ·c (notebook 02).
     */
    public static double gapToRidge(DMatrixRMaj X, double[] y, double p, double lambdaRidge) {
        return Vectors.distance(scaledMinimiser(X, y, p), ridge(X, y, lambdaRidge));
    }

    /** One {@link Limit} row per keep probability in {@code ps}: w_drop against its limits p → 1 and p → 0. */
    public static List<Limit> limits(DMatrixRMaj X, double[] y, double[] ps) {
        double[] ols = leastSquares(X, y);
        double[] perFeature = minimiserAsPToZero(X, y);
        List<Limit> rows = new ArrayList<>();
        for (double p : ps) {
            double[] w = minimiser(X, y, p);
            rows.add(new Limit(p, Vectors.distance(w, ols), p * Vectors.norm(w), Vectors.distance(w, perFeature)));
        }
        return rows;
    }

    /**
     * Shrinkage of every coefficient relative to OLS, one row per feature: dropout's
     * (p·w_drop)_j / w_OLS,j (equation (2.6)) and ridge's w_L2,j / w_OLS,j with {@code lambdaRidge}
     * (equation (2.9)). Notebook 02, the erratum on rows versus columns.
     */
    public static List<Shrinkage> shrinkage(DMatrixRMaj X, double[] y, double p, double lambdaRidge) {
        List<Shrinkage> rows = new ArrayList<>();
        for (Coefficient c : coefficients(X, y, p, lambdaRidge)) {
            rows.add(new Shrinkage(c.j(), c.columnSquaredNorm(), c.pwDrop() / c.ols(), c.ridge() / c.ols()));
        }
        return rows;
    }
}
