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

    @Test
    void heTrainsWhileOneOverDStallsAndTheNaiveScaleKillsTheNet() {
        // the notebook's net (20 hidden layers of 24 units, 150 steps of 0.05) from four other seeds
        for (long seed = 1; seed <= 4; seed++) {
            Training.Task task = Training.task(8, 32, Seeded.rng(seed, "task"));
            Training he = Training.run(Init.HE_NORMAL, task, 20, 24, 150, 0.05, Seeded.rng(seed, "he"));
            Training lecun = Training.run(Init.LINEAR_NORMAL, task, 20, 24, 150, 0.05, Seeded.rng(seed, "1/d"));
            Training naive = Training.run(Init.NAIVE_ONE, task, 20, 24, 150, 0.05, Seeded.rng(seed, "naive"));
            Training.checkClaims(he, lecun, naive, task, 0.5, 0.99);
            // the check can fail: 1/d does not train as He does, and He does not stall as 1/d does
            assertThrows(AssertionError.class, () -> Training.checkClaims(lecun, lecun, naive, task, 0.5, 0.99));
            assertThrows(AssertionError.class, () -> Training.checkClaims(he, he, naive, task, 0.5, 0.99));
        }
    }
}
