package dltheory.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import org.ejml.concurrency.EjmlConcurrency;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;

import dev.ludovic.netlib.blas.BLAS;

class GemmTest {

    static final java.util.List<String> PATHS = BlasPaths.NAMES;

    /** The unit roundoff of double. */
    static final double U = Math.ulp(1.0) / 2;

    private final BLAS before = Gemm.blas();
    private final int threadsBefore = EjmlConcurrency.getMaxThreads();

    @AfterEach
    void restore() {
        Gemm.use(before);
        Gemm.nativeOnOneThread = Gemm.nativeOnOneThread(System.getenv());
        EjmlConcurrency.setMaxThreads(threadsBefore);
    }

    @ParameterizedTest
    @FieldSource("PATHS")
    void eachPathLoadsWhereItShould(String name) {
        if (name.equals("JNIBLAS")) {
            // On Debian the set-up installs libopenblas0, which provides libblas.so.3: the native path must load.
            org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libblas.so.3")),
                    "no system libblas.so.3");
        }
        BLAS blas = BlasPaths.named(name);
        assertEquals(name, blas.getClass().getSimpleName());
        Gemm.use(blas);
        assertTrue(Gemm.implementation().startsWith(name), Gemm.implementation());
    }

    @ParameterizedTest
    @FieldSource("PATHS")
    void productsMatchEjmlWithinTheSummationErrorBound(String name) {
        Gemm.use(BlasPaths.named(name));
        Random rng = new Random(7);
        for (int threads : new int[] {1, 2, 3}) {
            EjmlConcurrency.setMaxThreads(threads);
            // The native BLAS is split over the pool only when it runs on one thread: try both.
            for (boolean nativeOnOneThread : new boolean[] {false, true}) {
                Gemm.nativeOnOneThread = nativeOnOneThread;
                for (int[] s : new int[][] {{1, 1, 1}, {37, 53, 29}, {128, 130, 127}, {5, 300, 7}}) {
                    assertProductsWithinBound(name, s[0], s[1], s[2], rng);
                }
            }
        }
    }

    private static void assertProductsWithinBound(String name, int m, int k, int n, Random rng) {
        DMatrixRMaj a = RandomMatrices_DDRM.rectangle(m, k, -1, 1, rng);
        DMatrixRMaj b = RandomMatrices_DDRM.rectangle(k, n, -1, 1, rng);
        DMatrixRMaj expected = new DMatrixRMaj(m, n);
        CommonOps_DDRM.mult(a, b, expected);
        assertWithinBound(expected, Gemm.mult(a, b, new DMatrixRMaj(m, n)), a, b, k, name + " mult " + m + "x" + k + "x" + n);
        DMatrixRMaj at = CommonOps_DDRM.transpose(a, null);
        assertWithinBound(expected, Gemm.multTransA(at, b, new DMatrixRMaj(m, n)), a, b, k,
                name + " multTransA " + m + "x" + k + "x" + n);
        DMatrixRMaj bt = CommonOps_DDRM.transpose(b, null);
        assertWithinBound(expected, Gemm.multTransB(a, bt, new DMatrixRMaj(m, n)), a, b, k,
                name + " multTransB " + m + "x" + k + "x" + n);
    }

    @Test
    void theNativeBlasCountsAsOneThreadOnlyWhereOpenBlasReadsOne() {
        assertFalse(Gemm.nativeOnOneThread(Map.of()), "unset: all cores");
        assertTrue(Gemm.nativeOnOneThread(Map.of("OPENBLAS_NUM_THREADS", "1")));
        assertFalse(Gemm.nativeOnOneThread(Map.of("OPENBLAS_NUM_THREADS", "4")));
        assertTrue(Gemm.nativeOnOneThread(Map.of("OMP_NUM_THREADS", " 1 ")));
        assertTrue(Gemm.nativeOnOneThread(Map.of("GOTO_NUM_THREADS", "1", "OMP_NUM_THREADS", "8")), "GOTO before OMP");
        assertFalse(Gemm.nativeOnOneThread(Map.of("OPENBLAS_NUM_THREADS", "2", "OMP_NUM_THREADS", "1")), "OPENBLAS first");
        assertTrue(Gemm.nativeOnOneThread(Map.of("OPENBLAS_NUM_THREADS", "0", "OMP_NUM_THREADS", "1")), "0 is not a count");
        assertFalse(Gemm.nativeOnOneThread(Map.of("OPENBLAS_NUM_THREADS", "one")), "not a number");
    }

    /**
     * Both products sum k terms in some order, each within γₖ·Σₗ|aᵢₗ||bₗⱼ| of the exact value
     * (γₖ = k·u / (1 − k·u)), so they differ by at most 2γₖ·Σₗ|aᵢₗ||bₗⱼ|.
     */
    static void assertWithinBound(DMatrixRMaj expected, DMatrixRMaj actual, DMatrixRMaj a, DMatrixRMaj b, int k, String what) {
        DMatrixRMaj absProduct = new DMatrixRMaj(a.numRows, b.numCols);
        CommonOps_DDRM.mult(abs(a), abs(b), absProduct);
        double gamma = k * U / (1 - k * U);
        for (int i = 0; i < expected.getNumElements(); i++) {
            double bound = 2 * gamma * absProduct.get(i);
            assertTrue(Math.abs(expected.get(i) - actual.get(i)) <= bound,
                    what + " entry " + i + ": " + expected.get(i) + " vs " + actual.get(i) + " (bound " + bound + ")");
        }
    }

    @Test
    void withoutTheC2JitTheVectorApiPathGivesWayToPlainJava() {
        BLAS vector = BlasPaths.named("VectorBLAS");
        BLAS plain = BlasPaths.named("Java11BLAS");
        assertEquals("Java11BLAS", Gemm.choose(vector, 1).getClass().getSimpleName());
        assertEquals(vector, Gemm.choose(vector, 4), "C2 on: netlib's choice stands");
        assertEquals(plain, Gemm.choose(plain, 1));
        if (Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libblas.so.3"))) {
            BLAS jni = BlasPaths.named("JNIBLAS");
            assertEquals(jni, Gemm.choose(jni, 1), "the native path needs no JIT");
        }
        assertEquals(4, Gemm.jitLevel(), "surefire's JVM runs with C2");
    }

    @Test
    void badShapesNameTheArgument() {
        DMatrixRMaj a = new DMatrixRMaj(2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.mult(a, new DMatrixRMaj(4, 2), new DMatrixRMaj(2, 2)));
        assertTrue(e.getMessage().contains("a.numCols"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Gemm.mult(a, new DMatrixRMaj(3, 2), new DMatrixRMaj(3, 2)));
        assertTrue(e.getMessage().startsWith("c must be 2×2, got 3×2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Gemm.multTransA(a, new DMatrixRMaj(3, 2), new DMatrixRMaj(3, 2)));
        assertTrue(e.getMessage().contains("a.numRows"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Gemm.multTransB(a, new DMatrixRMaj(2, 2), new DMatrixRMaj(2, 2)));
        assertTrue(e.getMessage().contains("a.numCols must equal b.numCols"), e.getMessage());
        DMatrixRMaj square = new DMatrixRMaj(2, 2);
        assertThrows(IllegalArgumentException.class, () -> Gemm.mult(square, new DMatrixRMaj(2, 2), square));
        assertThrows(IllegalArgumentException.class, () -> Gemm.use(null));
    }

    /** |m| entry by entry, as a new matrix. */
    private static DMatrixRMaj abs(DMatrixRMaj m) {
        DMatrixRMaj out = new DMatrixRMaj(m.numRows, m.numCols);
        CommonOps_DDRM.abs(m, out);
        return out;
    }
}
