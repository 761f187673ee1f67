package dltheory.init;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.IntStream;

import dltheory.random.Seeded;

/**
 * How far notebook 01's training check (claim 01.training-only-he-learns, {@link
 * Training#checkClaims}) sits from the draws, over many seeds: a script, not a test (JUnit stays
 * fast), run as
 *
 * <pre>mvn -B -q -o -pl lib test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath
 * java --add-modules jdk.incubator.vector -cp lib/target/classes:lib/target/test-classes:$(cat lib/target/classpath) \
 *     [-Dcsv=FILE] dltheory.init.TrainingMargins [first last]</pre>
 *
 * (Seeds 1…1,000 took about 7 minutes on the shared 2-core machine.)
 *
 * For seeds first…last (default 1…400) it trains the notebook's three nets and prints, per line of
 * the check, the statistic on the scale where its spread is closest to normal (He:
 * log₁₀(−ln L(T)/L(0)); 1/d: log₁₀(1 − L(T)/L(0)); naive: log₁₀ min_t L(t)/L₀), its mean,
 * standard deviation, skewness, extremes, the threshold's distance from the mean in standard
 * deviations, how many seeds fail, and the seeds nearest each threshold; with {@code -Dcsv=FILE} it
 * also writes the per-seed values.
 * Nothing is asserted.
 */
public final class TrainingMargins {

    private TrainingMargins() {
    }

    public static void main(String[] args) {
        int first = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int last = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        int n = last - first + 1;
        double[] he = new double[n];
        double[] lecun = new double[n];
        double[] naive = new double[n];
        double[][] raw = new double[3][n];
        double[][] lowest = new double[3][n];
        long start = System.nanoTime();
        IntStream.range(0, n).parallel().forEach(i -> {
            long seed = first + i;
            Training.Task task = Training.task(8, 32, Seeded.rng(seed, "training task"));
            Training h = Training.runClipped(Init.HE_NORMAL, task, 20, 24, 150, 0.05, 1.0,
                    Seeded.rng(seed, "train He"));
            Training l = Training.runClipped(Init.LINEAR_NORMAL, task, 20, 24, 150, 0.05, 1.0,
                    Seeded.rng(seed, "train 1/d"));
            Training v = Training.runClipped(Init.NAIVE_ONE, task, 20, 24, 150, 0.05, 1.0,
                    Seeded.rng(seed, "train naive"));
            double zero = Training.zeroLoss(task);
            lowest[0][i] = Arrays.stream(h.loss()).min().orElseThrow() / zero;
            lowest[1][i] = Arrays.stream(l.loss()).min().orElseThrow() / zero;
            lowest[2][i] = Arrays.stream(v.loss()).min().orElseThrow() / zero;
            raw[0][i] = h.last() / h.initial();
            raw[1][i] = l.last() / l.initial();
            raw[2][i] = Arrays.stream(v.loss()).min().orElseThrow() / Training.zeroLoss(task);
            he[i] = Math.log10(-Math.log(raw[0][i]));
            lecun[i] = Math.log10(1 - raw[1][i]);
            naive[i] = Math.log10(raw[2][i]);
        });
        System.out.printf(Locale.ROOT, "seeds %d…%d (%d), %.1f s%n", first, last, n, (System.nanoTime() - start) / 1e9);
        report("He, log10(-ln L(T)/L(0))", he, raw[0], 0.75, Math.log10(-Math.log(0.75)), +1);
        report("1/d, log10(1 - L(T)/L(0))", lecun, raw[1], 0.5, Math.log10(0.5), -1);
        report("naive, log10 min L(t)/L0", naive, raw[2], 1e6, 6, +1);
        if (System.getProperty("csv") != null) {
            try (var out = new java.io.PrintWriter(System.getProperty("csv"), "UTF-8")) {
                out.println("seed,he_ratio,lecun_ratio,naive_min_over_L0,he_min_over_L0,lecun_min_over_L0");
                for (int i = 0; i < n; i++) {
                    out.printf(Locale.ROOT, "%d,%.17g,%.17g,%.17g,%.17g,%.17g%n", first + i, raw[0][i], raw[1][i],
                            raw[2][i], lowest[0][i], lowest[1][i]);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        String[] names = {"He", "1/d", "naive"};
        for (int k = 0; k < 3; k++) {
            double[] low = lowest[k];
            Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
            Arrays.sort(order, (a, b) -> Double.compare(low[a], low[b]));
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < 6; j++) {
                sb.append(String.format(Locale.ROOT, " seed %d: %.6g;", first + order[j], low[order[j]]));
            }
            long below = Arrays.stream(low).filter(v -> v < 1).count();
            long exactly = Arrays.stream(low).filter(v -> v == 1).count();
            System.out.printf(Locale.ROOT, "%s min_t L(t)/L0: below 1 for %d, exactly 1 for %d of %d; smallest:%s%n",
                    names[k], below, exactly, n, sb);
            double[] sortedLow = low.clone();
            Arrays.sort(sortedLow);
            System.out.printf(Locale.ROOT, "   quantiles 0.5: %.4g 0.9: %.4g 0.99: %.4g max %.4g%n", sortedLow[n / 2],
                    sortedLow[(int) (0.9 * n)], sortedLow[(int) (0.99 * n)], sortedLow[n - 1]);
        }
        report("1/d, ln(-log10(1 - L(T)/L(0)))", Arrays.stream(lecun).map(v -> Math.log(-v)).toArray(), raw[1], 0.5,
                Math.log(-Math.log10(0.5)), +1);
    }

    /** side +1: the statistic must stay above the threshold; −1: below. */
    private static void report(String name, double[] x, double[] raw, double rawThreshold, double threshold,
                               int side) {
        double mean = Arrays.stream(x).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / (x.length - 1));
        double skew = Arrays.stream(x).map(v -> Math.pow((v - mean) / sd, 3)).sum() / x.length;
        double[] sorted = raw.clone();
        Arrays.sort(sorted);
        long fail = IntStream.range(0, x.length).filter(i -> side * (x[i] - threshold) < 0 || Double.isNaN(x[i]))
                .count();
        double z = side * (mean - threshold) / sd;
        double worst = side > 0 ? Arrays.stream(x).min().orElseThrow() : Arrays.stream(x).max().orElseThrow();
        System.out.printf(Locale.ROOT, "%-28s mean %.3f sd %.3f skew %+.2f; threshold %.3f at %.2f sd; worst seed"
                        + " %.2f sd; raw min %.4g median %.4g max %.4g (threshold %.4g); failing %d%n", name, mean, sd,
                skew, threshold, z, side * (mean - worst) / sd, sorted[0], sorted[sorted.length / 2],
                sorted[sorted.length - 1], rawThreshold, fail);
    }
}
