package dltheory.init;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

import org.ejml.concurrency.EjmlConcurrency;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_MT_DDRM;

/**
 * Benchmark of the forward variance sweep of notebook 01 ({@link Forward#sweep}, He's N(0, 2/d)
 * with ReLU) against the same computation in numpy ({@code bench/init/sweep_numpy.py}), run in
 * the same process launch and printed as a ratio, once per thread count: the Java side gets k
 * threads through {@link EjmlConcurrency#setMaxThreads} (the products and the per-unit
 * statistics), numpy gets k OpenBLAS threads through {@code OPENBLAS_NUM_THREADS} (its other
 * operations use one thread). Beside each sweep it times one product (d, d)·(d, n) alone and
 * prints its GFLOP per second of wall-clock time and per CPU-second. Not a test: run it by hand
 * (bench/init/README.md):
 *
 * <pre>java -cp lib/target/dltheory-lib.jar:lib/target/test-classes dltheory.init.SweepBenchmark [depth width batch repeats [threads ...]]</pre>
 */
public final class SweepBenchmark {

    private static final int PRODUCTS_PER_REPEAT = 20;

    private SweepBenchmark() {
    }

    /** Runs both sweeps (one warm-up, then the median of {@code repeats}) for each thread count and prints the ratios. */
    public static void main(String[] args) throws IOException, InterruptedException {
        int depth = args.length >= 4 ? Integer.parseInt(args[0]) : 50;
        int width = args.length >= 4 ? Integer.parseInt(args[1]) : 256;
        int batch = args.length >= 4 ? Integer.parseInt(args[2]) : 512;
        int repeats = args.length >= 4 ? Integer.parseInt(args[3]) : 7;
        int[] threads = args.length > 4
                ? Arrays.stream(args, 4, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 2};
        Path script = Path.of("bench", "init", "sweep_numpy.py");
        if (!Files.exists(script)) {
            throw new IllegalStateException("run from the repository root: " + script + " not found");
        }
        double productFlop = 2.0 * width * width * batch;
        System.out.printf(Locale.ROOT, "forward variance sweep: depth %d, width %d, batch %d (%.2f GFLOP in products), median of %d%n",
                depth, width, batch, productFlop * depth / 1e9, repeats);
        System.out.printf(Locale.ROOT, "cores available to the JVM: %d; JVM options: %s%n",
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.printf(Locale.ROOT, "%-7s  %-26s %10s %10s   %12s %8s %12s %10s%n", "threads", "", "sweep wall", "sweep CPU",
                "product wall", "GFLOP/s", "product CPU", "GFLOP/CPU-s");
        for (int k : threads) {
            EjmlConcurrency.setMaxThreads(k);
            double[] java = javaSeconds(depth, width, batch, repeats);
            double[] numpy = numpySeconds(script, depth, width, batch, repeats, k);
            row(k, "Java (EJML CommonOps_MT)", java, productFlop);
            row(k, "numpy (OpenBLAS)", numpy, productFlop);
            System.out.printf(Locale.ROOT, "%-7d  %-26s %10.2f %10.2f   %12.2f %8s %12.2f    (target: sweep <= 1.5)%n", k,
                    "ratio Java / numpy", java[0] / numpy[0], java[1] / numpy[1], java[2] / numpy[2], "", java[3] / numpy[3]);
        }
    }

    private static void row(int threads, String side, double[] s, double productFlop) {
        System.out.printf(Locale.ROOT, "%-7d  %-26s %7.1f ms %7.1f ms   %9.2f ms %8.1f %9.2f ms %10.1f%n", threads, side,
                1e3 * s[0], 1e3 * s[1], 1e3 * s[2], productFlop / s[2] / 1e9, 1e3 * s[3], productFlop / s[3] / 1e9);
    }

    /**
     * Median wall-clock and CPU seconds (all threads of the process) per sweep, then per product
     * (d, d)·(d, n) timed alone, with the threads set by {@link EjmlConcurrency#setMaxThreads}.
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
                CommonOps_MT_DDRM.mult(w, h, a);
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
