import java.lang.reflect.Method;
import java.util.Random;

import dev.ludovic.netlib.blas.BLAS;
import dltheory.linalg.Gemm;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;

/**
 * Run against the shaded lib jar (test_shaded_jar.py): prints which BLAS {@link Gemm} uses, then
 * checks a (96, 80)·(80, 112) product and its Aᵀ·B form against EJML's within the summation bound
 * 2·k·u·(|A|·|B|). With the argument {@code F2jBLAS} it first selects netlib's F2J BLAS by name.
 */
public class GemmPaths {
    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            Method getInstance = Class.forName("dev.ludovic.netlib.blas." + args[0]).getDeclaredMethod("getInstance");
            getInstance.setAccessible(true);
            Gemm.use((BLAS) getInstance.invoke(null));
        }
        System.out.println("implementation: " + Gemm.implementation());
        Random rng = new Random(3);
        int m = 96, k = 80, n = 112;
        DMatrixRMaj a = RandomMatrices_DDRM.rectangle(m, k, -1, 1, rng);
        DMatrixRMaj b = RandomMatrices_DDRM.rectangle(k, n, -1, 1, rng);
        DMatrixRMaj expected = new DMatrixRMaj(m, n);
        CommonOps_DDRM.mult(a, b, expected);
        DMatrixRMaj absA = new DMatrixRMaj(m, k);
        DMatrixRMaj absB = new DMatrixRMaj(k, n);
        CommonOps_DDRM.abs(a, absA);
        CommonOps_DDRM.abs(b, absB);
        DMatrixRMaj scale = new DMatrixRMaj(m, n);
        CommonOps_DDRM.mult(absA, absB, scale);
        DMatrixRMaj[] results = {Gemm.mult(a, b, new DMatrixRMaj(m, n)),
            Gemm.multTransA(CommonOps_DDRM.transpose(a, null), b, new DMatrixRMaj(m, n))};
        double u = Math.ulp(1.0) / 2;
        for (DMatrixRMaj c : results) {
            for (int i = 0; i < m * n; i++) {
                if (Math.abs(c.get(i) - expected.get(i)) > 2 * k * u * scale.get(i)) {
                    throw new AssertionError("entry " + i + ": " + c.get(i) + " vs EJML " + expected.get(i));
                }
            }
        }
        System.out.println("products agree with EJML");
    }
}
