package dltheory.check;

import java.util.function.DoubleSupplier;

/**
 * A numeric exercise as its self-check sees it: the value is computed by the library when the
 * check runs, so the notebook's check cell names the question and never shows the answer or the
 * formula behind it.
 *
 * @param name     the exercise's name as printed, e.g. "Exercise 1"
 * @param expected computes the right answer
 * @param tol      accepted |answer − expected|, ≥ 0
 * @param hint     the idea to use, printed after a wrong answer; not the formula
 */
public record Question(String name, DoubleSupplier expected, double tol, String hint) {

    public Question {
        if (!(tol >= 0)) {
            throw new IllegalArgumentException("tol must be >= 0, got " + tol);
        }
    }
}
