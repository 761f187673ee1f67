package dltheory.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import dev.ludovic.netlib.blas.BLAS;

import dltheory.check.Check;
import dltheory.check.MonteCarlo;
import dltheory.linalg.BlasPaths;
import dltheory.linalg.Gemm;
import dltheory.random.Seeded;

/** Notebook 01's training runs: backpropagation, Glorot's two factors, symmetry, why the scale matters. */
class TrainingTest {

    @Test
    void backpropagationAgreesWithCentralDifferencesInEveryLayer() {
        Training.Task task = Training.task(3, 7, Seeded.rng(1L, "task"));
        Mlp net = Mlp.random(new int[] {3, 5, 4, 1}, Init.HE_NORMAL, Seeded.rng(2L, "net"));
        List<DMatrixRMaj> g = net.gradients(task.X(), task.y());
        for (int l = 1; l <= net.layers(); l++) {
            int layer = l;
            DMatrixRMaj w0 = net.weight(l);
            Check.gradient(v -> {
                net.set(layer, DMatrixRMaj.wrap(w0.numRows, w0.numCols, v.clone()));
                double loss = net.loss(task.X(), task.y());
                net.set(layer, w0);
                return loss;
            }, g.get(l - 1).data, w0.data.clone(), 1e-6, "∂L/∂W in layer " + l);
        }
    }

    @Test
    void aStepOfGradientDescentLowersASmallLoss() {
        Training.Task task = Training.task(3, 20, Seeded.rng(3L, "task"));
        Mlp net = Mlp.random(new int[] {3, 8, 1}, Init.HE_NORMAL, Seeded.rng(4L, "net"));
        double before = net.step(task.X(), task.y(), 1e-3);
        assertTrue(net.loss(task.X(), task.y()) < before);
    }

    @Test
    void glorotsFactorsAreDInVAndDOutVAndNoVarianceMakesBothOne() {
        List<Glorot.Factors> rows = Glorot.compare(256, 64, 128, Seeded.rng(5L, "glorot"));
        Glorot.checkClaims(rows);
        assertEquals(2.0 / 320, Glorot.variance(256, 64), 1e-15);
        Glorot.Factors lecun = rows.get(0);
        // the claim "1/d_in also keeps the backward variance" is false: 0.25, not 1
        assertThrows(AssertionError.class, () -> Check.withinStandardErrors(lecun.backward(), lecun.backwardSe(), 1.0,
                MonteCarlo.K, "backward factor of 1/d_in vs 1"));
        Glorot.Factors glorot = rows.get(2);
        assertEquals(2.0, glorot.forwardPredicted() + glorot.backwardPredicted(), 1e-12);
        // Figure 1.7: the legend sits in the plot's empty upper left instead of squashing it from
        // below, and the four points are key markers, larger than the chart's default markers
        org.knowm.xchart.XYChart chart = Glorot.chart(rows, 256, 64);
        assertEquals(org.knowm.xchart.style.Styler.LegendPosition.InsideNW, chart.getStyler().getLegendPosition());
        for (org.knowm.xchart.XYSeries s : chart.getSeriesMap().values()) {
            if (s.getXData().length == 1) {
                assertTrue(s.getMarker() instanceof dltheory.plot.KeyMarker k && k.scale() >= 1.5, s.getName());
            }
        }
        dltheory.plot.Encoder.png(chart);
    }

    /**
     * Issue #31: with plain steps of 0.05 He's start diverged for about 12 % of the draws. With the
     * gradient's norm clipped at 1 the notebook's three claims hold for each of 100 seeds. Over
     * seeds 1…400 (a separate sweep) He's largest L(T)/L(0) was 0.58, 1/d's smallest 0.66 and the
     * naive run's lowest L(t)/L₀ 5.8·10¹⁴, against the thresholds 0.75, 0.5 and 10⁶.
     */
    @Test
    void theTrainingClaimsHoldForManySeeds() {
        double heWorst = 0;
        double lecunLowest = 1;
        for (long seed = 1; seed <= 100; seed++) {
            Training.Task task = Training.task(8, 32, Seeded.rng(seed, "training task"));
            Training he = Training.runClipped(Init.HE_NORMAL, task, 20, 24, 150, 0.05, 1.0, Seeded.rng(seed, "train He"));
            Training lecun = Training.runClipped(Init.LINEAR_NORMAL, task, 20, 24, 150, 0.05, 1.0,
                    Seeded.rng(seed, "train 1/d"));
            Training naive = Training.runClipped(Init.NAIVE_ONE, task, 20, 24, 150, 0.05, 1.0,
                    Seeded.rng(seed, "train naive"));
            Training.checkClaims(he, lecun, naive, task, NOTEBOOK_FACTOR, NOTEBOOK_KEEP);
            heWorst = Math.max(heWorst, he.last() / he.initial());
            lecunLowest = Math.min(lecunLowest, lecun.last() / lecun.initial());
        }
        System.out.printf("100 seeds: He's largest L(T)/L(0) %.3f, 1/d's smallest %.4f%n", heWorst, lecunLowest);
        assertTrue(heWorst < 0.6, "He's worst " + heWorst);
    }

    /** The notebook's threshold for the 1/d run: it keeps more than this share of its initial loss. */
    private static final double NOTEBOOK_KEEP = 0.5;

    /** The notebook's threshold for the He run: it ends below this share of its initial loss. */
    private static final double NOTEBOOK_FACTOR = 0.75;

    @Test
    void theTrainingCheckRejectsAHeRunThatDoesNotLearnAndANaiveRunThatReachesL0() {
        Training.Task task = Training.task(8, 32, Seeded.rng(1L, "training task"));
        double zero = Training.zeroLoss(task);
        Training learned = new Training("N(0, 2/d)", new double[] {1.0, 0.2}, 1);
        Training stuck = new Training("N(0, 1/d)", new double[] {zero, zero}, 1);
        Training huge = new Training("N(0, 1)", new double[] {1e9 * zero, 1e8 * zero}, 1);
        Training.checkClaims(learned, stuck, huge, task, NOTEBOOK_FACTOR, NOTEBOOK_KEEP);
        Training flat = new Training("N(0, 2/d)", new double[] {1.0, 0.8}, 1);
        assertThrows(AssertionError.class, () -> Training.checkClaims(flat, stuck, huge, task, NOTEBOOK_FACTOR, NOTEBOOK_KEEP));
        Training reached = new Training("N(0, 1)", new double[] {1e9 * zero, zero}, 1);
        assertThrows(AssertionError.class, () -> Training.checkClaims(learned, stuck, reached, task, NOTEBOOK_FACTOR,
                NOTEBOOK_KEEP));
        Training moved = new Training("N(0, 1/d)", new double[] {zero, 0.4 * zero}, 1);
        assertThrows(AssertionError.class, () -> Training.checkClaims(learned, moved, huge, task, NOTEBOOK_FACTOR, NOTEBOOK_KEEP));
    }

    @Test
    void equalWeightsStayEqualAndRandomOnesDoNot() {
        Training.Task task = Training.task(8, 32, Seeded.rng(6L, "task"));
        List<Training.Symmetry> rows = Training.Symmetry.compare(task, 16, 0.3, Init.HE_NORMAL, 200, 0.05,
                Seeded.rng(7L, "symmetry"));
        Training.Symmetry.checkClaims(rows);
        assertEquals(1, rows.get(0).unitsLayer1());
        assertEquals(16, rows.get(1).unitsLayer2());
    }

    /** The products go through BLAS (Gemm): on each of netlib's paths equal rows must stay exactly equal, and the losses agree. */
    @ParameterizedTest
    @FieldSource("dltheory.linalg.BlasPaths#NAMES")
    void onEachBlasPathEqualWeightsStayEqualAndTheLossesAgree(String path) {
        Training.Task task = Training.task(8, 32, Seeded.rng(6L, "task"));
        List<Training.Symmetry> reference = Training.Symmetry.compare(task, 16, 0.3, Init.HE_NORMAL, 200, 0.05,
                Seeded.rng(7L, "symmetry"));
        BLAS before = Gemm.use(BlasPaths.named(path));
        try {
            List<Training.Symmetry> rows = Training.Symmetry.compare(task, 16, 0.3, Init.HE_NORMAL, 200, 0.05,
                    Seeded.rng(7L, "symmetry"));
            assertEquals(1, rows.get(0).unitsLayer1(), path);
            assertEquals(1, rows.get(0).unitsLayer2(), path);
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(reference.get(i).lossAfter(), rows.get(i).lossAfter(), 1e-9 * reference.get(i).lossAfter(),
                        path + ": " + rows.get(i).scheme());
            }
        } finally {
            Gemm.use(before);
        }
    }
}
