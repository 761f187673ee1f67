package dltheory.dropout;

import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

import dltheory.check.FunctionQuestion;
import dltheory.check.Question;
import dltheory.random.Seeded;

/**
 * The exercises of notebook 02, checked by {@link dltheory.check.Exercise}. Each expected value is
 * computed here when the check runs, by a route that does not use the formula the student is asked
 * for (a search over ridge strengths, an exact average over every mask, a solve on an orthogonal
 * design), so the notebook's check cell names the question and shows neither the answer nor the
 * formula behind it.
 */
public final class DropoutExercises {

    private static final long SEED = 2_02L;

    private DropoutExercises() {
    }

    /**
     * Exercise 1: the ridge strength λ_L2 whose solution (2.9) equals p·w_drop of (2.6) at p = 0.8 when
     * every column has squared norm 100; found by {@link RidgeComparison#closestRidge} on a
     * random design with its columns rescaled to that norm.
     */
    public static final Question EXERCISE_1 = new Question("Exercise 2.1",
            () -> matchedStrengthOnEqualColumns(100, 0.8), 1e-4,
            "when every column has the same norm, dropout's penalty charges every weight alike, as ridge's "
                    + "does; bring the minimiser of the expected loss into ridge's shape and compare what "
                    + "each adds to the diagonal of XᵀX");

    /**
     * Exercise 2: E_R[L(w)] for X = [[1, 2], [3, 4]], y = (1, 1), w = (1, 2), p = 0.8, averaged over
     * all 16 masks with their probabilities ({@link EveryMask#meanLoss}).
     */
    public static final Question EXERCISE_2 = new Question("Exercise 2.2",
            () -> EveryMask.meanLoss(exercise2X(), new double[] {1, 1}, new double[] {1, 2}, 0.8, false),
            1e-9,
            "split the expected loss into the error of the average prediction and the spread of the "
                    + "prediction around it; each entry of the mask adds spread only through its own "
                    + "feature, so collect the squared entries of X feature by feature, down the columns");

    /**
     * Exercise 3 (a derivation): the factor s(p) with (p·w_drop)_j = s(p)·w_OLS,j on a design with
     * orthogonal columns of unequal norms, measured by solving (2.6) and least squares on such a
     * design at each p.
     */
    public static final FunctionQuestion EXERCISE_3 = new FunctionQuestion("Exercise 2.3",
            DropoutExercises::shrinkageOfFirstCoefficientOnOrthogonalColumns, Grid.linear(0.05, 1.0, 20), 1e-9,
            "with orthogonal columns the Gram matrix equals its own diagonal, so each coefficient is "
                    + "solved on its own and the column norm cancels between the data term and the penalty; "
                    + "what is left depends on the keep probability alone");

    /**
     * Exercise 4 (a derivation): for "inverted" dropout, which divides the kept inputs by p, the
     * factor c(p) in E_R[L(w)] = ‖y − Xw‖² + c(p)·‖Γw‖², measured at each p as the exact average
     * of the loss over every mask of a small design minus ‖y − Xw‖², divided by ‖Γw‖².
     */
    public static final FunctionQuestion EXERCISE_4 = new FunctionQuestion("Exercise 2.4",
            DropoutExercises::invertedPenaltyFactor, Grid.linear(0.05, 0.95, 19), 1e-6,
            "dividing by the keep probability makes every kept-or-dropped input right on average, so the "
                    + "fit term loses its factor; the penalty is the variance of one rescaled Bernoulli "
                    + "variable times the squared column norm");

    /** The four exercises' names, in order. */
    public static final List<String> NAMES = List.of("Exercise 2.1", "Exercise 2.2", "Exercise 2.3", "Exercise 2.4");

    static DMatrixRMaj exercise2X() {
        return new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}});
    }

    /** λ_L2 of the closest ridge solution at keep probability p, columns rescaled to squared norm c. */
    static double matchedStrengthOnEqualColumns(double c, double p) {
        RegressionData d = RegressionData.synthetic(100, 5, 0.5, Seeded.rng(SEED, "exercise 1"))
                .withColumnSquaredNorms(c);
        return RidgeComparison.closestRidge(d.X(), d.y(), p).lambdaL2();
    }

    /** (p·w_drop)₁ / w_OLS,₁ on a 12×3 design whose orthonormal columns are scaled by 0.5, 2 and 7. */
    static double shrinkageOfFirstCoefficientOnOrthogonalColumns(double p) {
        DMatrixRMaj A = Seeded.normal(12, 3, 0, 1, Seeded.rng(SEED, "exercise 3"));
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(12, 3);
        if (!qr.decompose(A)) {
            throw new IllegalStateException("QR of the exercise's design failed");
        }
        DMatrixRMaj Q = qr.getQ(null, true);
        double[] scales = {0.5, 2, 7};
        for (int i = 0; i < Q.numRows; i++) {
            for (int j = 0; j < 3; j++) {
                Q.set(i, j, scales[j] * Q.get(i, j));
            }
        }
        double[] y = Seeded.normal(12, 0, 1, Seeded.rng(SEED, "exercise 3 y"));
        return DropoutRegression.scaledMinimiser(Q, y, p)[0] / DropoutRegression.leastSquares(Q, y)[0];
    }

    /** c(p) of inverted dropout, from the exact average over every mask of a 2×3 design. */
    static double invertedPenaltyFactor(double p) {
        DMatrixRMaj X = new DMatrixRMaj(new double[][] {{1, -2, 0.5}, {3, 1, -1}});
        double[] y = {0.5, -1};
        double[] w = {0.7, -0.4, 1.3};
        double mean = EveryMask.meanLoss(X, y, w, p, true);
        double fit = 0;
        for (int i = 0; i < 2; i++) {
            double r = y[i];
            for (int j = 0; j < 3; j++) {
                r -= X.get(i, j) * w[j];
            }
            fit += r * r;
        }
        double[] g2 = DropoutRegression.gammaSquared(X);
        double weighted = 0;
        for (int j = 0; j < 3; j++) {
            weighted += g2[j] * w[j] * w[j];
        }
        return (mean - fit) / weighted;
    }
}
