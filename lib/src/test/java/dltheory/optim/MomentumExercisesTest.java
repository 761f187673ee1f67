package dltheory.optim;

import static dltheory.check.ExerciseAssertions.slip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dltheory.check.CapturedStdout;
import dltheory.check.Exercise;
import dltheory.check.ExerciseAssertions;
import dltheory.check.FunctionQuestion;

/**
 * Notebook 03's exercise checks ({@link MomentumExercises}) accept the answers worked out by hand,
 * reject the plausible wrong ones, and hint without giving the formula or the answer away.
 */
class MomentumExercisesTest {

    @RegisterExtension
    final CapturedStdout stdout = new CapturedStdout();

    @Test
    void theAnswersWorkedOutByHandPass() {
        assertTrue(Exercise.isRight(MomentumExercises.EXERCISE_1, 0.02));               // δ(1 − β)
        assertTrue(Exercise.isRight(MomentumExercises.EXERCISE_2, 4603.0));             // ⌈ln 0.01 / ln 0.999⌉
        assertTrue(Exercise.isRight(MomentumExercises.EXERCISE_3,
                t -> (1 - Math.pow(0.9, t)) / Math.sqrt(1 - Math.pow(0.999, t))));
        assertTrue(Exercise.isRight(MomentumExercises.EXERCISE_4, n -> 2 - Math.pow(0.9, n)));
    }

    @Test
    void theChecksRejectPlausibleMistakes() {
        ExerciseAssertions.assertAcceptsOnly(MomentumExercises.EXERCISE_1, 0.02,
                slip(2 * 0.99, "δβ for δ(1 − β)"),
                slip(2.0, "δ itself"));
        ExerciseAssertions.assertAcceptsOnly(MomentumExercises.EXERCISE_2, 4603.0,
                slip(4602.0, "one step short"),
                slip(Math.log(0.01) / Math.log(0.999), "the ratio 4602.867… before rounding up"),
                slip(459.0, "the answer for β = 0.99"));
        assertTrue(stdout.text().contains("✗ Exercise 3.2: 4602.867216938907 is not right"),
                stdout.text());
        ExerciseAssertions.assertEachRejectsWrongAnswers(MomentumExercises.EXERCISE_1, MomentumExercises.EXERCISE_2);
        ExerciseAssertions.assertAcceptsOnly(MomentumExercises.EXERCISE_3,
                t -> (1 - Math.pow(0.9, t)) / Math.sqrt(1 - Math.pow(0.999, t)),
                slip(t -> Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t)), "upside down"),
                slip(t -> (1 - Math.pow(0.9, t)) / (1 - Math.pow(0.999, t)), "no square root"));
        ExerciseAssertions.assertAcceptsOnly(MomentumExercises.EXERCISE_4, n -> 2 - Math.pow(0.9, n),
                slip(n -> 2 * (1 - Math.pow(0.9, n)), "the start forgotten"),
                slip(n -> 1 + 2 * (1 - Math.pow(0.9, n)), "the start never decays"));
        assertFalse(Exercise.isRight(MomentumExercises.EXERCISE_4, (DoubleUnaryOperator) null));
    }

    @Test
    void theMeanFromAStartIsTheRecursionOnTheMeanStream() {
        // against a Monte Carlo mean: 4000 streams of N(2, 1) gradients, v_10 from v_0 = 1
        Random rng = new Random(7);
        int runs = 4000;
        double sum = 0;
        double sumSq = 0;
        for (int r = 0; r < runs; r++) {
            double v = 1;
            for (int t = 1; t <= 10; t++) {
                v = 0.9 * v + 0.1 * (2 + rng.nextGaussian());
            }
            sum += v;
            sumSq += v * v;
        }
        double mean = sum / runs;
        double se = Math.sqrt((sumSq / runs - mean * mean) / runs);
        assertEquals(MomentumExercises.meanFromStart(0.9, 1, 2, 10), mean, 4 * se);
        assertEquals(1.0, MomentumExercises.meanFromStart(0.9, 1, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> MomentumExercises.meanFromStart(0.9, 1, 2, -1));
    }

    @Test
    void hintsExplainTheIdeaWithoutTheFormulaOrTheAnswer() {
        ExerciseAssertions.assertHintsHide("1 − β|0\\.02|ln|log|4603|βⁿ",
                MomentumExercises.EXERCISE_1.hint(), MomentumExercises.EXERCISE_2.hint());
        ExerciseAssertions.assertHintsHide("1 − β|βᵗ|βⁿ|√\\(|2 − |0\\.9",
                MomentumExercises.FUNCTIONS.stream().map(FunctionQuestion::hint).toList());
    }
}
