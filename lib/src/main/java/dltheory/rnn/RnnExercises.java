package dltheory.rnn;

import java.util.List;

import org.ejml.data.DMatrixRMaj;

import dltheory.check.Arguments;
import dltheory.check.FunctionQuestion;
import dltheory.check.Question;

/**
 * The exercises of notebook 05, checked by {@link dltheory.check.Exercise}: each expected value or
 * function is computed here, so the notebook's check cell names the question and shows neither the
 * answer nor the formula behind it.
 */
public final class RnnExercises {

    private RnnExercises() {
    }

    /** Exercise 1: the largest ‖W‖ for which Q5.2 guarantees ‖∂h_T/∂h_0‖ ≤ 0.8ᵀ with the sigmoid. */
    public static final Question EXERCISE_1 = new Question("Exercise 5.1",
            () -> VanishingBound.maxSpectralNorm(Activation.SIGMOID, 0.8), 1e-9,
            "the condition on the eigenvalue is a condition on the spectral norm once you take a square "
                    + "root; then it depends only on the steepest slope of the sigmoid, which it reaches at 0");

    /** Exercise 2: the smallest T for which δᵀ with δ = 0.9 is at most 10⁻³. */
    public static final Question EXERCISE_2 = new Question("Exercise 5.2",
            () -> VanishingBound.stepsBelow(0.9, 1e-3), Question.WHOLE_NUMBER,
            "the bound loses the same factor at every step; take logarithms, mind the sign of the "
                    + "logarithm of a number below 1, and remember that T is a whole number of steps");

    /** The horizon over which exercise 3's reference measures the per-step rate. */
    static final int RATE_HORIZON = 20;

    /** The clipping thresholds exercise 4 asks about, with α = 10⁻³ and 100 steps from w₀ = 1.2. */
    static final double[] THRESHOLDS = {1, 10, 100, 1000};

    /** Exercise 4's convergence criterion: L(w₁₀₀) below this. */
    static final double CONVERGED = 1e-10;

    /**
     * Exercise 4 (a small experiment): the largest of the clipping thresholds θ = 1, 10, 100, 1000
     * for which the clipped descent of notebook 05 (T = 20, h₀ = 1, y = 2, w₀ = 1.2, α = 10⁻³,
     * 100 steps) ends with L(w₁₀₀) &lt; 10⁻¹⁰; the runs are made when the check runs.
     */
    public static final Question EXERCISE_4 = new Question("Exercise 5.4",
            RnnExercises::largestConvergingThreshold, Question.WHOLE_NUMBER,
            "run the descent once per threshold and read the loss at the last step; a clipped step can "
                    + "never be longer than α times the threshold, which is too short for some thresholds "
                    + "and too long for others");

    /** Exercises 1, 2 and 4, the ones that do not depend on the notebook's matrices. */
    public static final List<Question> ALL = List.of(EXERCISE_1, EXERCISE_2, EXERCISE_4);

    /**
     * Exercise 3: the per-step rate ‖∂h_T/∂h_0‖^{1/T} of the tanh net with recurrent matrix W at the
     * fixed point h* = c·1, as a function of c, measured on the net over {@value #RATE_HORIZON} steps.
     *
     * @param W the notebook's W = 1.5·Q, square; not modified
     */
    public static FunctionQuestion exercise3(DMatrixRMaj W) {
        Arguments.finite(Arguments.square(W, "W"), "W");
        DMatrixRMaj w = W.copy();
        return new FunctionQuestion("Exercise 5.3", c -> fixedPointRate(w, c),
                new double[] {-2, -0.5, 0, 0.3, 1, 2.5}, 1e-6,
                "at a fixed point every step has the same Jacobian: W times the slope of tanh at c; "
                        + "an orthogonal matrix changes no length, and the slope of tanh can be written "
                        + "through tanh itself");
    }

    /**
     * Exercise 3, second part: the c &gt; 0 at which the per-step rate at h* = c·1 falls to 1, found by
     * bisection on the measured rate.
     *
     * @param W the notebook's W = 1.5·Q, square, with rate &gt; 1 at c = 0; not modified
     */
    public static Question exercise3Threshold(DMatrixRMaj W) {
        Arguments.finite(Arguments.square(W, "W"), "W");
        DMatrixRMaj w = W.copy();
        return new Question("Exercise 5.3, threshold", () -> rateOneAt(w), 1e-4,
                "set your rate equal to 1 and solve for c; tanh⁻¹ (atanh) undoes tanh");
    }

    /** The measured per-step rate of the tanh net at h* = c·1. */
    static double fixedPointRate(DMatrixRMaj W, double c) {
        return JacobianExperiments.atFixedPoint("h* = c·1", W, Activation.TANH,
                Recurrences.uniformState(W.numRows, c), RATE_HORIZON).rate();
    }

    /** The c &gt; 0 where {@link #fixedPointRate} crosses 1 (the rate falls as |c| grows). */
    static double rateOneAt(DMatrixRMaj W) {
        double lo = 0;
        double hi = 10;
        double atLo = fixedPointRate(W, lo);
        double atHi = fixedPointRate(W, hi);
        Arguments.that(atLo > 1 && atHi < 1, "W", "give a rate > 1 at c = 0 and < 1 at c = 10", atLo + " and " + atHi);
        for (int i = 0; i < 30; i++) {
            double mid = 0.5 * (lo + hi);
            if (fixedPointRate(W, mid) > 1) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** The clipped run of exercise 4 with threshold θ. */
    static Clipping.Run exercise4Run(double threshold) {
        return Clipping.descend(1.2, 1, 20, 2, 1e-3, threshold, 100);
    }

    /** The largest of {@link #THRESHOLDS} whose run converges; NaN when none does. */
    static double largestConvergingThreshold() {
        double best = Double.NaN;
        for (double theta : THRESHOLDS) {
            Clipping.Run run = exercise4Run(theta);
            if (run.steps() == 100 && run.finalLoss() < CONVERGED) {
                best = theta;
            }
        }
        return best;
    }
}
