package dltheory.init;

import static dltheory.check.ExerciseAssertions.slip;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dltheory.check.CapturedStdout;
import dltheory.check.Exercise;
import dltheory.check.ExerciseAssertions;
import dltheory.check.FunctionQuestion;

/**
 * Notebook 01's exercise checks ({@link InitExercises}) accept the answers worked out by hand,
 * reject the plausible wrong ones, and hint without giving the formula or the answer away.
 */
class InitExercisesTest {

    @RegisterExtension
    final CapturedStdout stdout = new CapturedStdout();

    @Test
    void theAnswersWorkedOutByHandPass() {
        // E[g(a)²] = (1 + s²)/2 · Var[a], so Var[w] = 2/((1 + s²)d)
        assertTrue(Exercise.isRight(InitExercises.EXERCISE_1, s -> 2 / ((1 + s * s) * 256)));
        // β²/3 = 2/d
        assertTrue(Exercise.isRight(InitExercises.EXERCISE_2, d -> Math.sqrt(6 / d)));
        // ρ = 512 · 0.05² · 1/2
        assertTrue(Exercise.isRight(InitExercises.EXERCISE_3, 0.64));
    }

    @Test
    void theChecksRejectPlausibleMistakes() {
        ExerciseAssertions.assertAcceptsOnly(InitExercises.EXERCISE_1, s -> 2 / ((1 + s * s) * 256),
                slip(s -> 2.0 / 256, "He's variance: the slope ignored"),
                slip(s -> 2 / ((1 + s) * 256), "the slope not squared"),
                slip(s -> 1 / ((1 + s * s) * 256), "the two halves not halved"));
        ExerciseAssertions.assertAcceptsOnly(InitExercises.EXERCISE_2, d -> Math.sqrt(6 / d),
                slip(d -> Math.sqrt(3 / d), "the linear scheme's width"),
                slip(d -> 6 / d, "the square of the width"));
        ExerciseAssertions.assertAcceptsOnly(InitExercises.EXERCISE_3, 0.64,
                slip(1.28, "ReLU's half forgotten"),
                slip(12.8, "σ for σ²"));
        assertFalse(Exercise.isRight(InitExercises.EXERCISE_3, null));
        ExerciseAssertions.assertRejectsWrongAnswers(InitExercises.EXERCISE_3);
    }

    @Test
    void hintsExplainTheIdeaWithoutTheFormulaOrTheAnswer() {
        ExerciseAssertions.assertHintsHide("√|sqrt|/d\\b|2/|6/|1 \\+ s",
                InitExercises.FUNCTIONS.stream().map(FunctionQuestion::hint).toList());
        ExerciseAssertions.assertHintsHide("0\\.64|512|1/2|d·Var", InitExercises.EXERCISE_3.hint());
    }
}
