package dltheory.weightnorm;

import java.util.List;

import dltheory.check.Arguments;
import dltheory.check.Question;

/**
 * The exercises of notebook 04, checked by {@link dltheory.check.Exercise#check(Question, Number)}:
 * each expected value is computed here, so the notebook's check cell names the question and shows
 * neither the answer nor the formula behind it.
 */
public final class WeightNormExercises {

    private WeightNormExercises() {
    }

    /** Exercise 1: ‖u₁‖ after one step (4.8) from u₀ = (3, 4), γ = 2, ∇_w L = (1, 0), α = 0.5. */
    public static final Question EXERCISE_1 = new Question("Exercise 4.1",
            () -> WeightNorm.normAfterStep(new double[] {3, 4}, 2, new double[] {1, 0}, 0.5), 1e-6,
            "the step on u is perpendicular to u₀, so the new length follows from a right triangle; "
                    + "only the part of ∇_w L perpendicular to u₀ survives, scaled by γ/‖u₀‖ and by α");

    /** Exercise 2: ρ for four equicorrelated inputs (c = 0.5) and u = (1, 1, 1, 1). */
    public static final Question EXERCISE_2 = new Question("Exercise 4.2",
            () -> BatchNormLink.predictedScale(Inputs.equicorrelated(4, 0.5), Inputs.constant(4, 1)), 1e-3,
            "the variance of y is the covariance of x seen from both sides through u; write that covariance "
                    + "as an identity part plus an all-ones part and add up the two contributions");

    /** Exercise 3: δ for E[x] = (1, 2, 0), Cov[x] = I and u = (2, −1, 2). */
    public static final Question EXERCISE_3 = new Question("Exercise 4.3",
            () -> BatchNormLink.predictedShift(new double[] {1, 2, 0}, new double[] {2, -1, 2}), 1e-6,
            "y is linear in x, so its mean is y evaluated at the mean input; the shift then measures it "
                    + "in units of the length of u");

    /** Exercises 1 to 3, in order (exercise 4 depends on the notebook's data: {@link #exercise4}). */
    public static final List<Question> ALL = List.of(EXERCISE_1, EXERCISE_2, EXERCISE_3);

    /**
     * Exercise 4: ‖∇ᵤL(3u₀)‖ / ‖∇ᵤL(u₀)‖ for the notebook's logistic regression at (γ₀, β₀), both
     * gradients measured by central differences when the check runs.
     *
     * @param data  the notebook's data set
     * @param u0    the start u₀; not modified
     * @param gamma γ₀
     * @param beta  β₀
     */
    public static Question exercise4(LogisticRegression data, double[] u0, double gamma, double beta) {
        Arguments.notNull(data, "data", "a data set");
        WeightNorm.requireDirection(u0, "u0");
        double[] u = u0.clone();
        return new Question("Exercise 4.4",
                () -> WeightNorm.gradientRatioUnderScaling(v -> data.lossOf(v, gamma, beta), u, 3), 1e-4,
                "differentiate both sides of the invariance under scaling with respect to u; the chain rule on the left "
                        + "brings out one factor of c, and the right side does not change");
    }
}
