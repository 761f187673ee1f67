package dltheory.check;

import java.util.function.DoubleUnaryOperator;

/**
 * An exercise whose answer is a function of one variable, as its self-check sees it: the library's
 * reference is compared with the student's function at fixed points when the check runs, so the check
 * cell names the question and never shows the reference.
 *
 * <p>A class rather than a record, so that the reference has no public accessor: completion after
 * {@code EXERCISE_1.} lists only {@link #name}, {@link #points}, {@link #relTol} and {@link #hint}.
 * {@link Exercise} reads the reference inside this package.
 */
public final class FunctionQuestion {

    private final String name;
    private final DoubleUnaryOperator reference;
    private final double[] points;
    private final double relTol;
    private final String hint;

    /**
     * @param name      the exercise's name as printed, e.g. "Exercise 3.3" (chapter.number, as the notebook numbers it)
     * @param reference computes the right function's value at a point
     * @param points    where the two functions are compared; at least one, all finite
     * @param relTol    accepted largest relative difference over {@code points}, ≥ 0
     * @param hint      the idea to use, printed after a wrong answer; not the formula
     */
    public FunctionQuestion(String name, DoubleUnaryOperator reference, double[] points, double relTol,
                            String hint) {
        Arguments.notNull(name, "name", "the exercise's name");
        Arguments.notNull(reference, "reference", "a function");
        Arguments.notNull(hint, "hint", "a text");
        Arguments.finite(Arguments.nonEmpty(points, "points"), "points");
        Arguments.atLeast(relTol, 0, "relTol");
        this.name = name;
        this.reference = reference;
        this.points = points.clone();
        this.relTol = relTol;
        this.hint = hint;
    }

    /** The exercise's name as printed, e.g. "Exercise 3.3" (chapter.number, as the notebook numbers it). */
    public String name() {
        return name;
    }

    /** A copy of the comparison points. */
    public double[] points() {
        return points.clone();
    }

    /** The accepted largest relative difference over the points. */
    double relTol() {
        return relTol;
    }

    /** The idea to use, printed after a wrong answer. */
    public String hint() {
        return hint;
    }

    /** The right function's value at {@code x}; package-private so that completion does not offer it. */
    double reference(double x) {
        return reference.applyAsDouble(x);
    }

    /** The right function; package-private, for {@link Exercise}. */
    DoubleUnaryOperator reference() {
        return reference;
    }

    /** The name and the comparison points, never the reference. */
    @Override
    public String toString() {
        return "FunctionQuestion[" + name + ", " + points.length + " points, relTol = " + relTol + "]";
    }
}
