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
