package dltheory.init;

import java.util.List;

import dltheory.check.FunctionQuestion;
import dltheory.check.Question;

/**
 * The exercises of notebook 01, checked by {@link dltheory.check.Exercise}. The expected values are
 * computed here when the check runs, so a check cell names the question and shows neither the
 * answer nor the formula behind it.
 */
public final class InitExercises {

    private InitExercises() {
    }

    /** The fan-in of exercise 1. */
    static final int LEAKY_FAN_IN = 256;

    /**
     * Exercise 1 (a derivation): the weight variance that keeps Var[a⁽ᵗ⁾] constant through
     * leaky-ReLU layers of fan-in 256, as a function of the slope s ∈ [0, 1] of the negative half.
     */
    public static final FunctionQuestion EXERCISE_1 = new FunctionQuestion("Exercise 1.1",
            s -> Theory.criticalWeightVariance(Activation.leakyRelu(s), LEAKY_FAN_IN),
            new double[] {0, 0.01, 0.1, 0.25, 0.5, 1}, 1e-9,
            "split E[g(a)²] over the two halves of a symmetric a: each half holds half of Var[a], "
                    + "and a half that is scaled by a slope keeps that slope squared; then ask the "
                    + "variance condition of step 2 to hold");

    /** Exercise 2 (a derivation): the half-width of He's uniform scheme as a function of the fan-in d. */
    public static final FunctionQuestion EXERCISE_2 = new FunctionQuestion("Exercise 1.2",
            d -> Init.HE_UNIFORM.halfWidth((int) d),
            new double[] {16, 64, 256, 1024}, 1e-9,
            "a uniform law's variance grows with the square of its half-width; find the half-width "
                    + "whose variance is He's");

    /** Exercise 3: the per-layer factor ρ of a ReLU net of width 512 drawn from N(0, 0.05²). */
    public static final Question EXERCISE_3 = new Question("Exercise 1.3",
            () -> Theory.layerFactor(Init.normal(0.05), Activation.RELU, 512), 1e-9,
            "a layer multiplies the variance by how many inputs a unit sums, by the weights' variance, "
                    + "and by the share of the variance that ReLU passes on; a fixed σ does not "
                    + "adapt to the width");

    /** The function exercises, in order. */
    public static final List<FunctionQuestion> FUNCTIONS = List.of(EXERCISE_1, EXERCISE_2);
}
