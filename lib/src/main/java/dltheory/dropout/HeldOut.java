package dltheory.dropout;

import java.util.Random;

import dltheory.check.Arguments;
import dltheory.linalg.Vectors;

/**
 * Why dropout matters for prediction (notebook 02, section 9): fit on a training set, measure the
 * mean squared error on held-out examples of the same population, and compare dropout's test-time
 * weights p·w_drop (equation (2.6)) and ridge (equation (2.9)) with least squares.
 */
public final class HeldOut {

    private HeldOut() {
    }

    /** (1/m)·‖y − Xw‖² on the m examples of {@code data}. */
    static double meanSquaredError(RegressionData data, double[] w) {
        Arguments.length(w, data.d(), "w", "d, the features of the data");
        double[] f = Vectors.times(data.X(), w);
        double[] y = data.y();
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += (y[i] - f[i]) * (y[i] - f[i]);
        }
        return s / y.length;
    }

    /**
     * The held-out error of p·w_drop at each keep probability in {@code ps}, of w_L2 at each
     * strength in {@code lambdas}, and of least squares, all fitted on {@code train} and measured on
     * {@code heldOut}.
     */
    public static HeldOutCurves curves(RegressionData train, RegressionData heldOut, double[] ps, double[] lambdas) {
        Arguments.that(train.d() == heldOut.d(), "train and heldOut", "have the same features",
                "d = " + train.d() + " and " + heldOut.d());
        double[] dropout = new double[ps.length];
        for (int k = 0; k < ps.length; k++) {
            dropout[k] = meanSquaredError(heldOut, DropoutRegression.scaledMinimiser(train.X(), train.y(), ps[k]));
        }
        double[] ridge = new double[lambdas.length];
        for (int k = 0; k < lambdas.length; k++) {
            ridge[k] = meanSquaredError(heldOut, DropoutRegression.ridge(train.X(), train.y(), lambdas[k]));
        }
        double ols = meanSquaredError(heldOut, DropoutRegression.leastSquares(train.X(), train.y()));
        return new HeldOutCurves(ps, dropout, lambdas, ridge, ols);
    }

    /** {@link #gain} of dropout's p·w_drop at keep probability p. */
    public static HeldOutGain dropoutGain(RegressionData train, double p, CorrelatedDesign population, int sets,
                                          int size, Random rng) {
        return gain("dropout, p·w(drop)", p, train, DropoutRegression.scaledMinimiser(train.X(), train.y(), p),
                population, sets, size, rng);
    }

    /** {@link #gain} of ridge's w_L2 at strength λ_L2. */
    public static HeldOutGain ridgeGain(RegressionData train, double lambdaL2, CorrelatedDesign population,
                                        int sets, int size, Random rng) {
        return gain("ridge, w(L2)", lambdaL2, train, DropoutRegression.ridge(train.X(), train.y(), lambdaL2),
                population, sets, size, rng);
    }

    /**
     * The error of least squares fitted on {@code train} minus that of {@code w}, on {@code sets}
     * fresh test sets of {@code size} examples drawn from {@code population} with {@code rng}: the
     * mean over sets and its standard error.
     */
    static HeldOutGain gain(String method, double parameter, RegressionData train, double[] w,
                                   CorrelatedDesign population, int sets, int size, Random rng) {
        Arguments.atLeast(sets, 2, "sets");
        Arguments.atLeast(size, 1, "size");
        double[] ols = DropoutRegression.leastSquares(train.X(), train.y());
        double sumOls = 0;
        double sumW = 0;
        double sum = 0;
        double sumSq = 0;
        for (int s = 0; s < sets; s++) {
            RegressionData test = population.sample(size, rng);
            double eOls = meanSquaredError(test, ols);
            double eW = meanSquaredError(test, w);
            sumOls += eOls;
            sumW += eW;
            sum += eOls - eW;
            sumSq += (eOls - eW) * (eOls - eW);
        }
        double mean = sum / sets;
        double variance = Math.max(0, (sumSq - sets * mean * mean) / (sets - 1));
        return new HeldOutGain(method, parameter, sumOls / sets, sumW / sets, mean, Math.sqrt(variance / sets), sets);
    }
}
