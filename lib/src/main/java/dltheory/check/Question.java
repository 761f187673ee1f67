package dltheory.check;

import java.util.function.DoubleSupplier;

/**
 * A numeric exercise as its self-check sees it: the value is computed by the library when the
 * check runs, so the notebook's check cell names the question and never shows the answer or the
 * formula behind it.
 *
 * <p>A class rather than a record, so that the expected value has no public accessor: a notebook's
 * completion (Tab after {@code EXERCISE_1.}) lists only {@link #name}, {@link #tol} and
 * {@link #hint}. {@link Exercise} reads the value inside this package.
 */
public final class Question {

    /**
     * The tolerance of an answer that is a whole number (a sample size, a number of steps): the
     * answer must be that number, so an unrounded 4602.87 is not taken for 4603. It leaves room
     * only for the rounding of a double computed on the way (160000.00000000003).
     */
    public static final double WHOLE_NUMBER = 1e-6;

    private final String name;
    private final DoubleSupplier expected;
    private final double tol;
    private final String hint;

    /**
     * @param name     the exercise's name as printed, e.g. "Exercise 3.1" (chapter.number, as the notebook numbers it)
     * @param expected computes the right answer when a check runs
     * @param tol      accepted |answer − expected|, ≥ 0
     * @param hint     the idea to use, printed after a wrong answer; not the formula
     */
    public Question(String name, DoubleSupplier expected, double tol, String hint) {
        Arguments.notNull(name, "name", "the exercise's name");
        Arguments.notNull(expected, "expected", "a supplier of the answer");
        Arguments.notNull(hint, "hint", "a text");
        Arguments.atLeast(tol, 0, "tol");
        this.name = name;
        this.expected = expected;
        this.tol = tol;
        this.hint = hint;
    }

    /** The exercise's name as printed, e.g. "Exercise 3.1" (chapter.number, as the notebook numbers it). */
    public String name() {
        return name;
    }

    /** The accepted |answer − expected|. */
    double tol() {
        return tol;
    }

    /** The idea to use, printed after a wrong answer. */
    public String hint() {
        return hint;
    }

    /** The right answer, computed now; package-private so that completion does not offer it. */
    double expected() {
        return expected.getAsDouble();
    }

    /** The name and tolerance, never the answer. */
    @Override
    public String toString() {
        return "Question[" + name + ", tol = " + tol + "]";
    }
}
