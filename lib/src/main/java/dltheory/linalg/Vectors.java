package dltheory.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

import dltheory.check.Arguments;

/**
 * The vector operations that several topics share (dropout's regression, the optimizers' bowls,
 * weight normalization, the bidirectional RNN's forward and backward passes), as EJML calls on {@code double[]} vectors wrapped as column vectors without copying. Each
 * returns a new array and leaves its arguments unchanged.
 */
public final class Vectors {

    private Vectors() {
    }

    /** The largest entry of a non-empty {@code a} (NaN if any entry is NaN). */
    public static double max(double[] a) {
        Arguments.nonEmpty(a, "a");
        double max = Double.NEGATIVE_INFINITY;
        for (double v : a) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** The smallest entry of a non-empty {@code a} (NaN if any entry is NaN). */
    public static double min(double[] a) {
        Arguments.nonEmpty(a, "a");
        double min = Double.POSITIVE_INFINITY;
        for (double v : a) {
            min = Math.min(min, v);
        }
        return min;
    }

    /** The index of the largest entry of a non-empty {@code a}, the first one if it is there several times. */
    public static int argmax(double[] a) {
        Arguments.nonEmpty(a, "a");
        int best = 0;
        for (int i = 1; i < a.length; i++) {
            if (a[i] > a[best]) {
                best = i;
            }
        }
        return best;
    }

    /** A deep copy of the rows {@code a} (records keep and hand out copies of their arrays). */
    public static double[][] copy(double[][] a) {
        double[][] copy = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            copy[i] = a[i].clone();
        }
        return copy;
    }

    /** ‖a‖₂. */
    public static double norm(double[] a) {
        return NormOps_DDRM.normF(column(a));
    }

    /** ‖a − b‖₂. */
    public static double distance(double[] a, double[] b) {
        Arguments.length(b, a.length, "b", "the length of a");
        DMatrixRMaj d = new DMatrixRMaj(a.length, 1);
        CommonOps_DDRM.subtract(column(a), column(b), d);
        return NormOps_DDRM.normF(d);
    }

    /** aᵀb. */
    public static double dot(double[] a, double[] b) {
        Arguments.length(b, a.length, "b", "the length of a");
        return CommonOps_DDRM.dot(column(a), column(b));
    }

    /** c·a. */
    public static double[] scale(double c, double[] a) {
        DMatrixRMaj out = new DMatrixRMaj(a.length, 1);
        CommonOps_DDRM.scale(c, column(a), out);
        return out.data;
    }

    /** A·v for an r×c matrix A and a vector v of length c. */
    public static double[] times(DMatrixRMaj A, double[] v) {
        Arguments.length(v, A.numCols, "v", "the columns of A");
        DMatrixRMaj out = new DMatrixRMaj(A.numRows, 1);
        CommonOps_DDRM.mult(A, column(v), out);
        return out.data;
    }

    /** Aᵀ·v for an r×c matrix A and a vector v of length r. */
    public static double[] transposeTimes(DMatrixRMaj A, double[] v) {
        Arguments.length(v, A.numRows, "v", "the rows of A");
        DMatrixRMaj out = new DMatrixRMaj(A.numCols, 1);
        CommonOps_DDRM.multTransA(A, column(v), out);
        return out.data;
    }

    /** a + b. */
    public static double[] plus(double[] a, double[] b) {
        Arguments.length(b, a.length, "b", "the length of a");
        DMatrixRMaj out = new DMatrixRMaj(a.length, 1);
        CommonOps_DDRM.add(column(a), column(b), out);
        return out.data;
    }

    /** a ⊙ b, the entrywise (Hadamard) product. */
    public static double[] hadamard(double[] a, double[] b) {
        Arguments.length(b, a.length, "b", "the length of a");
        DMatrixRMaj out = new DMatrixRMaj(a.length, 1);
        CommonOps_DDRM.elementMult(column(a), column(b), out);
        return out.data;
    }

    /** |aᵀb| / (‖a‖‖b‖), the cosine of the angle between the lines of a and b; 0 when either is zero. */
    public static double cosine(double[] a, double[] b) {
        double na = norm(a);
        double nb = norm(b);
        return na == 0 || nb == 0 ? 0 : Math.abs(dot(a, b)) / (na * nb);
    }

    /**
     * M ← M + u vᵀ, the outer-product update of a gradient matrix (EJML {@code multAddTransB}).
     *
     * @param M r×c; modified
     * @param u length r; not modified
     * @param v length c; not modified
     */
    public static void addOuter(DMatrixRMaj M, double[] u, double[] v) {
        Arguments.length(u, M.numRows, "u", "the rows of M");
        Arguments.length(v, M.numCols, "v", "the columns of M");
        CommonOps_DDRM.multAddTransB(column(u), column(v), M);
    }

    /** Column t of A (1-based, as in x_t of a D×T sequence), a new array. */
    public static double[] column(DMatrixRMaj A, int t) {
        Arguments.inRange(t, 1, A.numCols, "t");
        return CommonOps_DDRM.extractColumn(A, t - 1, null).data;
    }

    private static DMatrixRMaj column(double[] a) {
        return DMatrixRMaj.wrap(a.length, 1, a);
    }
}
