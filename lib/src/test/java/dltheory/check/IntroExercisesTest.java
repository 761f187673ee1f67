package dltheory.check;

import static dltheory.check.ExerciseAssertions.slip;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
        for (Question q : IntroExercises.ALL) {
            ExerciseAssertions.assertRejectsWrongAnswers(q);
        }
        ExerciseAssertions.assertAcceptsOnly(IntroExercises.EXERCISE_1, 0.1,
                slip(0.025, "σ²/n is not the standard error"));
        ExerciseAssertions.assertAcceptsOnly(IntroExercises.EXERCISE_2, 160000.0,
                slip(159999.0, "one draw short"));
        assertTrue(stdout.text().contains("Hint: "), stdout.text());
    }

    @Test
    void hintsExplainTheIdeaWithoutTheFormulaOrTheAnswer() {
        ExerciseAssertions.assertHintsHide("σ/√n|4/√n|√|/n\\b|160000|160,000|0\\.1\\b",
                IntroExercises.ALL.stream().map(Question::hint).toList());
        assertEquals(2, IntroExercises.ALL.size());
    }
}
