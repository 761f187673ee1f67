package dltheory.check;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * The exercise tests' shared assertions fail where they should: on a hint that gives a piece away,
 * on an empty list of questions, on a wrong name.
 */
class ExerciseAssertionsTest {

    @Test
    void aHintWithAGiveawayFailsAndNamesThePiece() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> ExerciseAssertions
                .assertHintsHide("λ|=", "compare the two penalties", "set λ equal to the factor"));
        assertTrue(e.getMessage().contains("«λ»"), e.getMessage());
        assertThrows(AssertionFailedError.class,
                () -> ExerciseAssertions.assertHintsHide("0\\.64", "first line\nthe answer is 0.64"));
    }

    @Test
    void theListHelpersFailOnNoQuestionsAndOnAWrongName() {
        assertThrows(AssertionFailedError.class, () -> ExerciseAssertions.assertEachRejectsWrongAnswers(List.of()));
        Question q = new Question("Exercise 9.1", () -> 2.0, 1e-9, "add them");
        ExerciseAssertions.assertHintsHideAndNames("=", List.of(q), "Exercise 9.1");
        assertThrows(AssertionFailedError.class,
                () -> ExerciseAssertions.assertHintsHideAndNames("=", List.of(q), "Exercise 9.2"));
    }

    @Test
    void hintsWithoutTheGiveawayPass() {
        ExerciseAssertions.assertHintsHide("λ|=|[0-9]", "compare the two penalties term by term");
    }
}
