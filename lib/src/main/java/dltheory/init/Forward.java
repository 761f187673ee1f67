package dltheory.init;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;

/**
 * The forward variance sweep of notebook 01 (Q1): draw a deep fully-connected net of constant
 * width d from an {@link Init}, push a batch of standardized inputs through it, and record
 * E[a⁽ᵗ⁾], Var[a⁽ᵗ⁾], E[h⁽ᵗ⁾], Var[h⁽ᵗ⁾] at every layer t = 1…L.
 */
public final class Forward {

    private Forward() {
    }

    /**
     * Draws n inputs x ~ N(0, I_d), then W⁽¹⁾ … W⁽ᴸ⁾ from {@code init}, all from {@code rng}, and
     * returns the per-layer statistics of a⁽ᵗ⁾ = W⁽ᵗ⁾h⁽ᵗ⁻¹⁾ + c and h⁽ᵗ⁾ = g(a⁽ᵗ⁾).
     *
     * @param init  the weight law and bias
     * @param g     the activation
     * @param depth L ≥ 1
     * @param width d ≥ 2 (standard errors come from the spread across units)
     * @param batch n ≥ 2
     * @param rng   the experiment's generator
     */
    public static Sweep sweep(Init init, Activation g, int depth, int width, int batch, Random rng) {
        Net.requireArguments(init, g, depth, width, rng);
        DMatrixRMaj x = Net.standardInputs(width, batch, rng);
        return Net.draw(init, g, depth, width, rng).forward(x, null);
    }

    /**
     * {@link #sweep(Init, Activation, int, int, int, Random)} with the activation given by name
     * ({@code identity}, {@code relu}, {@code tanh}, {@code leaky-relu:s}).
     *
     * @throws IllegalArgumentException for an unknown activation name
     */
    public static Sweep sweep(Init init, String activation, int depth, int width, int batch, Random rng) {
        return sweep(init, Activation.named(activation), depth, width, batch, rng);
    }
}
