package dltheory.check;

/**
 * Argument checks for the library's public functions. Each returns the value when it is in range
 * and otherwise throws {@link IllegalArgumentException} naming the argument, the allowed range
 * and the value received, e.g. {@code "eta must be finite and > 0, got -1.0"}.
 */
public final class Arguments {

    private Arguments() {
    }

    /** {@code value} ≥ {@code min} (a count or size). */
    public static int atLeast(int value, int min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
        }
        return value;
    }

    /** {@code value} finite and > 0 (a step size, a scale). */
    public static double positive(double value, String name) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
        return value;
    }

    /** {@code value} finite and ≥ 0 (a noise level, a penalty). */
    public static double nonNegative(double value, String name) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
        }
        return value;
    }

    /** {@code value} finite (not NaN, not ±∞). */
    public static double finite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + value);
        }
        return value;
    }
}
