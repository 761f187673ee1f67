package dltheory.dropout;

import org.ejml.data.DMatrixRMaj;

/** Argument checks shared by the dropout package; each failure names the argument and its range. */
final class Require {

    private Require() {
    }

    /** The keep probability p of a dropout mask must lie in (0, 1]. */
    static double keepProbability(double p) {
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("p (keep probability) must be in (0, 1], got " + p);
        }
        return p;
    }

    /** X must be a non-empty n×d matrix and y a vector of length n. */
    static void design(DMatrixRMaj X, double[] y) {
        if (X == null || X.numRows < 1 || X.numCols < 1) {
            throw new IllegalArgumentException("X must be an n×d matrix with n >= 1 and d >= 1");
        }
        if (y == null || y.length != X.numRows) {
            throw new IllegalArgumentException("y must have length n = " + X.numRows + " (the rows of X), got "
                    + (y == null ? "null" : y.length));
        }
    }

    /** w must have length d, the number of columns of X. */
    static void weights(DMatrixRMaj X, double[] w) {
        if (w == null || w.length != X.numCols) {
            throw new IllegalArgumentException("w must have length d = " + X.numCols + " (the columns of X), got "
                    + (w == null ? "null" : w.length));
        }
    }

    /** A mask R must have the shape of X. */
    static void mask(DMatrixRMaj X, DMatrixRMaj R) {
        if (R == null || R.numRows != X.numRows || R.numCols != X.numCols) {
            throw new IllegalArgumentException("R must have the shape of X, " + X.numRows + "×" + X.numCols + ", got "
                    + (R == null ? "null" : R.numRows + "×" + R.numCols));
        }
    }

    /** A Monte Carlo sample needs at least two draws to have a standard error. */
    static int masks(int masks) {
        if (masks < 2) {
            throw new IllegalArgumentException("masks (N) must be >= 2, got " + masks);
        }
        return masks;
    }

}
