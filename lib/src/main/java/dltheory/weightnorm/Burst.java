package dltheory.weightnorm;

import dltheory.check.Arguments;
import dltheory.check.Check;
import dltheory.text.SignificantFormat;

/**
 * Beyond the text (notebook 04, eq. 10): the self-stabilising burst of a run. The effective rate
 * α γ_t²/‖u_t‖² climbs while γ grows; when a step is too large for the curvature, the loss goes
 * up, the step adds a large orthogonal component to u, ‖u‖ jumps by eq. (4.9), and the rate falls.
 *
 * @param alpha     the step size α of the run
 * @param peakStep  t*, the step with the largest effective rate
 * @param peakRate  α γ_{t*}²/‖u_{t*}‖²
 * @param lossRise  max over t ≥ t* of L_t, minus min over t ≤ t* of L_t (the loss going up)
 * @param lossFall  that max of L_t after t*, minus the lowest L_t after it (the loss coming back
 *                  down: the overshoot is over before the run ends)
 * @param normJump  ‖u_T‖/‖u_{t*}‖ (‖u‖ only grows, so this is its growth after the peak)
 * @param rateAfter the smallest effective rate after the peak
 */
public record Burst(double alpha, int peakStep, double peakRate, double lossRise, double lossFall,
                    double normJump, double rateAfter, int steps) {

    /** A peak this close to the end T of the run leaves the brake no room to act. */
    public static final int ROOM = 20;

    /** The loss must rise by at least this much for the burst to count (far above rounding). */
    public static final double MIN_LOSS_RISE = 1e-3;

    /**
     * ‖u‖ must grow by at least this factor after the peak (which by itself divides the rate by
     * its square). Not derived: over seeds 1…3000 of the notebook (bench/weightnorm), each seed's
     * first draw with a burst ({@link #firstDraw}), ln ln of the growth keeps 4.9 standard
     * deviations above ln ln of this bound.
     */
    public static final double MIN_NORM_JUMP = 1.02;

    /**
     * The rate after the burst must fall to at most this fraction of the peak. Not derived: over
     * seeds 1…3000 (bench/weightnorm), each seed's first draw with a burst, ln ln(1/fraction) keeps
     * 4.1 standard deviations above ln ln(1/this bound), skewed to the safe side.
     */
    public static final double MAX_RATE_FRACTION = 0.98;

    /** The burst of a run: located at the largest effective rate. */
    public static Burst of(StepDiagnostics run) {
        double[] rate = run.rate();
        double[] loss = run.loss();
        double[] norm = run.normU();
        int peak = 0;
        for (int t = 1; t < rate.length; t++) {
            if (rate[t] > rate[peak]) {
                peak = t;
            }
        }
        double lowBefore = Double.POSITIVE_INFINITY;
        for (int t = 0; t <= peak; t++) {
            lowBefore = Math.min(lowBefore, loss[t]);
        }
        int high = peak;
        double rateAfter = rate[peak];
        for (int t = peak; t < rate.length; t++) {
            if (loss[t] > loss[high]) {
                high = t;
            }
            rateAfter = Math.min(rateAfter, rate[t]);
        }
        double lowAfter = loss[high];
        for (int t = high; t < loss.length; t++) {
            lowAfter = Math.min(lowAfter, loss[t]);
        }
        return new Burst(run.alpha(), peak, rate[peak], loss[high] - lowBefore, loss[high] - lowAfter,
                norm[norm.length - 1] / norm[peak], rateAfter, run.length());
    }

    /**
     * The condition of the claim, which the run's loss alone decides: the rate peaks after the
     * first step (1 ≤ t* ≤ T − {@link #ROOM}), and afterwards the loss rises by at least
     * {@link #MIN_LOSS_RISE} above its lowest value before the peak (a step overshot), and then
     * falls again by at least as much before the run ends (the overshoot is over, so the brake
     * has acted).
     */
    boolean isBurst() {
        return peakStep >= 1 && peakStep <= steps - ROOM && lossRise >= MIN_LOSS_RISE
                && lossFall >= MIN_LOSS_RISE;
    }

    /**
     * Looks for a burst in each run (in the order given, increasing α in the notebook) and
     * returns the search: every run's candidate and the first that {@link #isBurst() is one}.
     */
    public static Search search(java.util.List<StepDiagnostics> runs) {
        Arguments.nonEmpty(runs, "runs");
        return new Search(runs.stream().map(Burst::of).toList());
    }

    /**
     * How many draws {@link #firstDraw} tries. About 56 % of draws have a burst in one of notebook
     * 04's five runs (1,687 of seeds 1…3000, bench/weightnorm), so all 20 fail with probability
     * about 0.44²⁰ ≈ 1e-7.
     */
    public static final int DRAWS = 20;

    /**
     * Establishes the condition of the claim by design (notebook 04, "the effective step size"):
     * draw 1 is {@code runs}; while no run of the current draw has a burst, the next draw k = 2, 3,
     * … is {@code draw.apply(k)} (in the notebook: fresh data and u₀ from the seed's stream
     * "burst k"), up to {@code maxDraws}. Returns the first draw with a burst, or the last one
     * tried, whose {@link Draw#check} then fails.
     *
     * @param maxDraws at least 1
     */
    public static Draw firstDraw(java.util.List<StepDiagnostics> runs,
                                 java.util.function.IntFunction<java.util.List<StepDiagnostics>> draw, int maxDraws) {
        Arguments.notNull(draw, "draw", "a function from the draw k ≥ 2 to its runs");
        Arguments.atLeast(maxDraws, 1, "maxDraws");
        java.util.List<StepDiagnostics> current = runs;
        Search search = search(current);
        int k = 1;
        while (search.found().isEmpty() && k < maxDraws) {
            k++;
            current = draw.apply(k);
            search = search(current);
        }
        return new Draw(k, maxDraws, java.util.List.copyOf(current), search);
    }

    /**
     * The draw {@link #firstDraw} settled on.
     *
     * @param index    k, 1 for the notebook's own runs
     * @param maxDraws how many draws were allowed
     * @param runs     that draw's runs
     * @param search   their {@link #search}
     */
    public record Draw(int index, int maxDraws, java.util.List<StepDiagnostics> runs, Search search) {

        /** {@link Search#table()} of this draw, its caption naming the draw. */
        public tech.tablesaw.api.Table table() {
            return search.table(index == 1 ? "the runs above" : "draw " + index + " of the data and u₀");
        }

        /**
         * {@link Burst#check} of the first burst of this draw; fails (AssertionError) when none of
         * the {@code maxDraws} draws had one.
         */
        public void check() {
            Check.that(search.found().isPresent(), "the condition of the claim, a burst, holds",
                    search.found().isPresent() ? "in draw " + index + " of at most " + maxDraws
                            : "none in " + maxDraws + " draws, probability about 0.44^" + maxDraws);
            search.found().get().check();
        }
    }

    /**
     * The candidates of a {@link #search}, one per run.
     *
     * @param candidates each run's {@link Burst#of}
     */
    public record Search(java.util.List<Burst> candidates) {

        /** Copies the list. */
        public Search {
            candidates = java.util.List.copyOf(candidates);
        }

        /** The first candidate that is a burst, if any. */
        public java.util.Optional<Burst> found() {
            return candidates.stream().filter(Burst::isBurst).findFirst();
        }

        /** One row per run: the candidate and whether it is a burst. */
        public tech.tablesaw.api.Table table() {
            return table(null);
        }

        /** {@link #table()}, its caption saying which runs ({@code which}, or nothing when null). */
        tech.tablesaw.api.Table table(String which) {
            return dltheory.table.Tables.of("Each run's peak of the rate αγ²/‖u‖², and what followed it"
                            + (which == null ? "" : " (" + which + ")"),
                    candidates.stream().map(b -> new SearchRow(b.alpha, b.peakStep, b.peakRate, b.lossRise,
                            b.lossFall, b.normJump, b.rateAfter, b.isBurst() ? "yes" : "no")).toList(),
                    "α", "peak step t*", "rate at t*", "rise of L after t*", "fall of L after its high",
                    "‖u_T‖/‖u_{t*}‖",
                    "lowest rate after t*", "a burst?");
        }

        /**
         * Checks the first burst found ({@link Burst#check}); when no run has one, prints that the
         * condition of the claim is not met with these settings, and checks nothing.
         */
        public void check() {
            java.util.Optional<Burst> b = found();
            if (b.isPresent()) {
                b.get().check();
            } else {
                System.out.println("– no run has a burst (a rate peak at 1 ≤ t* ≤ T − " + ROOM
                        + " followed by a rise of the loss ≥ " + MIN_LOSS_RISE + " and a fall as large):"
                        + " nothing to check");
            }
        }
    }

    /** One row of {@link Search#table()}. */
    public record SearchRow(double alpha, int peakStep, double peakRate, double lossRise, double lossFall,
                            double normJump,
                            double rateAfter, String burst) {
    }

    /**
     * Prints one ✓ line per part of the claim (after the peak ‖u‖ jumps, and the rate falls back);
     * throws on the first part that fails. The rise of the loss is the condition
     * ({@link #isBurst()}), not part of the claim: it is shown in the table.
     */
    public void check() {
        String at = "α = " + SignificantFormat.format(alpha, 4) + ", peak at t = " + peakStep;
        Check.atLeast(normJump, MIN_NORM_JUMP, "‖u_T‖/‖u_t*‖, " + at);
        Check.atMost(rateAfter / peakRate, MAX_RATE_FRACTION, "lowest rate after the peak / peak rate, " + at);
    }

    /** One row of {@link #table()}: the burst without the run's α, which the caption states. */
    public record Row(int peakStep, double peakRate, double lossRise, double normJump, double rateAfter) {
    }

    /** The burst as a one-row table, captioned with the run's α. */
    public tech.tablesaw.api.Table table() {
        return dltheory.table.Tables.of("The burst of the α = " + SignificantFormat.format(alpha, 4) + " run",
                java.util.List.of(new Row(peakStep, peakRate, lossRise, normJump, rateAfter)),
                "peak step t*", "rate at t*", "rise of L after t*", "‖u_T‖/‖u_{t*}‖", "lowest rate after t*");
    }
}
