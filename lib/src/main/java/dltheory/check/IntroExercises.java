package dltheory.check;

import java.util.List;

/** The exercises of notebook 00 (the introduction), checked by {@link Exercise#check(Question, Number)}. */
public final class IntroExercises {

    private IntroExercises() {
    }

    /** Exercise 1: a mean of 400 draws of N(0, 4). */
    public static final Question EXERCISE_1 = new Question("Exercise 0.1",
            () -> MonteCarlo.tolerance(Math.sqrt(4.0), 400, 1.0), 1e-9,
            "a mean of n independent draws spreads less than one draw, by a factor that grows like the "
                    + "square root of n; start from the spread of a single draw, whose variance is 4");

    /** Exercise 2: the sample size for a four-standard-error tolerance of 0.01. */
    public static final Question EXERCISE_2 = new Question("Exercise 0.2",
            () -> smallestSampleFor(0.01), Question.WHOLE_NUMBER,
            "the notebooks accept a Monte Carlo mean within four of its standard errors; ask for that band "
                    + "to be no wider than 0.01 on each side and find where this first holds as n grows");

    /** All of them, in order. */
    public static final List<Question> ALL = List.of(EXERCISE_1, EXERCISE_2);

    /** The smallest n with {@link MonteCarlo#K} standard errors of a mean of N(0, 1) draws ≤ {@code tol}. */
    static double smallestSampleFor(double tol) {
        long n = (long) Math.floor(Math.pow(MonteCarlo.K / tol, 2));
        while (MonteCarlo.tolerance(1.0, n) > tol) {
            n++;
        }
        while (n > 1 && MonteCarlo.tolerance(1.0, n - 1) <= tol) {
            n--;
        }
        return n;
    }
}
