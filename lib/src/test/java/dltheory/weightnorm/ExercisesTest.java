package dltheory.weightnorm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dltheory.check.Exercise;
import dltheory.random.Seeded;

/** Notebook 04's exercise checks accept the right answer and reject plausible wrong ones. */
class ExercisesTest {

    private static final long SEED = 20190315L;

    @Test
    void exerciseOneRejectsTheNormBeforeTheStepAndTheUnprojectedStep() {
        double want = WeightNorm.normAfterStep(new double[] {3, 4}, 2, new double[] {1, 0}, 0.5);
        // By hand: s = 2/5, W⊥g = (1, 0) − (3, 4)·3/25 = (16/25, −12/25), ‖W⊥g‖ = 4/5;
        // ‖u₁‖² = 25 + 0.25 · 0.16 · 0.64 = 25.0256.
        assertTrue(Exercise.isRight("1", Math.sqrt(25.0256), want, 1e-6, ""));
        assertFalse(Exercise.isRight("1", 5.0, want, 1e-6, ""));
        assertFalse(Exercise.isRight("1", Math.sqrt(25 + 0.25 * 0.16), want, 1e-6, ""));
    }

    @Test
    void exerciseTwoRejectsUnitScale() {
        double want = BatchNormLink.predictedScale(Inputs.equicorrelated(4, 0.5), Inputs.constant(4, 1));
        assertTrue(Exercise.isRight("2", Math.sqrt(2.5), want, 1e-3, ""));
        assertFalse(Exercise.isRight("2", 1.0, want, 1e-3, ""));
        assertFalse(Exercise.isRight("2", 2.5, want, 1e-3, ""));
    }

    @Test
    void exerciseThreeRejectsTheUnnormalisedShift() {
        double want = BatchNormLink.predictedShift(new double[] {1, 2, 0}, new double[] {2, -1, 2});
        assertTrue(Exercise.isRight("3", 0.0, want, 1e-6, ""));
        assertFalse(Exercise.isRight("3", 1.0, want, 1e-6, ""));
    }

    @Test
    void exerciseFourAcceptsOneOverCAndRejectsOtherPowers() {
        LogisticRegression data = LogisticRegression.synthetic(200, 10, Seeded.rng(SEED, "data"));
        double[] u0 = Seeded.normal(10, 0, Math.sqrt(0.1), Seeded.rng(SEED, "u0"));
        double want = WeightNorm.gradientRatioUnderScaling(v -> data.lossOf(v, 1, 0), u0, 3);
        assertTrue(Exercise.isRight("4", 1.0 / 3, want, 1e-4, ""));
        for (double wrong : new double[] {1, 3, 9, 1.0 / 9}) {
            assertFalse(Exercise.isRight("4", wrong, want, 1e-4, ""), "accepted " + wrong);
        }
    }
}
