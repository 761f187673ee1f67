package dltheory.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.concurrency.EjmlConcurrency;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import dev.ludovic.netlib.blas.BLAS;
import dltheory.linalg.BlasPaths;
import dltheory.linalg.Gemm;

/**
 * Notebook 01's forward sweep on each of netlib's BLAS paths (native, Vector API, plain Java)
 * against the same sweep recomputed here with EJML's products, within a bound carried through
 * the layers from the summation error of the products.
 */
class SweepBlasPathsTest {

    private static final long SEED = 20190315L;
    private static final int DEPTH = 10;
    private static final int WIDTH = 64;
    /** 64·64·256 = 2²⁰ multiply-adds per layer: the Java paths split each product over the two threads. */
    private static final int BATCH = 256;
    private static final double U = Math.ulp(1.0) / 2;

    @ParameterizedTest
    @FieldSource("dltheory.linalg.BlasPaths#NAMES")
    void theSweepOnEachPathMatchesEjmlProductsWithinTheRoundingBound(String path) {
        BLAS before = Gemm.use(BlasPaths.named(path));
        int threads = EjmlConcurrency.getMaxThreads();
        EjmlConcurrency.setMaxThreads(2);
        try {
            Sweep sweep = Forward.sweep(Init.HE_NORMAL, Activation.RELU, DEPTH, WIDTH, BATCH, new Random(SEED));
            double[] reference = referenceVariances(new Random(SEED));
            for (int t = 1; t <= DEPTH; t++) {
                double ref = reference[2 * (t - 1)];
                double bound = reference[2 * (t - 1) + 1];
                assertTrue(bound < 1e-4 * ref, "the bound must be tight enough to catch a wrong product: " + bound);
                assertEquals(ref, sweep.var(t), bound, path + " Var[a] at layer " + t);
            }
        } finally {
            Gemm.use(before);
            EjmlConcurrency.setMaxThreads(threads);
        }
    }

    /**
     * Var[a⁽ᵗ⁾] over all entries with EJML's products, and a bound on its difference to any other
     * summation order: each entry of W·h is within γ_d·(|W|·|h|) of the exact product on either
     * side, an error E in h reaches a as |W|·E, and ReLU does not enlarge errors; the variance
     * mean(a²) − mean(a)² then moves by at most mean((2|a| + E)E) + (2|mean a| + mean E)·mean E,
     * plus the rounding of the two sums over d·n entries.
     */
    private static double[] referenceVariances(Random rng) {
        DMatrixRMaj x = Net.standardInputs(WIDTH, BATCH, rng);
        Net net = Net.draw(Init.HE_NORMAL, Activation.RELU, DEPTH, WIDTH, rng);
        DMatrixRMaj h = net.activate(x);
        DMatrixRMaj errorH = new DMatrixRMaj(WIDTH, BATCH);
        DMatrixRMaj w = new DMatrixRMaj(WIDTH, WIDTH);
        double gamma = WIDTH * U / (1 - WIDTH * U);
        double[] out = new double[2 * DEPTH];
        for (int t = 1; t <= DEPTH; t++) {
            net.weight(t, w);
            DMatrixRMaj a = new DMatrixRMaj(WIDTH, BATCH);
            CommonOps_DDRM.mult(w, h, a);
            DMatrixRMaj absW = abs(w);
            DMatrixRMaj rounding = new DMatrixRMaj(WIDTH, BATCH);
            CommonOps_DDRM.mult(absW, abs(h), rounding);
            DMatrixRMaj errorA = new DMatrixRMaj(WIDTH, BATCH);
            CommonOps_DDRM.mult(absW, errorH, errorA);
            CommonOps_DDRM.addEquals(errorA, 2 * gamma, rounding);
            CommonOps_DDRM.scale(1 + 1e-6, errorA);                       // the bound's own rounding
            int size = WIDTH * BATCH;
            double mean = CommonOps_DDRM.elementSum(a) / size;
            double square = CommonOps_DDRM.elementSum(CommonOps_DDRM.elementMult(a, a, null)) / size;
            double meanError = CommonOps_DDRM.elementSum(errorA) / size;
            double squareError = 0;
            for (int k = 0; k < size; k++) {
                squareError += (2 * Math.abs(a.get(k)) + errorA.get(k)) * errorA.get(k);
            }
            squareError /= size;
            out[2 * (t - 1)] = square - mean * mean;
            out[2 * (t - 1) + 1] = squareError + (2 * Math.abs(mean) + meanError) * meanError
                    + 4 * (size + WIDTH + BATCH) * U * square;
            h = net.activate(a);
            errorH = errorA;
        }
        return out;
    }

    /** |m| entry by entry, as a new matrix. */
    private static DMatrixRMaj abs(DMatrixRMaj m) {
        DMatrixRMaj out = new DMatrixRMaj(m.numRows, m.numCols);
        CommonOps_DDRM.abs(m, out);
        return out;
    }
}
