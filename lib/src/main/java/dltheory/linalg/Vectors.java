package dltheory.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

import dltheory.check.Arguments;

/**
 * The vector operations that several topics share (dropout's regression, the optimizers' bowls),
 * as EJML calls on {@code double[]} vectors wrapped as column vectors without copying. Each
 * returns a new array and leaves its arguments unchanged.
 */
public final class Vectors {

    private Vectors() {
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

    private static DMatrixRMaj column(double[] a) {
        return DMatrixRMaj.wrap(a.length, 1, a);
    }
}
