package dltheory.check;

import static dltheory.check.ExerciseAssertions.slip;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Notebook 00's exercises accept the right answer, reject wrong ones, and hint without the formula. */
class IntroExercisesTest {

    @RegisterExtension
    final CapturedStdout stdout = new CapturedStdout();

    @Test
    void theRightAnswersPass() {
        // σ/√n = 2/20 and the smallest n with 4/√n ≤ 0.01, worked out by hand
        assertTrue(Exercise.isRight(IntroExercises.EXERCISE_1, 0.1));
        assertTrue(Exercise.isRight(IntroExercises.EXERCISE_2, 160000.0));
    }

    @Test
    void everyCheckRejectsWrongAnswers() {
        ExerciseAssertions.assertEachRejectsWrongAnswers(IntroExercises.ALL);
        ExerciseAssertions.assertAcceptsOnly(IntroExercises.EXERCISE_1, 0.1,
                slip(0.025, "σ²/n is not the standard error"));
        ExerciseAssertions.assertAcceptsOnly(IntroExercises.EXERCISE_2, 160000.0,
                slip(159999.0, "one draw short"));
    }

    @Test
    void hintsExplainTheIdeaWithoutTheFormulaOrTheAnswer() {
        ExerciseAssertions.assertHintsHideAndNames("σ/√n|4/√n|√|/n\\b|160000|160,000|0\\.1\\b",
                IntroExercises.ALL, "Exercise 0.1", "Exercise 0.2");
    }
}
