package dltheory.weightnorm;

import static dltheory.weightnorm.WeightNormTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import dltheory.check.MonteCarlo;
import dltheory.random.Seeded;
import tech.tablesaw.api.Table;
import dltheory.linalg.Vectors;

class BatchNormLinkTest {

    private static final long SEED = 44L;
    private static final double EXACT = 1e-12;

    @Test
    void onAWhitenedBatchWeightNormIsBatchNorm() {
        for (int seed = 0; seed < 3; seed++) {
            Random rng = Seeded.rng(SEED + seed, "whitened");
            for (int d : new int[] {1, 3, 10}) {
                DMatrixRMaj x = Inputs.whiten(Inputs.gaussian(200, Inputs.constant(d, 2), Inputs.equicorrelated(d, 0.6), rng));
                double[] u = Seeded.normal(d, 0, 1, rng);
                double[] wn = BatchNormLink.weightNormOutputs(x, u, 1.7, -0.3);
                double[] bn = BatchNormLink.batchNormOutputs(x, u, 1.7, -0.3);
                for (int i = 0; i < wn.length; i++) {
                    assertEquals(bn[i], wn[i], EXACT * 10);
                }
            }
        }
    }

    @Test
    void weightNormIsAnAffineImageOfBatchNormOnAnyBatch() {
        // eq. (5): wᵀx + β = ρ(ŷ − β) + γδ + β with the batch's ρ = σ_y/‖u‖, δ = μ_y/‖u‖
        Random rng = Seeded.rng(SEED, "affine");
        for (int d : new int[] {2, 5}) {
            DMatrixRMaj x = Inputs.gaussian(300, Inputs.constant(d, -1), Inputs.equicorrelated(d, 0.3), rng);
            double[] u = Seeded.normal(d, 0, 1, rng);
            double gamma = 0.8;
            double beta = 2;
            BatchMoments m = BatchNorm.moments(Inputs.project(x, u));
            double rho = m.std() / Vectors.norm(u);
            double delta = m.mean() / Vectors.norm(u);
            double[] wn = BatchNormLink.weightNormOutputs(x, u, gamma, beta);
            double[] bn = BatchNormLink.batchNormOutputs(x, u, gamma, beta);
            for (int i = 0; i < wn.length; i++) {
                assertEquals(wn[i], rho * (bn[i] - beta) + gamma * delta + beta, 1e-10);
            }
        }
    }

    @Test
    void measuredScaleAndShiftMatchTheClosedFormsWithinMonteCarloError() {
        int n = 20_000;
        int d = 6;
        double c = 0.5;
        for (int seed = 0; seed < 3; seed++) {
            Random rng = Seeded.rng(SEED + seed, "closed");
            double[] u = Seeded.normal(d, 0, 1, rng);
            double[] ones = Inputs.constant(d, 1);
            InputSample white = InputSample.gaussian("white", n, new double[d], Inputs.identity(d), rng);
            InputSample corr = InputSample.gaussian("corr", n, new double[d], Inputs.equicorrelated(d, c), rng);
            InputSample shifted = InputSample.gaussian("shift", n, Inputs.constant(d, 1), Inputs.identity(d), rng);
            List<Comparison> all = BatchNormLink.compareAll(List.of(new Case("a", white, u), new Case("b", corr, ones),
                    new Case("c", shifted, ones), new Case("d", corr, u), new Case("e", corr.whitened("w"), u)), 1, 0);
            for (Comparison k : all) {
                double tolScale = k.exact() ? EXACT : MonteCarlo.K * k.scaleStandardError();
                double tolShift = k.exact() ? EXACT : MonteCarlo.K * k.shiftStandardError();
                assertEquals(k.scalePredicted(), k.scale(), tolScale, k.name());
                assertEquals(k.shiftPredicted(), k.shift(), tolShift, k.name());
            }
            // closed forms: equicorrelated with u = 1 gives ρ = √(1 + c(d − 1)); mean 1 with u = 1 gives δ = √d
            assertEquals(Math.sqrt(1 + c * (d - 1)), all.get(1).scalePredicted(), 1e-12);
            assertEquals(Math.sqrt(d), all.get(2).shiftPredicted(), 1e-12);
            assertTrue(all.get(0).agrees(MonteCarlo.K));
            assertTrue(all.get(4).agrees(MonteCarlo.K));
            assertTrue(all.get(4).maxGap() <= 1e-12);
            assertFalse(all.get(1).agrees(MonteCarlo.K));
            assertFalse(all.get(2).agrees(MonteCarlo.K));
        }
    }

    @Test
    void theNotebooksCasesAgreeAndDisagreeAsTheTextOfTheNotebookSays() {
        CaseSet<Comparison> all = BatchNormLink.cases(5_000, 8, 0.5, 1.0, Seeded.rng(SEED, "cases"))
                .map(c -> BatchNormLink.compare(c, 2, 0.5));
        assertEquals(6, all.all().size());
        all.all().forEach(Comparison::checkClosedForm);
        all.white().checkAgreement();
        all.whitened().checkAgreement();
        all.correlatedOnes().checkDisagreement(20);
        all.shiftedOnes().checkDisagreement(20);
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> all.correlatedOnes().checkAgreement());
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> all.whitened().checkDisagreement(1));
        assertEquals(Math.sqrt(4.5), all.correlatedOnes().scalePredicted(), 1e-12);
        assertEquals(Math.sqrt(8), all.shiftedOnes().shiftPredicted(), 1e-12);
        assertMessage(() -> BatchNormLink.cases(100, 3, 0.5, 1, null), "rng must be a generator");
    }

    @Test
    void uncorrelatedButNotUnitVarianceAlsoBreaksTheLink() {
        DMatrixRMaj sigma = Inputs.identity(2);
        sigma.set(0, 0, 4);
        assertEquals(Math.sqrt(4.0 / 1), BatchNormLink.predictedScale(sigma, new double[] {3, 0}), 1e-12);
        assertEquals(Math.sqrt(5.0 / 2), BatchNormLink.predictedScale(sigma, new double[] {1, 1}), 1e-12);
        assertEquals(0, BatchNormLink.predictedShift(new double[] {1, 2, 0}, new double[] {2, -1, 2}), 0);
    }

    @Test
    void checkClosedFormThrowsWhenTheMeasurementIsOff() {
        Comparison off = new Comparison("off", 10_000, 0, 1.5, 1, 1.5, 1.0, 0, 0, 0.1, false);
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, off::checkClosedForm);
        Comparison exactOff = new Comparison("exact", 100, 0, 1, 1, 1 + 1e-9, 1, 0, 0, 0, true);
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, exactOff::checkClosedForm);
    }

    @Test
    void tableHasOneRowPerCase() {
        Random rng = Seeded.rng(SEED, "table");
        InputSample s = InputSample.gaussian("s", 100, new double[2], Inputs.identity(2), rng);
        Table t = BatchNormLink.table(BatchNormLink.compareAll(List.of(new Case("a", s, new double[] {1, 0}),
                new Case("b", s, new double[] {1, 1})), 1, 0));
        assertEquals(2, t.rowCount());
        assertEquals(List.of("inputs", "n", "ρ measured", "ρ from (4.4)", "δ measured", "δ from (4.4)",
                "max |gap| of outputs"), t.columnNames());
    }

    @Test
    void badInputIsRejected() {
        Random rng = Seeded.rng(SEED, "bad");
        InputSample s = InputSample.gaussian("s", 10, new double[2], Inputs.identity(2), rng);
        assertMessage(() -> new Case("c", s, new double[] {0, 0}), "u must be non-zero");
        assertMessage(() -> new Case("c", s, new double[] {1, 2, 3}), "u must have length 2");
        assertMessage(() -> new Case(" ", s, new double[] {1, 2}), "name must be non-empty");
        assertMessage(() -> BatchNormLink.compareAll(List.of(), 1, 0), "cases must hold at least one element");
        assertMessage(() -> BatchNormLink.weightNormOutputs(s.x(), new double[] {1, 1}, 1, Double.NaN), "beta must be finite");
        assertMessage(() -> BatchNormLink.predictedScale(Inputs.identity(3), new double[] {1, 1}), "sigma must be 2×2");
        assertMessage(() -> new InputSample("s", s.x(), new double[] {0, 0}, Inputs.identity(3), false), "covariance must be 2×2");
    }
}
