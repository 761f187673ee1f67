package dltheory.init;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.ejml.concurrency.EjmlConcurrency;
import org.ejml.data.DMatrixRMaj;

import dev.ludovic.netlib.blas.BLAS;
import dltheory.linalg.BlasPaths;
import dltheory.linalg.Gemm;

/**
 * Benchmark of the forward variance sweep of notebook 01 ({@link Forward#sweep}, He's N(0, 2/d)
 * with ReLU) on each of netlib's BLAS paths against the same computation in numpy
 * ({@code bench/init/sweep_numpy.py}), in one process launch, printed as ratios. The sweep gets
 * {@code threads} threads: {@link EjmlConcurrency#setMaxThreads} for the per-unit statistics and a
 * Java BLAS, and the native OpenBLAS takes {@code OPENBLAS_NUM_THREADS} from this process's
 * environment (bench/init/run sets it to the same number), as does numpy's. Beside each sweep it
 * times one product (d, d)·(d, n) through {@link Gemm#mult} alone and prints its GFLOP per second
 * of wall-clock time and per CPU-second. Not a test: bench/init/run runs it (bench/init/README.md):
 *
 * <pre>java --add-modules jdk.incubator.vector -cp lib/target/dltheory-lib.jar:lib/target/test-classes \
 *     dltheory.init.SweepBenchmark [depth width batch repeats threads [path ...]]</pre>
 *
 * The paths are netlib class names ({@link BlasPaths#NAMES}; default JNIBLAS VectorBLAS Java11BLAS);
 * a path that cannot be loaded here is reported and skipped.
 */
public final class SweepBenchmark {

    private static final int PRODUCTS_PER_REPEAT = 20;
    private static final double TARGET_NATIVE = 1.2;

    private SweepBenchmark() {
    }

    /** Runs numpy's sweep and each path's (one warm-up, then the median of {@code repeats}) and prints the ratios. */
    public static void main(String[] args) throws IOException, InterruptedException {
        int depth = args.length >= 5 ? Integer.parseInt(args[0]) : 50;
        int width = args.length >= 5 ? Integer.parseInt(args[1]) : 256;
        int batch = args.length >= 5 ? Integer.parseInt(args[2]) : 512;
        int repeats = args.length >= 5 ? Integer.parseInt(args[3]) : 7;
        int threads = args.length >= 5 ? Integer.parseInt(args[4]) : 1;
        List<String> paths = args.length > 5 ? Arrays.asList(args).subList(5, args.length)
                : List.of("JNIBLAS", "VectorBLAS", "Java11BLAS");
        Path script = Path.of("bench", "init", "sweep_numpy.py");
        if (!Files.exists(script)) {
            throw new IllegalStateException("run from the repository root: " + script + " not found");
        }
        double productFlop = 2.0 * width * width * batch;
        System.out.printf(Locale.ROOT, "forward variance sweep: depth %d, width %d, batch %d (%.2f GFLOP in products), median of %d, %d thread(s)%n",
                depth, width, batch, productFlop * depth / 1e9, repeats, threads);
        System.out.printf(Locale.ROOT, "JVM options: %s; OPENBLAS_NUM_THREADS=%s%n",
                ManagementFactory.getRuntimeMXBean().getInputArguments(), System.getenv("OPENBLAS_NUM_THREADS"));
        System.out.printf(Locale.ROOT, "the path netlib picks by itself here (the notebooks' path): %s%n", Gemm.implementation());
        EjmlConcurrency.setMaxThreads(threads);
        double[] numpyFirst = numpySeconds(script, depth, width, batch, repeats, threads);
        List<String> ran = new ArrayList<>();
        List<double[]> times = new ArrayList<>();
        BLAS before = Gemm.blas();
        for (String path : paths) {
            BLAS blas;
            try {
                blas = BlasPaths.named(path);
            } catch (RuntimeException | LinkageError e) {
                System.out.printf(Locale.ROOT, "path %s: not available here (%s)%n", path, e);
                continue;
            }
            Gemm.use(blas);
            try {
                ran.add(path + ": " + Gemm.implementation());
                times.add(javaSeconds(depth, width, batch, repeats));
            } finally {
                Gemm.use(before);
            }
        }
        // numpy before and after the Java paths; the faster of the two is the reference (a busy
        // machine slows either, and the faster one is the nearer to numpy's own speed).
        double[] numpy = numpyFirst;
        double[] numpyAgain = numpySeconds(script, depth, width, batch, repeats, threads);
        if (numpyAgain[0] < numpy[0]) {
            numpy = numpyAgain;
        }
        System.out.printf(Locale.ROOT, "%-7s  %-26s %10s %10s   %12s %8s %12s %10s   %s%n", "threads", "side", "sweep wall",
                "sweep CPU", "product wall", "GFLOP/s", "product CPU", "GFLOP/CPU-s", "sweep ratio to numpy (wall, CPU)");
        row(threads, "numpy (OpenBLAS)", numpy, productFlop, "");
        for (int i = 0; i < ran.size(); i++) {
            double[] s = times.get(i);
            String name = ran.get(i).substring(0, ran.get(i).indexOf(':'));
            String verdict = name.equals("JNIBLAS")
                    ? (s[0] / numpy[0] <= TARGET_NATIVE ? "  (target <= 1.2: pass)" : "  (target <= 1.2: over)")
                    : "";
            row(threads, "Java " + name, s, productFlop,
                    String.format(Locale.ROOT, "%6.2f %6.2f%s", s[0] / numpy[0], s[1] / numpy[1], verdict));
        }
        for (String r : ran) {
            System.out.println("  " + r);
        }
    }

    private static void row(int threads, String side, double[] s, double productFlop, String ratios) {
        System.out.printf(Locale.ROOT, "%-7d  %-26s %7.1f ms %7.1f ms   %9.2f ms %8.1f %9.2f ms %10.1f   %s%n", threads, side,
                1e3 * s[0], 1e3 * s[1], 1e3 * s[2], productFlop / s[2] / 1e9, 1e3 * s[3], productFlop / s[3] / 1e9, ratios);
    }

    /**
     * Median wall-clock and CPU seconds (all threads of the process) per sweep, then per product
     * (d, d)·(d, n) through {@link Gemm#mult}, on the BLAS {@link Gemm} uses now.
     */
    static double[] javaSeconds(int depth, int width, int batch, int repeats) {
        Random rng = new Random(20190315L);
        Forward.sweep(Init.HE_NORMAL, Activation.RELU, depth, width, batch, rng);   // warm-up (JIT)
        Forward.sweep(Init.HE_NORMAL, Activation.RELU, depth, width, batch, rng);
        double[] times = new double[repeats];
        double[] cpu = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            long startCpu = processCpuNanos();
            Forward.sweep(Init.HE_NORMAL, Activation.RELU, depth, width, batch, rng);
            times[r] = (System.nanoTime() - start) / 1e9;
            cpu[r] = (processCpuNanos() - startCpu) / 1e9;
        }
        DMatrixRMaj w = Init.HE_NORMAL.draw(width, width, rng);
        DMatrixRMaj h = Net.standardInputs(width, batch, rng);
        DMatrixRMaj a = new DMatrixRMaj(width, batch);
        double[] productTimes = new double[repeats];
        double[] productCpu = new double[repeats];
        for (int r = -1; r < repeats; r++) {                                         // r = -1: warm-up
            long start = System.nanoTime();
            long startCpu = processCpuNanos();
            for (int p = 0; p < PRODUCTS_PER_REPEAT; p++) {
                Gemm.mult(w, h, a);
            }
            if (r >= 0) {
                productTimes[r] = (System.nanoTime() - start) / 1e9 / PRODUCTS_PER_REPEAT;
                productCpu[r] = (processCpuNanos() - startCpu) / 1e9 / PRODUCTS_PER_REPEAT;
            }
        }
        return new double[] {median(times), median(cpu), median(productTimes), median(productCpu)};
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Median wall-clock and CPU seconds per sweep, then per product, of the numpy script with {@code threads} OpenBLAS threads. */
    static double[] numpySeconds(Path script, int depth, int width, int batch, int repeats, int threads)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("/usr/bin/python3", script.toString(), Integer.toString(depth),
                Integer.toString(width), Integer.toString(batch), Integer.toString(repeats))
                .redirectErrorStream(true);
        builder.environment().put("OPENBLAS_NUM_THREADS", Integer.toString(threads));
        Process p = builder.start();
        String line;
        StringBuilder all = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            while ((line = in.readLine()) != null) {
                all.append(line).append('\n');
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("numpy benchmark failed:\n" + all);
        }
        String[] lines = all.toString().trim().split("\n");
        String[] fields = lines[lines.length - 1].trim().split("\\s+");
        return new double[] {Double.parseDouble(fields[0]), Double.parseDouble(fields[1]),
            Double.parseDouble(fields[3]), Double.parseDouble(fields[4])};
    }
}
