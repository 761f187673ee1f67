package dltheory.check;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * An exercise whose answer is a function of one variable, as its self-check sees it: the library's
 * reference is compared with the student's function at fixed points when the check runs, so the check
 * cell names the question and never shows the reference.
 *
 * @param name      the exercise's name as printed, e.g. "Exercise 3"
 * @param reference computes the right function's value at a point
 * @param points    where the two functions are compared; at least one, all finite
 * @param relTol    accepted largest relative difference over {@code points}, ≥ 0
 * @param hint      the idea to use, printed after a wrong answer; not the formula
 */
public record FunctionQuestion(String name, DoubleUnaryOperator reference, double[] points, double relTol,
                               String hint) {

    public FunctionQuestion {
        if (points.length == 0 || !Arrays.stream(points).allMatch(Double::isFinite)) {
            throw new IllegalArgumentException("points must hold at least one finite value, got "
                    + Arrays.toString(points));
        }
        if (!(relTol >= 0)) {
            throw new IllegalArgumentException("relTol must be >= 0, got " + relTol);
        }
        points = points.clone();
    }

    /** A copy of the comparison points. */
    @Override
    public double[] points() {
        return points.clone();
    }
}
