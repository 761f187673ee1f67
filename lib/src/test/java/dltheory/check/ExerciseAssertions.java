package dltheory.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test-side access to the exercises' answers, which the library keeps package-private so that a
 * notebook's completion cannot show them, and the assertions every exercise test makes. Test code
 * only: it is not in the library's jar.
 */
public final class ExerciseAssertions {

    private ExerciseAssertions() {
    }

    /** The answer {@code question} expects, for tests that check it against a closed form. */
    public static double expected(Question question) {
        return question.expected();
    }

    /** The reference function of {@code question} at {@code x}. */
    public static double reference(FunctionQuestion question, double x) {
        return question.reference(x);
    }

    /**
     * The check of {@code question} accepts its own answer, rejects answers 1 + 1 % off on either
     * side, says "not answered yet" for {@code null}, and prints its hint after a wrong answer,
     * echoing the wrong answer as entered.
     */
    public static void assertRejectsWrongAnswers(Question question) {
        double right = question.expected();
        assertTrue(question.tol() < 1, question.name() + ": tol " + question.tol() + " lets 1 + 1 % pass");
        double off = 1 + 0.01 * Math.abs(right);
        String printed = printed(() -> {
            assertTrue(Exercise.isRight(question, right), question.name() + ": its own answer");
            assertFalse(Exercise.isRight(question, right + off), question.name() + ": too large");
            assertFalse(Exercise.isRight(question, right - off), question.name() + ": too small");
            assertFalse(Exercise.isRight(question, (Number) null), question.name() + ": null");
        });
        String wrong = "✗ " + question.name() + ": " + Exercise.shortest(right + off) + " is not right. Hint: "
                + question.hint();
        assertTrue(printed.contains(wrong), "expected «" + wrong + "» in:\n" + printed);
        assertTrue(printed.contains(question.name() + ": not answered yet"), printed);
    }

    /**
     * {@link #assertRejectsWrongAnswers(Question)} for each of {@code questions}, which must not be
     * empty (a test over no questions could not fail).
     */
    public static void assertEachRejectsWrongAnswers(List<Question> questions) {
        assertFalse(questions.isEmpty(), "no questions to check");
        for (Question q : questions) {
            assertRejectsWrongAnswers(q);
        }
    }

    /** {@link #assertEachRejectsWrongAnswers(List)} for a few questions. */
    public static void assertEachRejectsWrongAnswers(Question... questions) {
        assertEachRejectsWrongAnswers(List.of(questions));
    }

    /**
     * No hint of {@code questions} gives the formula or the answer away ({@link #assertHintsHide(String,
     * List)}), and the questions are named {@code names}, in that order (the notebook's numbering).
     */
    public static void assertHintsHideAndNames(String giveaway, List<Question> questions, String... names) {
        assertHintsHide(giveaway, questions.stream().map(Question::hint).toList());
        assertEquals(List.of(names), questions.stream().map(Question::name).toList());
    }

    /**
     * No hint gives the formula or the answer away: none contains a match of {@code giveaway}, a
     * regular expression listing the formula's pieces and the answer's digits.
     */
    public static void assertHintsHide(String giveaway, List<String> hints) {
        Pattern pattern = Pattern.compile(giveaway);
        for (String hint : hints) {
            Matcher m = pattern.matcher(hint);
            assertFalse(m.find(), () -> "the hint gives away «" + m.group() + "»: " + hint);
        }
    }

    /** {@link #assertHintsHide(String, List)} for a few hints. */
    public static void assertHintsHide(String giveaway, String... hints) {
        assertHintsHide(giveaway, List.of(hints));
    }

    /** A plausible wrong answer to an exercise and the mistake that gives it. */
    public record Slip<A>(A answer, String mistake) {
    }

    /** A wrong number and the mistake that gives it, for {@link #assertAcceptsOnly(Question, double, Slip[])}. */
    public static Slip<Double> slip(double answer, String mistake) {
        return new Slip<>(answer, mistake);
    }

    /** A wrong function and the mistake that gives it. */
    public static Slip<DoubleUnaryOperator> slip(DoubleUnaryOperator answer, String mistake) {
        return new Slip<>(answer, mistake);
    }

    /**
     * {@code question} accepts {@code right} and rejects each slip; a failure names the slip's
     * mistake.
     */
    @SafeVarargs
    public static void assertAcceptsOnly(Question question, double right, Slip<Double>... slips) {
        assertTrue(Exercise.isRight(question, right), question.name() + ": its answer " + right);
        for (Slip<Double> s : slips) {
            assertFalse(Exercise.isRight(question, s.answer()), question.name() + " accepts " + s.mistake());
        }
    }

    /** {@link #assertAcceptsOnly(Question, double, Slip[])} for a question whose answer is a function. */
    @SafeVarargs
    public static void assertAcceptsOnly(FunctionQuestion question, DoubleUnaryOperator right,
                                         Slip<DoubleUnaryOperator>... slips) {
        assertTrue(Exercise.isRight(question, right), question.name() + ": its answer");
        for (Slip<DoubleUnaryOperator> s : slips) {
            assertFalse(Exercise.isRight(question, s.answer()), question.name() + " accepts " + s.mistake());
        }
    }

    /** What {@code action} prints on System.out, passed on to the previous stream afterwards. */
    static String printed(Runnable action) {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(saved);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        saved.print(text);
        return text;
    }
}
