package dltheory.check;

import java.util.function.DoubleUnaryOperator;

/**
 * Self-checks for the exercises at the end of each notebook. The student's answer starts as
 * {@code null}: the check then prints "not answered yet" and the notebook still runs clean.
 * Once answered it prints ✓, or ✗ with a hint. The expected value is computed by the library,
 * never typed into the notebook.
 *
 * <p>The {@code check} methods return nothing, so that a check cell shows only its printed line: a
 * Java kernel (IJava, JJava, this project's) shows the value of a cell's last expression even when a
 * semicolon ends it. {@code isRight} prints the same line and returns the verdict.
 */
public final class Exercise {

    private Exercise() {
    }

    /**
     * Checks a numeric answer to {@code question}, whose expected value the library computes
     * without the check cell showing it, and prints the verdict.
     */
    public static void check(Question question, Double answer) {
        isRight(question, answer);
    }

    /**
     * Checks a function answer to {@code question} at the question's points, without the check cell
     * showing the reference, and prints the verdict.
     */
    public static void check(FunctionQuestion question, DoubleUnaryOperator answer) {
        isRight(question, answer);
    }

    /** Checks a numeric answer, |answer − expected| ≤ tol, and prints the verdict. */
    public static void check(String name, Double answer, double expected, double tol, String hint) {
        isRight(name, answer, expected, tol, hint);
    }

    /**
     * Checks a function answer against the library's {@code reference} at {@code points} (largest
     * relative difference ≤ relTol) and prints the verdict.
     */
    public static void check(String name, DoubleUnaryOperator answer, DoubleUnaryOperator reference,
                             double[] points, double relTol, String hint) {
        isRight(name, answer, reference, points, relTol, hint);
    }

    /** {@link #check(Question, Double)}, returning true when answered correctly. */
    public static boolean isRight(Question question, Double answer) {
        return isRight(question.name(), answer, question.expected().getAsDouble(), question.tol(), question.hint());
    }

    /** {@link #check(FunctionQuestion, DoubleUnaryOperator)}, returning true when answered correctly. */
    public static boolean isRight(FunctionQuestion question, DoubleUnaryOperator answer) {
        return isRight(question.name(), answer, question.reference(), question.points(), question.relTol(),
                question.hint());
    }

    /**
     * Checks a numeric answer: |answer − expected| ≤ tol. Prints the verdict and returns true when
     * answered correctly.
     */
    public static boolean isRight(String name, Double answer, double expected, double tol, String hint) {
        if (answer == null) {
            System.out.println(name + ": not answered yet");
            return false;
        }
        boolean ok = Math.abs(answer - expected) <= tol;
        if (ok) {
            System.out.println("✓ " + name + ": " + Check.fmt(answer) + " is right");
        } else {
            System.out.println("✗ " + name + ": " + Check.fmt(answer) + " is not right. Hint: " + hint);
        }
        return ok;
    }

    /**
     * Checks a function answer against the library's {@code reference} at {@code points}:
     * the largest relative difference must be ≤ relTol. Prints the verdict and returns true when
     * answered correctly.
     */
    public static boolean isRight(String name, DoubleUnaryOperator answer, DoubleUnaryOperator reference,
                                  double[] points, double relTol, String hint) {
        if (answer == null) {
            System.out.println(name + ": not answered yet");
            return false;
        }
        double worst = 0;
        double worstAt = Double.NaN;
        for (double x : points) {
            double want = reference.applyAsDouble(x);
            double got = answer.applyAsDouble(x);
            double rel = Math.abs(got - want) / Math.max(Math.abs(want), 1e-300);
            if (!(rel <= worst)) {
                worst = rel;
                worstAt = x;
            }
        }
        boolean ok = worst <= relTol;
        if (ok) {
            System.out.println("✓ " + name + ": matches at all " + points.length + " points");
        } else {
            System.out.println("✗ " + name + ": off by a relative " + Check.fmt(worst) + " at x = " + Check.fmt(worstAt)
                    + ". Hint: " + hint);
        }
        return ok;
    }
}
