package dltheory.check;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The shared hint assertion of the exercise tests fails on a hint that gives a piece away. */
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
    void hintsWithoutTheGiveawayPass() {
        ExerciseAssertions.assertHintsHide("λ|=|[0-9]", "compare the two penalties term by term");
    }
}
