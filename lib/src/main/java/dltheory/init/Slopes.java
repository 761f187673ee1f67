package dltheory.init;

/**
 * g′(a⁽ᵗ⁾) at every entry of one layer, kept by the forward pass for the backward pass of
 * notebook 01 (δ⁽ᵗ⁾ = g′(a⁽ᵗ⁾) ⊙ ∂L/∂h⁽ᵗ⁾). For a piecewise-linear g (identity, ReLU, leaky ReLU)
 * g′(a) is 1 for a &gt; 0 and the slope s otherwise, so one byte per entry says which; for tanh the
 * values themselves are kept. Either way {@link #at} returns exactly {@link Activation#derivative}.
 */
final class Slopes {

    /** For a piecewise-linear g: 1 where a &gt; 0, else 0; null otherwise. */
    private final byte[] positive;
    /** For any other g: g′(a); null for a piecewise-linear g. */
    private final double[] values;
    /** g′ for a &gt; 0 and for a ≤ 0 (piecewise-linear g only). */
    private final double up;
    private final double down;
    private final Activation g;

    /** Room for {@code size} entries of g′. */
    Slopes(Activation g, int size) {
        this.g = g;
        if (g.positivelyHomogeneous()) {
            positive = new byte[size];
            values = null;
        } else {
            positive = null;
            values = new double[size];
        }
        up = g.derivative(1.0);
        down = g.derivative(0.0);
    }

    /** Records g′(a) at entry k. */
    void set(int k, double a) {
        if (positive != null) {
            positive[k] = (byte) (a > 0 ? 1 : 0);
        } else {
            values[k] = g.derivative(a);
        }
    }

    /** g′(a) at entry k, as recorded by {@link #set}. */
    double at(int k) {
        return positive != null ? (positive[k] != 0 ? up : down) : values[k];
    }
}
