package dltheory.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * {@link Exercise} takes any {@link Number} a learner writes, echoes it as entered (never rounded),
 * and the question types offer no public way to the answer.
 */
class ExerciseTest {

    private static final Question INTEGER = new Question("Exercise 2", () -> 160000, 0.5, "count");
    private static final Question REAL = new Question("Exercise 1", () -> 4602.87, 1e-9, "think");

    @Test
    void anIntegerADoubleAndAnExpressionAreAllAccepted() {
        String out = ExerciseAssertions.printed(() -> {
            assertTrue(Exercise.isRight(INTEGER, 160000));
            assertTrue(Exercise.isRight(INTEGER, 160000L));
            assertTrue(Exercise.isRight(INTEGER, 160000.0));
            assertTrue(Exercise.isRight(INTEGER, Math.pow(40 / 0.1, 2)));
            assertTrue(Exercise.isRight(INTEGER, new BigDecimal("160000.2")));
            assertTrue(Exercise.isRight(REAL, 460287 / 100.0));
        });
        assertEquals("""
                ✓ Exercise 2: 160000 is right
                ✓ Exercise 2: 160000 is right
                ✓ Exercise 2: 160000.0 is right
                ✓ Exercise 2: 160000.0 is right
                ✓ Exercise 2: 160000.2 is right
                ✓ Exercise 1: 4602.87 is right
                """, out.replace("\r", ""));
    }

    @Test
    void theEchoIsTheValueAsEnteredNotRounded() {
        String out = ExerciseAssertions.printed(() -> {
            assertFalse(Exercise.isRight(INTEGER, 160001));
            assertFalse(Exercise.isRight(INTEGER, 159999.0));
            assertFalse(Exercise.isRight(REAL, 4602.8700001));
            assertFalse(Exercise.isRight(REAL, 4603));
        });
        assertTrue(out.contains("✗ Exercise 2: 160001 is not right. Hint: count"), out);
        assertTrue(out.contains("✗ Exercise 2: 159999.0 is not right"), out);
        assertTrue(out.contains("✗ Exercise 1: 4602.8700001 is not right"), out);
        assertTrue(out.contains("✗ Exercise 1: 4603 is not right"), out);
    }

    @Test
    void aDoubleIsWrittenWithTheFewestDigitsThatReadBackAsIt() {
        // JDK 17's Double.toString writes 1.0E23 as 9.999999999999999E22 and 2.0E23 as 1.9999999999999998E23
        assertEquals("1.0E23", Exercise.shortest(1e23));
        assertEquals("-2.0E23", Exercise.shortest(-2e23));
        assertEquals("0.30000000000000004", Exercise.shortest(0.1 + 0.2));
        assertEquals("0.3333333333333333", Exercise.shortest(1.0 / 3));
        assertEquals("25.0", Exercise.shortest(25));
        assertEquals("0.002", Exercise.shortest(0.002));
        assertEquals("1.0E-5", Exercise.shortest(1e-5));
        assertEquals("1.2345E7", Exercise.shortest(12345000));
        assertEquals("NaN", Exercise.shortest(Double.NaN));
        for (double x : new double[] {Math.PI, Math.E * 1e-200, 5e-324, Double.MAX_VALUE, 4602.87, 0.1}) {
            assertEquals(x, Double.parseDouble(Exercise.shortest(x)), "round trip of " + x);
            assertTrue(Exercise.shortest(x).length() <= Double.toString(x).length(), Exercise.shortest(x));
        }
        assertEquals("0.5", Exercise.echo(0.5f));
        assertEquals("7", Exercise.echo((short) 7));
    }

    @Test
    void aMissingAnswerIsNotAnsweredYetAndANonNumberIsWrong() {
        String out = ExerciseAssertions.printed(() -> {
            assertFalse(Exercise.isRight(INTEGER, (Number) null));
            assertFalse(Exercise.isRight(INTEGER, Double.NaN));
        });
        assertTrue(out.contains("Exercise 2: not answered yet"), out);
        assertTrue(out.contains("✗ Exercise 2: NaN is not right"), out);
    }

    @Test
    void theQuestionTypesOfferNoPublicWayToTheAnswer() {
        assertEquals(Set.of("name", "hint", "toString"), publicMethods(Question.class));
        assertEquals(Set.of("name", "points", "hint", "toString"), publicMethods(FunctionQuestion.class));
        assertEquals(List.of("WHOLE_NUMBER"), Arrays.stream(Question.class.getFields()).map(Field::getName).toList());
        assertEquals(0, FunctionQuestion.class.getFields().length);
        assertFalse(Record.class.isAssignableFrom(Question.class), "a record's components are public");
        Question q = new Question("Exercise 9", () -> 123.456, 1e-3, "hint");
        assertFalse(q.toString().contains("123"), q.toString());
        FunctionQuestion f = new FunctionQuestion("Exercise 8", x -> 2 * x, new double[] {1, 2}, 1e-9, "hint");
        assertEquals("FunctionQuestion[Exercise 8, 2 points, relTol = 1.0E-9]", f.toString());
        assertEquals(123.456, ExerciseAssertions.expected(q));
        assertEquals(4.0, ExerciseAssertions.reference(f, 2));
    }

    @Test
    void badQuestionsNameTheArgument() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Question("q", () -> 1, -1, "h"))
                .getMessage().contains("tol"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new FunctionQuestion("q", x -> x, new double[0], 0, "h")).getMessage().contains("points"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new FunctionQuestion("q", x -> x, new double[] {1}, Double.NaN, "h")).getMessage()
                .contains("relTol"));
    }

    @Test
    void theSharedAssertionCatchesACheckThatAcceptsEverything() {
        Question lax = new Question("Exercise 7", () -> 1, 10, "anything goes");
        assertThrows(AssertionError.class, () -> ExerciseAssertions.assertRejectsWrongAnswers(lax));
        ExerciseAssertions.assertRejectsWrongAnswers(INTEGER);
        ExerciseAssertions.assertRejectsWrongAnswers(REAL);
    }

    private static Set<String> publicMethods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()))
                .map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
