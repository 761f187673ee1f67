package dltheory.weightnorm;

import java.util.ArrayList;
import java.util.List;

import dltheory.random.Seeded;

/**
 * Not a test (Maven never runs it; bench/weightnorm/run does): notebook 04's claims about its runs
 * over many seeds, as margins on a log scale, in standard deviations of their spread over seeds.
 *
 * <pre>java -cp lib/target/dltheory-lib.jar:lib/target/test-classes dltheory.weightnorm.ClaimSweep [SEEDS]</pre>
 */
public final class ClaimSweep {

    private ClaimSweep() {
    }

    /** Runs seeds 1…SEEDS (default 3000) and prints each statistic's summary. */
    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        double[] alphas = {0.1, 0.3, 1, 3, 10};
        java.util.Map<String, List<Double>> stats = new java.util.LinkedHashMap<>();
        int[] burstAt = new int[alphas.length];
        int found = 0;
        int[] draws = new int[10];
        int noDraw = 0;
        for (long s = 1; s <= seeds; s++) {
            final long seed = s;
            LogisticRegression m = LogisticRegression.synthetic(200, 10, Seeded.rng(seed, "data"));
            double[] u0 = Seeded.normal(10, 0, Math.sqrt(0.1), Seeded.rng(seed, "u0"));
            List<StepDiagnostics> runs = Training.sweep(m, u0, 1, 0, alphas, 200);
            for (Training.Order o : Training.order(runs)) {
                add(stats, "order " + o.alpha() + "→" + o.nextAlpha() + ": ln(S'/S) − ln(α/α')",
                        Math.log(o.sumRatio() / o.bound()));
            }
            double minOrder = Training.order(runs).stream().mapToDouble(o -> Math.log(o.sumRatio() / o.bound()))
                    .min().orElseThrow();
            add(stats, "order: min over pairs", minOrder);
            double r = Training.largestRateGrowth(runs);
            add(stats, "rate at T: ln R", Math.log(r));
            double peak = Training.largestRateRise(runs);
            add(stats, "rate peak: ln P", Math.log(peak));
            add(stats, "rate peak: ln ln P", Math.log(Math.log(peak)));
            var search = Burst.search(runs).found();
            if (search.isPresent()) {
                Burst bu = search.get();
                found++;
                for (int i = 0; i < alphas.length; i++) {
                    if (alphas[i] == bu.alpha()) {
                        burstAt[i]++;
                    }
                }
                add(stats, "burst jump: ln(J/J_min)", Math.log(bu.normJump() / Burst.MIN_NORM_JUMP));
                add(stats, "burst jump: ln ln J − ln ln J_min",
                        Math.log(Math.log(bu.normJump())) - Math.log(Math.log(Burst.MIN_NORM_JUMP)));
                double f = bu.rateAfter() / bu.peakRate();
                add(stats, "burst fall: ln(F_max/F)", Math.log(Burst.MAX_RATE_FRACTION / f));
                add(stats, "burst fall: ln ln(1/F) − ln ln(1/F_max)",
                        Math.log(Math.log(1 / f)) - Math.log(Math.log(1 / Burst.MAX_RATE_FRACTION)));
            }
            // the notebook's selection: the first of up to Burst.DRAWS draws with a burst
            Burst.Draw draw = Burst.firstDraw(runs, k -> draw(seed, k, alphas), Burst.DRAWS);
            draws[Math.min(draw.index(), draws.length) - 1]++;
            if (draw.search().found().isPresent()) {
                Burst bu = draw.search().found().get();
                add(stats, "first draw's burst jump: ln ln J − ln ln J_min",
                        Math.log(Math.log(bu.normJump())) - Math.log(Math.log(Burst.MIN_NORM_JUMP)));
                double f = bu.rateAfter() / bu.peakRate();
                add(stats, "first draw's burst fall: ln ln(1/F) − ln ln(1/F_max)",
                        Math.log(Math.log(1 / f)) - Math.log(Math.log(1 / Burst.MAX_RATE_FRACTION)));
                add(stats, "first draw's burst (not a margin): ln J", Math.log(bu.normJump()));
                add(stats, "first draw's burst (not a margin): ln F", Math.log(f));
            } else {
                noDraw++;
            }
        }
        System.out.println(seeds + " seeds (1…" + seeds + "); margin > 0 passes; z = mean/sd");
        stats.forEach(ClaimSweep::print);
        System.out.println("burst found in the run with α = " + java.util.Arrays.toString(alphas) + ": "
                + java.util.Arrays.toString(burstAt) + " (" + found + " of " + seeds + ")");
        System.out.println("first draw with a burst, k = 1 … 9, ≥ 10: " + java.util.Arrays.toString(draws)
                + "; no burst in " + Burst.DRAWS + " draws: " + noDraw);
    }

    /** Draw k ≥ 2 of notebook 04: data and u₀ from the seed's stream "burst k", the five runs. */
    static List<StepDiagnostics> draw(long seed, int k, double[] alphas) {
        java.util.Random rng = Seeded.rng(seed, "burst " + k);
        LogisticRegression m = LogisticRegression.synthetic(200, 10, rng);
        double[] u0 = Seeded.normal(10, 0, Math.sqrt(0.1), rng);
        return Training.sweep(m, u0, 1, 0, alphas, 200);
    }

    private static void add(java.util.Map<String, List<Double>> stats, String name, double value) {
        stats.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    static void print(String name, List<Double> x) {
        double[] v = x.stream().mapToDouble(Double::doubleValue).toArray();
        int n = v.length;
        double mean = java.util.Arrays.stream(v).average().orElse(Double.NaN);
        double var = 0;
        double m3 = 0;
        for (double a : v) {
            var += (a - mean) * (a - mean);
            m3 += Math.pow(a - mean, 3);
        }
        double sd = Math.sqrt(var / (n - 1));
        double skew = m3 / n / Math.pow(var / n, 1.5);
        double min = java.util.Arrays.stream(v).min().orElse(Double.NaN);
        long fails = java.util.Arrays.stream(v).filter(a -> !(a > 0)).count();
        System.out.printf("%-38s n=%5d mean=%8.4f sd=%7.4f skew=%6.2f min=%8.4f z=%5.2f fails=%d%n", name, n, mean, sd,
                skew, min, mean / sd, fails);
    }
}
