package dltheory.check;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.function.DoubleUnaryOperator;

/**
 * Self-checks for the exercises at the end of each notebook. The student's answer starts as
 * {@code null}: the check then prints "not answered yet" and the notebook still runs clean.
 * Once answered it prints ✓, or ✗ with a hint. The expected value is computed by the library,
 * never typed into the notebook, and no public method returns it.
 *
 * <p>A numeric answer is any {@link Number}, so that an answer cell declared {@code Number answer1 = null;}
 * accepts what a learner writes: {@code 25}, {@code 25.0}, {@code 1.0 / 3} or {@code Math.sqrt(2)}
 * (a {@code double} or {@code int} variable works too). The verdict echoes the answer as entered:
 * an integer as itself, a {@code double} as the shortest decimal that reads back as the same double.
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
    public static void check(Question question, Number answer) {
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
    public static void check(String name, Number answer, double expected, double tol, String hint) {
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

    /** {@link #check(Question, Number)}, returning true when answered correctly. */
    public static boolean isRight(Question question, Number answer) {
        if (answer == null) {
            return isRight(question.name(), null, Double.NaN, question.tol(), question.hint());
        }
        return isRight(question.name(), answer, question.expected(), question.tol(), question.hint());
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
    public static boolean isRight(String name, Number answer, double expected, double tol, String hint) {
        if (answer == null) {
            System.out.println(name + ": not answered yet");
            return false;
        }
        boolean ok = Math.abs(answer.doubleValue() - expected) <= tol;
        if (ok) {
            System.out.println("✓ " + name + ": " + echo(answer) + " is right");
        } else {
            System.out.println("✗ " + name + ": " + echo(answer) + " is not right. Hint: " + hint);
        }
        return ok;
    }

    /**
     * The answer as the learner entered it: an integer type as its digits, a {@code float} as
     * {@link Float#toString}, a {@code double} as the shortest decimal that reads back as the same
     * double (Java's own format: {@code 25.0}, {@code 4602.87}, {@code 1.0E-5}), never rounded.
     */
    static String echo(Number answer) {
        if (answer instanceof Double d) {
            return shortest(d);
        }
        if (answer instanceof Float f) {
            return Float.toString(f);
        }
        if (answer instanceof BigDecimal b) {
            return b.toPlainString();
        }
        return answer.toString();
    }

    /**
     * {@link Double#toString} with the fewest digits that read back as {@code x}. JDK 19 and newer
     * print that already; JDK 17 sometimes adds a digit ({@code 1.0E23} as {@code 9.999999999999999E22}).
     */
    static String shortest(double x) {
        String java = Double.toString(x);
        if (!Double.isFinite(x) || x == 0) {
            return java;
        }
        BigDecimal exact = new BigDecimal(x);
        for (int digits = 1; digits < 17; digits++) {
            BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == x) {
                return digits < significantDigits(java) ? javaFormat(rounded.stripTrailingZeros(), x) : java;
            }
        }
        return java;
    }

    /** How many significant digits a {@link Double#toString} result shows. */
    private static int significantDigits(String java) {
        String mantissa = java.replace("-", "").split("E")[0].replace(".", "");
        String digits = mantissa.replaceFirst("^0+", "").replaceFirst("0+$", "");
        return Math.max(1, digits.length());
    }

    /** {@code value} written as {@link Double#toString} writes a double of that magnitude. */
    private static String javaFormat(BigDecimal value, double x) {
        double magnitude = Math.abs(x);
        if (magnitude >= 1e-3 && magnitude < 1e7) {
            String plain = value.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        BigInteger unscaled = value.unscaledValue().abs();
        String digits = unscaled.toString();
        int exponent = digits.length() - 1 - value.scale();
        String sign = value.signum() < 0 ? "-" : "";
        return sign + digits.charAt(0) + "." + (digits.length() > 1 ? digits.substring(1) : "0") + "E" + exponent;
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
