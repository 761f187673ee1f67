package dltheory.optim;

/** Argument checks shared by the optimizers of notebook 03; each names the argument and its range. */
final class Args {

    private Args() {
    }

    /** A decay rate (α, β, β₁, β₂) must lie in [0, 1). */
    static double decay(double value, String name) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
        }
        return value;
    }

    /** A step size (ε, δ, η) must be finite and > 0. */
    static double positive(double value, String name) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
        return value;
    }

    /** A non-negative finite number (Adam's ε̂, a noise level σ). */
    static double nonNegative(double value, String name) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
        }
        return value;
    }

    /** A count that must be at least {@code min}. */
    static int atLeast(int value, int min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
        }
        return value;
    }

    /** A finite number. */
    static double finite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + value);
        }
        return value;
    }

    /** A gradient vector of the expected length (the first call fixes the length). */
    static void gradient(double[] g, int expected) {
        if (g == null || g.length == 0) {
            throw new IllegalArgumentException("g must be a non-empty vector");
        }
        if (expected >= 0 && g.length != expected) {
            throw new IllegalArgumentException("g must have length " + expected + " (as at the first step), got " + g.length);
        }
    }
}
