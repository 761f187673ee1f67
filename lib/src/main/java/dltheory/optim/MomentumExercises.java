package dltheory.optim;

import java.util.List;

import dltheory.check.Arguments;
import dltheory.check.FunctionQuestion;
import dltheory.check.Question;

/**
 * The exercises of notebook 03, checked by {@link dltheory.check.Exercise}. The expected values are
 * computed here when the check runs, so a check cell names the question and shows neither the
 * answer nor the formula behind it.
 */
public final class MomentumExercises {

    private MomentumExercises() {
    }

    /** Exercise 1: the momentum step ε that matches a running average with β = 0.99, δ = 2. */
    public static final Question EXERCISE_1 = new Question("Exercise 3.1",
            () -> Averages.matchingEpsilon(0.99, 2.0), 1e-9,
            "write one step of each method as a multiple of the newest gradient plus a multiple of the "
                    + "previous step, and make both multiples agree");

    /** Exercise 2: the first n at which the uncorrected average with β = 0.999 is within 1 % of the mean. */
    public static final Question EXERCISE_2 = new Question("Exercise 3.2",
            () -> Averages.stepsUntilBiasBelow(0.999, 0.01), Question.WHOLE_NUMBER,
            "the relative bias of section 3 shrinks by the same factor at every step; find where it "
                    + "first reaches 1 %, and remember that n is a whole number of steps");

    /** Exercise 3 (a derivation): Adam's uncorrected step over its corrected one, β₁ = 0.9, β₂ = 0.999. */
    public static final FunctionQuestion EXERCISE_3 = new FunctionQuestion("Exercise 3.3",
            t -> Adam.uncorrectedStepRatio(0.9, 0.999, (int) t),
            new double[] {1, 2, 5, 12, 100, 1000, 5000}, 1e-9,
            "with a constant gradient each raw average is that gradient times its own bias factor, and "
                    + "the corrected step divides both factors out; see which of them is left under a "
                    + "square root");

    /** The start v₀, the mean μ and the β of exercise 4. */
    static final double START = 1.0;
    static final double MEAN = 2.0;
    static final double BETA = 0.9;

    /**
     * Exercise 4 (a derivation beyond the text): E[v_n] for a running average with β = 0.9 started
     * at v₀ = 1 instead of 0, on gradients of mean μ = 2, as a function of n.
     */
    public static final FunctionQuestion EXERCISE_4 = new FunctionQuestion("Exercise 3.4",
            n -> meanFromStart(BETA, START, MEAN, (int) n),
            new double[] {1, 2, 3, 5, 10, 30, 100}, 1e-9,
            "unroll the recursion as in section 2, keeping v₀: the start's weight shrinks by the same "
                    + "factor at every step, and the weights of the gradients add up to what the start "
                    + "has lost");

    /** The function exercises, in order. */
    public static final List<FunctionQuestion> FUNCTIONS = List.of(EXERCISE_3, EXERCISE_4);

    /**
     * E[v_n] of the running average v_t = βv_{t−1} + (1 − β)g_t started at v₀, for gradients of
     * mean μ: by linearity of expectation, the recursion run on the constant stream g_t = μ.
     *
     * @param n n ≥ 0
     */
    static double meanFromStart(double beta, double v0, double mu, int n) {
        Arguments.inClosedOpen(beta, 0, 1, "beta");
        Arguments.atLeast(n, 0, "n");
        double v = v0;
        for (int t = 1; t <= n; t++) {
            v = beta * v + (1 - beta) * mu;
        }
        return v;
    }
}
