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

/**
 * Benchmark of the forward variance sweep of notebook 01 ({@link Forward#sweep}, He's N(0, 2/d)
 * with ReLU) against the same computation in numpy ({@code bench/init/sweep_numpy.py}), run in
 * the same process launch and printed as a ratio. Not a test: run it by hand (bench/init/README.md):
 *
 * <pre>java -cp lib/target/dltheory-lib.jar:lib/target/test-classes dltheory.init.SweepBenchmark [depth width batch repeats]</pre>
 */
public final class SweepBenchmark {

    private SweepBenchmark() {
    }

    /** Runs both sweeps (one warm-up, then the median of {@code repeats}) and prints the ratio. */
    public static void main(String[] args) throws IOException, InterruptedException {
        int depth = args.length >= 4 ? Integer.parseInt(args[0]) : 50;
        int width = args.length >= 4 ? Integer.parseInt(args[1]) : 256;
        int batch = args.length >= 4 ? Integer.parseInt(args[2]) : 512;
        int repeats = args.length >= 4 ? Integer.parseInt(args[3]) : 7;
        Path script = Path.of("bench", "init", "sweep_numpy.py");
        if (!Files.exists(script)) {
            throw new IllegalStateException("run from the repository root: " + script + " not found");
        }
        System.out.printf(Locale.ROOT, "forward variance sweep: depth %d, width %d, batch %d (%.2f GFLOP in products), median of %d%n",
                depth, width, batch, 2.0 * width * width * batch * depth / 1e9, repeats);
        System.out.printf(Locale.ROOT, "cores available to the JVM: %d%n", Runtime.getRuntime().availableProcessors());

        double[] java = javaSeconds(depth, width, batch, repeats);
        double[] numpy = numpySeconds(script, depth, width, batch, repeats);
        System.out.printf(Locale.ROOT, "                                 wall-clock    CPU (all threads)%n");
        System.out.printf(Locale.ROOT, "Java (EJML, CommonOps_MT_DDRM): %8.1f ms   %8.1f ms%n", 1e3 * java[0], 1e3 * java[1]);
        System.out.printf(Locale.ROOT, "numpy (/usr/bin/python3):        %8.1f ms   %8.1f ms%n", 1e3 * numpy[0], 1e3 * numpy[1]);
        System.out.printf(Locale.ROOT, "ratio Java / numpy:              %8.2f      %8.2f    (target <= 1.5)%n",
                java[0] / numpy[0], java[1] / numpy[1]);
    }

    /** Median wall-clock and median CPU seconds (all threads of the process) per sweep. */
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
        Arrays.sort(times);
        Arrays.sort(cpu);
        return new double[] {times[repeats / 2], cpu[repeats / 2]};
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Median wall-clock and CPU seconds per sweep of the numpy script. */
    static double[] numpySeconds(Path script, int depth, int width, int batch, int repeats)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), Integer.toString(depth),
                Integer.toString(width), Integer.toString(batch), Integer.toString(repeats))
                .redirectErrorStream(true).start();
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
        return new double[] {Double.parseDouble(fields[0]), Double.parseDouble(fields[1])};
    }
}
