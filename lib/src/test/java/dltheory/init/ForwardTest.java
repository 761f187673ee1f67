package dltheory.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import dltheory.check.MonteCarlo;
import dltheory.check.Stats;
import tech.tablesaw.api.Table;

class ForwardTest {

    private static final long SEED = 20190315L;
    private static final int DEPTH = 20;
    private static final int WIDTH = 64;
    private static final int BATCH = 128;
    private static final long[] SEEDS = {SEED, SEED + 1, SEED + 2};

    @Test
    void theSchemesOfQ1KeepMeanZeroAndVarianceOneAtEveryLayer() {
        Object[][] cases = {
            {Init.LINEAR_NORMAL, Activation.IDENTITY}, {Init.LINEAR_UNIFORM, Activation.IDENTITY},
            {Init.HE_NORMAL, Activation.RELU}, {Init.HE_UNIFORM, Activation.RELU},
        };
        for (Object[] c : cases) {
            for (long seed : SEEDS) {
                Sweep s = Forward.sweep((Init) c[0], (Activation) c[1], DEPTH, WIDTH, BATCH, new Random(seed));
                for (int t = 1; t <= DEPTH; t++) {
                    assertEquals(1, s.predicted(t), 1e-12);
                    assertTrue(s.z(t) <= MonteCarlo.K, s.label() + " t=" + t + " z=" + s.z(t));
                    assertEquals(0, s.mean(t), MonteCarlo.K * s.seMean(t), s.label() + " mean t=" + t);
                }
            }
        }
    }

    @Test
    void theStandardErrorsAreCalibrated() {
        // Over independent nets, (ln(Var/prediction) + s²/2)/s should be about N(0, 1) at every depth.
        int reps = 80;
        for (Activation g : new Activation[] {Activation.IDENTITY, Activation.RELU}) {
            Init init = g == Activation.RELU ? Init.HE_NORMAL : Init.LINEAR_NORMAL;
            double[] z = new double[reps];
            double[] zMean = new double[reps];
            for (int r = 0; r < reps; r++) {
                Sweep s = Forward.sweep(init, g, 12, 32, 48, new Random(SEED + 100 + r));
                double sd = s.relSe(12);
                z[r] = (Math.log(s.var(12) / s.predicted(12)) + sd * sd / 2) / sd;
                zMean[r] = s.mean(12) / s.seMean(12);
            }
            for (double[] sample : new double[][] {z, zMean}) {
                Stats st = Stats.of(sample);
                assertEquals(0, st.mean(), MonteCarlo.tolerance(1, reps), g + " mean of z");
                assertTrue(st.std() > 0.6 && st.std() < 1.5, g + " sd of z = " + st.std());
            }
        }
    }

    @Test
    void naiveSchemesExplodeOrVanishByTheAnalyticFactor() {
        Object[][] cases = {
            {Init.NAIVE_ONE, Activation.RELU}, {Init.NAIVE_SMALL, Activation.RELU},
            {Init.LINEAR_NORMAL, Activation.RELU}, {Init.NAIVE_ONE, Activation.IDENTITY},
        };
        for (Object[] c : cases) {
            Init init = (Init) c[0];
            Activation g = (Activation) c[1];
            for (long seed : SEEDS) {
                Sweep s = Forward.sweep(init, g, DEPTH, WIDTH, BATCH, new Random(seed));
                Estimate f = s.layerFactor();
                double expected = Theory.layerFactor(init, g, WIDTH);
                assertEquals(expected, f.value(), MonteCarlo.K * f.standardError(), s.label());
                assertTrue(s.z(DEPTH) <= MonteCarlo.K, s.label() + " z=" + s.z(DEPTH));
            }
        }
    }

    @Test
    void aBiasMovesTheMeanToCAndAddsToTheVariance() {
        double c = 0.5;
        Sweep s = Forward.sweep(Init.LINEAR_NORMAL.withBias(c), Activation.IDENTITY, DEPTH, WIDTH, BATCH, new Random(SEED));
        for (int t = 1; t <= DEPTH; t++) {
            assertEquals(c, s.mean(t), MonteCarlo.K * s.seMean(t), "t=" + t);
            assertEquals(1 + (t - 1) * c * c, s.predicted(t), 1e-12);
            assertTrue(s.z(t) <= MonteCarlo.K, "t=" + t + " z=" + s.z(t));
        }
    }

    @Test
    void reluActivationsHaveAPositiveMean() {
        Sweep s = Forward.sweep(Init.HE_NORMAL, Activation.RELU, DEPTH, WIDTH, BATCH, new Random(SEED));
        for (int t = 1; t <= DEPTH; t++) {
            assertTrue(s.meanH(t) > 0);
        }
        // E[ReLU(a)] = √(Var[a]/(2π)) for Gaussian a: the first layer is Gaussian given the inputs.
        assertEquals(Math.sqrt(s.var(1) / (2 * Math.PI)), s.meanH(1), 0.05);
    }

    @Test
    void statisticsAgreeWithTheOutputComputedDirectly() {
        Random a = new Random(SEED);
        Random b = new Random(SEED);
        Init init = Init.HE_UNIFORM.withBias(0.1);
        Sweep s = Forward.sweep(init, Activation.TANH, 5, 16, 40, a);
        DMatrixRMaj x = Net.standardInputs(16, 40, b);
        DMatrixRMaj out = Net.draw(init, Activation.TANH, 5, 16, b).output(x);
        Stats direct = Stats.of(out.data);
        int n = out.data.length;
        assertEquals(direct.mean(), s.mean(5), 1e-12);
        assertEquals(direct.variance() * (n - 1) / n, s.var(5), 1e-12);
        assertEquals(out.data[0], s.sample(5)[0], 1e-12);
        assertEquals(Math.min(Net.SAMPLES_PER_LAYER, n), s.sample(5).length);
    }

    @Test
    void sweepsAreReproducible() {
        Sweep a = Forward.sweep(Init.HE_NORMAL, "relu", 6, 32, 16, new Random(SEED));
        Sweep b = Forward.sweep(Init.HE_NORMAL, Activation.RELU, 6, 32, 16, new Random(SEED));
        assertArrayEquals(a.varA(), b.varA(), 0);
        assertArrayEquals(a.meanH(), b.meanH(), 0);
    }

    @Test
    void tableHasOneRowPerRequestedLayer() {
        Sweep s = Forward.sweep(Init.HE_NORMAL, Activation.RELU, 6, 32, 16, new Random(SEED));
        Table all = s.table();
        assertEquals(6, all.rowCount());
        assertEquals(8, all.columnCount());
        assertEquals("Var[a]", all.column(3).name());
        Table some = s.table(1, 6);
        assertEquals(2, some.rowCount());
        assertEquals(s.var(6), some.doubleColumn("Var[a]").get(1), 0);
        // a layer's index as the check lines write it, through the shared notation
        assertEquals("Var[a⁽³⁷⁾]", dltheory.text.Notation.unicode("Var[a^{(37)}]"));
    }

    @Test
    void worstOfLayersKeepsTheSingleCheckFalseAlarmRate() {
        assertEquals(MonteCarlo.K, Sweep.worstOfLayersK(1), 1e-9);
        double k50 = Sweep.worstOfLayersK(50);
        assertEquals(Normal.cdf(-MonteCarlo.K) / 50, Normal.cdf(-k50), 1e-15);
        assertTrue(k50 > 4.8 && k50 < 4.9, "k50 = " + k50);
        assertTrue(Sweep.worstOfLayersK(100) > k50);
        assertThrows(IllegalArgumentException.class, () -> Sweep.worstOfLayersK(0));
    }

    @Test
    void badArgumentsAreRejectedWithTheirRange() {
        Random rng = new Random(SEED);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Forward.sweep(Init.HE_NORMAL, Activation.RELU, 0, 8, 8, rng)).getMessage().contains("depth must be >= 1"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Forward.sweep(Init.HE_NORMAL, Activation.RELU, 3, 0, 8, rng)).getMessage().contains("width must be >= 2"));
        assertThrows(IllegalArgumentException.class, () -> Forward.sweep(Init.HE_NORMAL, Activation.RELU, 3, -4, 8, rng));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Forward.sweep(Init.HE_NORMAL, Activation.RELU, 3, 8, 1, rng)).getMessage().contains("batch must be >= 2"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Forward.sweep(Init.HE_NORMAL, "softplus", 3, 8, 8, rng)).getMessage().contains("activation must be one of"));
        assertThrows(IllegalArgumentException.class, () -> Forward.sweep(Init.HE_NORMAL, (Activation) null, 3, 8, 8, rng));
        assertThrows(IllegalArgumentException.class, () -> Forward.sweep(null, Activation.RELU, 3, 8, 8, rng));
        Sweep s = Forward.sweep(Init.HE_NORMAL, Activation.RELU, 3, 8, 8, rng);
        assertThrows(IllegalArgumentException.class, () -> s.var(0));
        assertThrows(IllegalArgumentException.class, () -> s.var(4));
        assertThrows(IllegalStateException.class,
                () -> Forward.sweep(Init.uniformPerFanIn(0, 1), Activation.RELU, 3, 8, 8, rng).worstLayer());
    }

    @Test
    void aNetRedrawsEachWeightMatrixFromItsSeedAsInitDrawDoes() {
        for (Init init : new Init[] {Init.HE_NORMAL, Init.LINEAR_UNIFORM, Init.NAIVE_SMALL}) {
            Net net = Net.draw(init, Activation.RELU, 4, 8, new Random(SEED));
            Random same = new Random(SEED);
            DMatrixRMaj buffer = new DMatrixRMaj(8, 8);
            for (int t = 1; t <= 4; t++) {
                DMatrixRMaj expected = init.draw(8, 8, same);
                assertArrayEquals(expected.data, net.weight(t, buffer).data, 0, init + " t=" + t);
                assertArrayEquals(expected.data, net.weight(t, new DMatrixRMaj(8, 8)).data, 0, init + " again, t=" + t);
            }
        }
    }

    @Test
    void theSweepsDoNotDependOnTheNumberOfThreads() {
        int saved = org.ejml.concurrency.EjmlConcurrency.getMaxThreads();
        try {
            Sweep[] forward = new Sweep[3];
            GradientSweep[] backward = new GradientSweep[3];
            for (int threads = 1; threads <= 3; threads++) {
                org.ejml.concurrency.EjmlConcurrency.setMaxThreads(threads);
                forward[threads - 1] = Forward.sweep(Init.HE_UNIFORM, Activation.TANH, 6, 48, 40, new Random(SEED));
                backward[threads - 1] = Backward.sweep(Init.HE_NORMAL, Activation.RELU, 6, 48, 40, new Random(SEED));
            }
            for (int k = 1; k < 3; k++) {
                assertArrayEquals(forward[0].varA(), forward[k].varA(), 0, "Var[a], threads " + (k + 1));
                assertArrayEquals(forward[0].relSeVarA(), forward[k].relSeVarA(), 0, "SE, threads " + (k + 1));
                assertArrayEquals(forward[0].samples()[5], forward[k].samples()[5], 0, "samples, threads " + (k + 1));
                assertArrayEquals(backward[0].varGrad(), backward[k].varGrad(), 0, "Var[δ], threads " + (k + 1));
            }
        } finally {
            org.ejml.concurrency.EjmlConcurrency.setMaxThreads(saved);
        }
    }
}
