package dltheory.weightnorm;

import static dltheory.check.ExerciseAssertions.slip;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dltheory.check.CapturedStdout;
import dltheory.check.Exercise;
import dltheory.check.ExerciseAssertions;
import dltheory.check.Question;
import dltheory.random.Seeded;

/**
 * Notebook 04's exercise checks ({@link WeightNormExercises}) accept the right answer worked out by
 * hand, reject plausible wrong ones, and hint without giving the formula or the answer away.
 */
class WeightNormExercisesTest {

    private static final long SEED = 20190315L;

    @RegisterExtension
    final CapturedStdout stdout = new CapturedStdout();

    /** Exercise 4 on the notebook's data (the cells of Q4.2). */
    private static Question exercise4() {
        LogisticRegression data = LogisticRegression.synthetic(200, 10, Seeded.rng(SEED, "data"));
        double[] u0 = Seeded.normal(10, 0, Math.sqrt(0.1), Seeded.rng(SEED, "u0"));
        return WeightNormExercises.exercise4(data, u0, 1.0, 0.0);
    }

    private static List<Question> all() {
        List<Question> all = new ArrayList<>(WeightNormExercises.ALL);
        all.add(exercise4());
        return all;
    }

    @Test
    void exerciseOneAcceptsPythagorasAndRejectsTheNormBeforeTheStepAndTheUnprojectedStep() {
        // By hand: s = 2/5, W⊥g = (1, 0) − (3, 4)·3/25 = (16/25, −12/25), ‖W⊥g‖ = 4/5;
        // ‖u₁‖² = 25 + 0.25 · 0.16 · 0.64 = 25.0256.
        Question q = WeightNormExercises.EXERCISE_1;
        ExerciseAssertions.assertAcceptsOnly(q, Math.sqrt(25.0256),
                slip(5.0, "the norm before the step"),
                slip(Math.sqrt(25 + 0.25 * 0.16), "∇_w L not projected"),
                slip(25.0256, "‖u₁‖² instead of ‖u₁‖"));
    }

    @Test
    void exerciseTwoAcceptsRootTenOverTwoAndRejectsUnitScaleAndTheSquare() {
        // uᵀΣu = 4 + 0.5·(16 − 4) = 10, ‖u‖ = 2, ρ = √10/2
        Question q = WeightNormExercises.EXERCISE_2;
        ExerciseAssertions.assertAcceptsOnly(q, Math.sqrt(10) / 2,
                slip(1.0, "uncorrelated inputs"),
                slip(2.5, "ρ² instead of ρ"),
                slip(Math.sqrt(10), "σ_y instead of σ_y/‖u‖"));
    }

    @Test
    void exerciseThreeAcceptsZeroAndRejectsASignSlip() {
        // uᵀE[x] = 2 − 2 + 0 = 0
        Question q = WeightNormExercises.EXERCISE_3;
        ExerciseAssertions.assertAcceptsOnly(q, 0.0,
                slip(4.0 / 3, "2 + 2 + 0 over ‖u‖ = 3"));
        assertFalse(Exercise.isRight(q, 1.0));
    }

    @Test
    void exerciseFourAcceptsOneOverCAndRejectsOtherPowers() {
        ExerciseAssertions.assertAcceptsOnly(exercise4(), 1.0 / 3,
                slip(1.0, "the gradient unchanged, as the loss is"),
                slip(3.0, "c instead of 1/c"),
                slip(9.0, "c² instead of 1/c"),
                slip(1.0 / 9, "1/c², as for a second derivative"));
    }

    @Test
    void everyCheckRejectsWrongAnswersAndPrintsItsHint() {
        ExerciseAssertions.assertEachRejectsWrongAnswers(all());
    }

    @Test
    void hintsExplainTheIdeaWithoutTheFormulaOrTheAnswer() {
        ExerciseAssertions.assertHintsHideAndNames("uᵀΣu|uᵀE|σ_y²|1/c|1/3|√|25\\.0256|5\\.0025|1\\.58|\\b0\\b|=", all(),
                "Exercise 4.1", "Exercise 4.2", "Exercise 4.3", "Exercise 4.4");
    }
}
