package dltheory.linalg;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.sun.management.HotSpotDiagnosticMXBean;

import org.ejml.concurrency.EjmlConcurrency;
import org.ejml.data.DMatrixRMaj;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.NativeBLAS;

import dltheory.check.Arguments;

/**
 * The matrix products of notebook 01 through BLAS's {@code dgemm}: the layers of its sweeps,
 * (d, d)·(d, n) with d·d·n ≈ 3.4·10⁷ multiply-adds, and the small ones of its training runs
 * ({@link dltheory.init.Mlp}, about 2·10⁴ each), where the kernel's client-only JIT ran EJML's
 * loops five times slower than one native call (three runs of 150 steps: 0.36 s → 0.07 s). They
 * work on EJML's row-major
 * {@link DMatrixRMaj} arrays without copying A and B; C is computed into a private array and copied
 * when the call returns (see {@link #publish}). BLAS is column-major, and the row-major array
 * of an (r, c) matrix X is the column-major array of Xᵀ (c, r) with leading dimension c, so
 * C = A·B is computed as Cᵀ = Bᵀ·Aᵀ on the same three arrays.
 *
 * <p>The BLAS is netlib's ({@code dev.ludovic.netlib:blas}), which picks, in order: the system's
 * native BLAS through JNI ({@code libblas.so.3}, which Debian's {@code libopenblas0} provides),
 * the JDK's Vector API ({@code --add-modules jdk.incubator.vector}; not without the C2 JIT, see
 * {@link #choose}), plain Java. {@link #implementation()} names the one in use.
 *
 * <p><b>Threads.</b> A large {@link #mult} is split over EJML's thread pool by blocks of rows of C,
 * so {@link EjmlConcurrency#setMaxThreads} sets its threads ({@link #multTransA} runs on one). A
 * native BLAS that runs its own threads (OpenBLAS: {@code OPENBLAS_NUM_THREADS}, default all cores)
 * is called once instead. The project's kernelspec sets {@code OPENBLAS_NUM_THREADS=1}: the
 * library already runs independent nets and units on EJML's pool, and OpenBLAS's threads, which
 * spin while they wait, took CPU from them (notebook 01, bench/notebooks: kernel CPU 11.1 → 8.0 s).
 * Each entry of C is one dot product summed by one thread, so results do not depend on the thread count.
 */
public final class Gemm {

    /** netlib logs a warning for each implementation it cannot load; {@link #implementation()} says which one loaded. */
    private static final Logger NETLIB_LOG = quiet(Logger.getLogger("dev.ludovic.netlib.blas.InstanceBuilder"));

    private static volatile BLAS blas = choose(BLAS.getInstance(), jitLevel());

    /** Products below this many multiply-adds are not split over threads (the split costs more than it saves). */
    private static final long SPLIT_THRESHOLD = 1L << 20;

    /** Whether the native BLAS runs each call on one thread, so that {@link #mult} may split it (see the class comment). */
    static volatile boolean nativeOnOneThread = nativeOnOneThread(System.getenv());

    private Gemm() {
    }

    /**
     * C = A·B.
     *
     * @param a (m, k)
     * @param b (k, n)
     * @param c (m, n); overwritten (it must not be a or b)
     * @return c
     */
    public static DMatrixRMaj mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        requireShapes(a.numRows, a.numCols, b.numRows, b.numCols, c, a, b, "a.numCols", "b.numRows");
        int m = a.numRows;
        int k = a.numCols;
        int n = b.numCols;
        // Column-major: Cᵀ (n, m) = Bᵀ (n, k) · Aᵀ (k, m), leading dimensions n, k, n.
        // Rows i0…i1 of C are columns i0…i1 of Cᵀ and of Aᵀ: offsets i0·n and i0·k.
        boolean interrupted = Thread.currentThread().isInterrupted();
        double[] out = new double[m * n];
        forRowBlocks(m, (long) m * k * n, (i0, i1) -> blas.dgemm("N", "N", n, i1 - i0, k,
                1.0, b.data, 0, n, a.data, i0 * k, k, 0.0, out, i0 * n, n));
        return publish(interrupted, out, c);
    }

    /**
     * C = Aᵀ·B.
     *
     * @param a (k, m)
     * @param b (k, n)
     * @param c (m, n); overwritten (it must not be a or b)
     * @return c
     */
    public static DMatrixRMaj multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        requireShapes(a.numCols, a.numRows, b.numRows, b.numCols, c, a, b, "a.numRows", "b.numRows");
        int m = a.numCols;
        int k = a.numRows;
        int n = b.numCols;
        // Column-major: Cᵀ (n, m) = Bᵀ (n, k) · A (k, m); A's array is the column-major Aᵀ (m, k),
        // leading dimension m, used transposed. One call: a block of C's rows would start inside a
        // column of that array, which netlib's bounds check (whole columns) rejects.
        boolean interrupted = Thread.currentThread().isInterrupted();
        double[] out = new double[m * n];
        blas.dgemm("N", "T", n, m, k, 1.0, b.data, 0, n, a.data, 0, m, 0.0, out, 0, n);
        return publish(interrupted, out, c);
    }

    /**
     * C = A·Bᵀ.
     *
     * @param a (m, k)
     * @param b (n, k)
     * @param c (m, n); overwritten (it must not be a or b)
     * @return c
     */
    public static DMatrixRMaj multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        requireShapes(a.numRows, a.numCols, b.numCols, b.numRows, c, a, b, "a.numCols", "b.numCols");
        int m = a.numRows;
        int k = a.numCols;
        int n = b.numRows;
        // Column-major: Cᵀ (n, m) = B (n, k) · Aᵀ (k, m). B's array is the column-major Bᵀ (k, n),
        // leading dimension k, used transposed; A's is the column-major Aᵀ (k, m), leading dimension k.
        boolean interrupted = Thread.currentThread().isInterrupted();
        double[] out = new double[m * n];
        blas.dgemm("T", "N", n, m, k, 1.0, b.data, 0, k, a.data, 0, k, 0.0, out, 0, n);
        return publish(interrupted, out, c);
    }

    /**
     * The BLAS in use and, for the native one, the library file it runs, e.g.
     * {@code "JNIBLAS (native: /usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3)"},
     * {@code "VectorBLAS (Java Vector API)"} or {@code "Java11BLAS (plain Java)"}.
     */
    public static String implementation() {
        BLAS b = blas;
        String name = b.getClass().getSimpleName();
        if (b instanceof NativeBLAS) {
            return name + " (native: " + nativeLibraryFile() + ")";
        }
        return name + (name.startsWith("Vector") ? " (Java Vector API)" : " (plain Java)");
    }

    /** The BLAS the products use. */
    public static BLAS blas() {
        return blas;
    }

    /**
     * Makes the products use {@code implementation} (for tests and benchmarks that compare
     * implementations; netlib picks the fastest by itself).
     *
     * @return the BLAS used until now
     */
    public static BLAS use(BLAS implementation) {
        Arguments.notNull(implementation, "implementation", "a netlib BLAS");
        BLAS before = blas;
        blas = implementation;
        return before;
    }

    /**
     * netlib's choice {@code offered}, except its Vector API path when the JIT stops below its
     * optimising tier C2 ({@code jitLevel} &lt; 4, as the project's kernelspec sets with
     * {@code -XX:TieredStopAtLevel=1}): only C2 turns the Vector API into vector instructions, and
     * without it that path ran 80 times slower than plain Java (bench/init, 1 thread: 12.3 s against
     * 0.50 s for notebook 01's sweep). The plain-Java BLAS is used then.
     */
    static BLAS choose(BLAS offered, int jitLevel) {
        if (jitLevel >= 4 || !offered.getClass().getSimpleName().startsWith("Vector")) {
            return offered;
        }
        try {
            Method getInstance = Class.forName("dev.ludovic.netlib.blas.Java11BLAS").getDeclaredMethod("getInstance");
            getInstance.setAccessible(true);
            return (BLAS) getInstance.invoke(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return offered;
        }
    }

    /** HotSpot's {@code TieredStopAtLevel} (4: C2 on), or 4 when the JVM does not say. */
    static int jitLevel() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return Integer.parseInt(vm.getVMOption("TieredStopAtLevel").getValue());
        } catch (RuntimeException | LinkageError e) {
            return 4;
        }
    }

    /** The file of the BLAS library mapped into this process (Linux), or the library name netlib asked for. */
    static String nativeLibraryFile() {
        String asked = System.getProperty("dev.ludovic.netlib.blas.nativeLib", "libblas.so.3");
        String path = System.getProperty("dev.ludovic.netlib.blas.nativeLibPath");
        if (path != null) {
            return path;
        }
        try {
            return Files.readAllLines(Path.of("/proc/self/maps")).stream()
                    .map(line -> line.substring(line.lastIndexOf(' ') + 1))
                    .filter(file -> file.endsWith("/" + asked) || file.contains("/libopenblas"))
                    .findFirst().orElse(asked);
        } catch (IOException | RuntimeException e) {
            return asked;
        }
    }

    /**
     * Whether OpenBLAS, given the environment {@code env}, runs each call on one thread: it takes
     * its thread count from {@code OPENBLAS_NUM_THREADS}, else {@code GOTO_NUM_THREADS}, else
     * {@code OMP_NUM_THREADS} (the first that is a positive number), else all cores.
     */
    static boolean nativeOnOneThread(Map<String, String> env) {
        for (String name : List.of("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS")) {
            try {
                int threads = Integer.parseInt(env.getOrDefault(name, "").trim());
                if (threads > 0) {
                    return threads == 1;
                }
            } catch (NumberFormatException e) {
                // not set, or not a number: OpenBLAS reads the next one
            }
        }
        return false;
    }

    private interface RowBlock {
        void run(int i0, int i1);
    }

    /**
     * Runs {@code block} once for all m rows (a native BLAS on its own threads, or a small product),
     * else once per thread on a block of rows.
     */
    /**
     * Copies a finished product into {@code c}, unless the calling thread was interrupted while it ran.
     * A native call cannot be stopped: a notebook kernel that gives up waiting for an interrupted cell
     * reports it stopped while the call goes on, and a product written straight into {@code c} changed
     * the user's matrix after that report. So the product goes to a private array first (a copy costs
     * m·n of the m·n·k multiply-adds), and an interrupted call leaves {@code c} as it was.
     *
     * @param interruptedBefore the thread's interrupt status when the product started
     * @throws CancellationException if the thread was interrupted during the product ({@code c} unchanged)
     */
    private static DMatrixRMaj publish(boolean interruptedBefore, double[] out, DMatrixRMaj c) {
        if (!interruptedBefore && Thread.currentThread().isInterrupted()) {
            throw new CancellationException("interrupted during a matrix product: its result is dropped and "
                    + "the output matrix is left unchanged");
        }
        System.arraycopy(out, 0, c.data, 0, out.length);
        return c;
    }

    private static void forRowBlocks(int m, long multiplyAdds, RowBlock block) {
        int threads = Math.min(EjmlConcurrency.getMaxThreads(), m);
        boolean blasThreads = blas instanceof NativeBLAS && !nativeOnOneThread;
        if (blasThreads || threads < 2 || multiplyAdds < SPLIT_THRESHOLD) {
            block.run(0, m);
            return;
        }
        EjmlConcurrency.loopFor(0, threads, t -> block.run(t * m / threads, (t + 1) * m / threads));
    }

    private static void requireShapes(int m, int k, int kB, int n, DMatrixRMaj c, DMatrixRMaj a, DMatrixRMaj b,
            String kName, String kBName) {
        Arguments.that(k == kB, kName, "equal " + kBName + " (" + kB + ")", k);
        Arguments.shape(c, m, n, "c");
        Arguments.that(c != a && c != b, "c", "be a different matrix from a and b",
                c == a ? "a" : "b");
    }

    private static Logger quiet(Logger log) {
        log.setLevel(Level.SEVERE);
        return log;
    }
}
