package dltheory.birnn;

import dltheory.rnn.Activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

import dltheory.random.Seeded;
import dltheory.birnn.BidirectionalRnn.Chain;

class BidirectionalGradientNormsTest {

    private static final long SEED = 66L;

    @Test
    void signalFromOneEndTravelsOnlyAlongOneChainAndObeysTheBound() {
        for (long seed = 0; seed < 5; seed++) {
            for (Activation sigma : Activation.values()) {
                int T = 12;
                BidirectionalRnn net = BidirectionalRnn.random(3, 6, 2, 1.5, sigma, Seeded.rng(SEED + seed, "net"));
                DMatrixRMaj x = Seeded.normal(3, T, 0, 1, Seeded.rng(SEED + seed, "x"));
                DMatrixRMaj y = Seeded.normal(2, T, 0, 1, Seeded.rng(SEED + seed, "y"));
                var last = BidirectionalGradientNorms.of(net, x, BidirectionalLoss.lastStep(y), "last");
                var first = BidirectionalGradientNorms.of(net, x, BidirectionalLoss.firstStep(y), "first");
                var every = BidirectionalGradientNorms.of(net, x, BidirectionalLoss.everyStep(y), "every");
                assertEquals(T + 1, last.nonzeroStates());
                assertEquals(T + 1, first.nonzeroStates());
                assertEquals(2 * T, every.nonzeroStates());
                for (int t = 1; t < T; t++) {
                    assertEquals(0.0, last.backward()[t - 1]);
                    assertEquals(0.0, first.forward()[t]);
                }
                double rf = BidirectionalGradientNorms.contraction(net, Chain.FORWARD);
                double rb = BidirectionalGradientNorms.contraction(net, Chain.BACKWARD);
                assertTrue(last.worstBoundRatio(Chain.FORWARD, rf) <= 1 + 1e-12);
                assertTrue(first.worstBoundRatio(Chain.BACKWARD, rb) <= 1 + 1e-12);
            }
        }
    }

    @Test
    void normsWithinTwoDecadesAreDrawnOnALinearAxisFromZero() {
        BidirectionalGradientNorms narrow = new BidirectionalGradientNorms("x", new double[] {0.2, 2.5, 0},
                new double[] {0.5, 1, 0.3});
        XYChart linear = narrow.chart("t");
        assertFalse(linear.getStyler().isYAxisLogarithmic());
        assertEquals(0.0, linear.getStyler().getYAxisMin(), 0.0);
        assertEquals(3, linear.getSeriesMap().get("forward chain h⁽ᶠ⁾").getYData().length, "a zero gradient is drawn at 0");
        BidirectionalGradientNorms wide = new BidirectionalGradientNorms("x", new double[] {0.02, 2.5, 0},
                new double[] {0.5, 1, 0.3});
        XYChart log = wide.chart("t");
        assertTrue(log.getStyler().isYAxisLogarithmic());
        assertEquals(2, log.getSeriesMap().get("forward chain h⁽ᶠ⁾").getYData().length);
    }

    @Test
    void chartShowsOnlyPositiveNormsOnALogAxis() {
        BidirectionalGradientNorms n = new BidirectionalGradientNorms("x", new double[] {1, 0.1, 0.01},
                new double[] {0, 0, 2});
        XYChart chart = n.chart("t", Chain.FORWARD, 0.1);
        assertTrue(chart.getStyler().isYAxisLogarithmic());
        assertEquals(3, chart.getSeriesMap().size());
        assertEquals(1, chart.getSeriesMap().get("backward chain h⁽ᵇ⁾").getYData().length);
        double[] b = n.bound(Chain.FORWARD, 0.1);
        assertEquals(0.01 * 0.01, b[0], 1e-18);
        assertEquals(3, n.table().rowCount());
        assertEquals(2.0, n.decades(Chain.FORWARD), 1e-12);
        assertEquals(0.0, n.decades(Chain.BACKWARD), 0.0);
        BidirectionalAssertions.rejects("chain", () -> n.chart("t", Chain.BACKWARD, 0.1));
        BidirectionalAssertions.rejects("rate", () -> n.chart("t", Chain.FORWARD, 0));
        // bound at t = 1, 2 is 0.01·0.1², 0.01·0.1: ratios 1e4 and 1e2 (the anchor t = 3 is left out)
        assertEquals(1e4, n.worstBoundRatio(Chain.FORWARD, 0.1), 1e-8);
        assertEquals(1.0, n.worstBoundRatio(Chain.FORWARD, 10), 1e-12);
        BidirectionalAssertions.rejects("forward", () -> new BidirectionalGradientNorms("x", new double[2], new double[3]));
    }

    @Test
    void aLoneNonzeroPointIsAnOpenOutlineAroundTheOtherChainsMarker() {
        // (a): the backward chain is nonzero only at t = T, where the forward chain has its marker
        BidirectionalGradientNorms n = new BidirectionalGradientNorms("x", new double[] {1e-4, 1e-2, 1},
                new double[] {0, 0, 2});
        XYChart chart = n.chart("t", Chain.FORWARD, 0.1);
        var lone = chart.getSeriesMap().get("backward chain h⁽ᵇ⁾");
        var full = chart.getSeriesMap().get("forward chain h⁽ᶠ⁾");
        assertTrue(lone.getMarker() instanceof RingMarker, "lone point: " + lone.getMarker());
        assertFalse(full.getMarker() instanceof RingMarker, "a whole profile keeps filled markers");
        // the filled marker (a square at worst, half-diagonal size/√2) fits inside the outline's hole
        int size = chart.getStyler().getMarkerSize();
        assertTrue(RingMarker.innerHalfWidth(size) > size / Math.sqrt(2), "hole " + RingMarker.innerHalfWidth(size));
        assertEquals(java.util.List.of(), dltheory.plot.ChartLint.problems(chart));
        // (b) mirrored; and on a linear axis no chain has a lone point
        BidirectionalGradientNorms m = new BidirectionalGradientNorms("x", new double[] {2, 0, 0},
                new double[] {1, 1e-2, 1e-4});
        assertTrue(m.chart("t", Chain.BACKWARD, 0.1).getSeriesMap().get("forward chain h⁽ᶠ⁾").getMarker()
                instanceof RingMarker);
        BidirectionalGradientNorms flat = new BidirectionalGradientNorms("x", new double[] {1, 2, 1},
                new double[] {0, 0, 2});
        assertFalse(flat.chart("t").getSeriesMap().get("backward chain h⁽ᵇ⁾").getMarker() instanceof RingMarker);
    }

    /**
     * Notebook 06, section 3, on 3,000 seeds built as the notebook builds them (claim
     * 06.every-step-flat). (a): the profile of a loss at t = T alone spans at least the
     * (T − 1)·log₁₀(1/γ‖U‖₂) decades the bound forces (a theorem). (c): with a loss at every step
     * each profile spans at most half the decades of the profile with one loss at the chain's far
     * end ((a) forward, (b) backward) on the same net. That threshold is the wrong answer's own
     * scale, not a number read off the sweep: a profile that decays like (a) spans all of (a)'s
     * decades and is rejected, as is one that decays half as fast. No bound gives the false-alarm
     * rate (a gradient's norm has no lower bound: the direct term and the recurrent term can
     * cancel), so the sweep measures it: log₁₀ of the ratio of the two spans keeps at least 4
     * standard deviations below log₁₀ ½ (a false alarm below 3.2e-5 for a normal spread), and no
     * seed fails.
     */
    @Test
    void notebookProfileChecksHoldForEverySeed() {
        int T = 40;
        int seeds = 3000;
        double[] forward = new double[seeds];
        double[] backward = new double[seeds];
        for (int i = 0; i < seeds; i++) {
            long seed = i + 1;
            Drawn d = Drawn.longSequence(seed);
            var every = BidirectionalGradientNorms.of(d.net(), d.x(), BidirectionalLoss.everyStep(d.targets()), "c");
            var last = BidirectionalGradientNorms.of(d.net(), d.x(), BidirectionalLoss.lastStep(d.targets()), "a");
            var first = BidirectionalGradientNorms.of(d.net(), d.x(), BidirectionalLoss.firstStep(d.targets()), "b");
            double rate = d.forwardRate();
            assertTrue(last.decades(Chain.FORWARD) >= (T - 1) * Math.log10(1 / rate), "seed " + seed);
            forward[i] = Math.log10(every.decades(Chain.FORWARD) / last.decades(Chain.FORWARD));
            backward[i] = Math.log10(every.decades(Chain.BACKWARD) / first.decades(Chain.BACKWARD));
        }
        double half = Math.log10(0.5);
        for (double[] ratios : new double[][] {forward, backward}) {
            var s = dltheory.check.Stats.of(ratios);
            double z = (half - s.mean()) / s.std();
            double worst = java.util.Arrays.stream(ratios).max().orElseThrow();
            System.out.printf("(c)/(a or b) spans over %d seeds: log10 mean %.2f, sd %.2f, worst ratio %.3f,"
                    + " %.1f sd below ½%n", seeds, s.mean(), s.std(), Math.pow(10, worst), z);
            assertTrue(worst < half, "worst ratio " + Math.pow(10, worst));
            assertTrue(z >= 4, z + " sd");
        }
    }

    /**
     * Power of claim 06.every-step-flat against the plausible wrong answer, a loss at every step
     * whose gradient reaches the states only along the recurrent path (the text's (31)–(32),
     * computed by {@link BidirectionalBptt#recurrentOnly}): its profiles decay, and the check
     * ((c) spans at most half the decades of (a), resp. (b)) rejects both on 100 of 100 seeds.
     */
    @Test
    void everyStepCheckRejectsTheProfileOfTheRecurrentPathAlone() {
        for (long seed = 1; seed <= 100; seed++) {
            Drawn d = Drawn.longSequence(seed);
            var every = BidirectionalLoss.everyStep(d.targets());
            var wrong = new BidirectionalGradientNorms("text",
                    norms(BidirectionalBptt.recurrentOnly(d.net(), d.x(), every, Chain.FORWARD)),
                    norms(BidirectionalBptt.recurrentOnly(d.net(), d.x(), every, Chain.BACKWARD)));
            var last = BidirectionalGradientNorms.of(d.net(), d.x(), BidirectionalLoss.lastStep(d.targets()), "a");
            var first = BidirectionalGradientNorms.of(d.net(), d.x(), BidirectionalLoss.firstStep(d.targets()), "b");
            assertTrue(wrong.decades(Chain.FORWARD) > last.decades(Chain.FORWARD) / 2, "seed " + seed);
            assertTrue(wrong.decades(Chain.BACKWARD) > first.decades(Chain.BACKWARD) / 2, "seed " + seed);
        }
    }

    private static double[] norms(double[][] vectors) {
        double[] n = new double[vectors.length];
        for (int i = 0; i < n.length; i++) {
            double s = 0;
            for (double v : vectors[i]) {
                s += v * v;
            }
            n[i] = Math.sqrt(s);
        }
        return n;
    }
}
