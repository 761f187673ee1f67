package dltheory.dropout;

import static dltheory.check.ExerciseAssertions.slip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dltheory.check.CapturedStdout;
import dltheory.check.Exercise;
import dltheory.check.ExerciseAssertions;
import dltheory.check.Question;
import dltheory.linalg.Vectors;
import dltheory.random.Seeded;

/**
 * Notebook 02's exercise checks ({@link DropoutExercises}) accept the answer worked out by hand,
 * reject the plausible wrong ones (rows for columns, p for 1 − p, a missing factor), and hint
 * without the formula; the exact mask average and the ridge search behind them are tested against
 * the closed forms.
 */
class DropoutExercisesTest {

    @RegisterExtension
    final CapturedStdout stdout = new CapturedStdout();

    @Test
    void exerciseOneAcceptsLambdaTimesTheSquaredNormAndRejectsNearMisses() {
        // λ = (1 − 0.8)/0.8 = 1/4, λ_L2 = λ·c = 25
        Question q = DropoutExercises.EXERCISE_1;
        ExerciseAssertions.assertAcceptsOnly(q, 25.0,
                slip(0.25, "λ without the factor c"),
                slip(400.0, "p/(1 − p) instead of (1 − p)/p"),
                slip(20.0, "(1 − p)·c"),
                slip(16.0, "p(1 − p)·c, the factor of (4)"),
                slip(2.5, "λ·√c"));
    }

    @Test
    void exerciseTwoAcceptsTheColumnFormAndRejectsRowsSwappedPAndAMissingPenalty() {
        // pXw = 0.8·(5, 11) = (4, 8.8), ‖y − pXw‖² = 9 + 60.84 = 69.84;
        // column norms 10 and 20: p(1 − p)(10·1 + 20·4) = 0.16·90 = 14.4
        Question q = DropoutExercises.EXERCISE_2;
        ExerciseAssertions.assertAcceptsOnly(q, 84.24,
                slip(69.84, "no penalty"),
                slip(69.84 + 0.16 * (5 * 1 + 25 * 4), "row norms 5 and 25 for column norms"),
                slip(1.44 + 14.4, "1 − p in the fit term instead of p"),
                slip(69.84 + 0.64 * 90, "p² instead of p(1 − p)"),
                slip(116 + 14.4, "‖y − Xw‖² without p"));
    }

    @Test
    void exerciseThreeAcceptsPAndRejectsOtherFunctionsOfP() {
        ExerciseAssertions.assertAcceptsOnly(DropoutExercises.EXERCISE_3, r -> r,
                slip(r -> 1 - r, "the drop probability 1 − p"),
                slip(r -> r * r, "p²"),
                slip(r -> 1 / (1 + r), "1/(1 + p)"),
                slip(r -> (1 - r) / r, "the penalty's factor (1 − p)/p"),
                slip(r -> 1, "no scaling"),
                slip(r -> r * (1 - r), "the variance factor p(1 − p)"));
    }

    @Test
    void exerciseFourAcceptsLambdaAndRejectsTheUninvertedFactorAndOtherSlips() {
        ExerciseAssertions.assertAcceptsOnly(DropoutExercises.EXERCISE_4, r -> (1 - r) / r,
                slip(r -> r * (1 - r), "the factor p(1 − p) not divided by p²"),
                slip(r -> (1 - r) / (r * r), "divided by p² once too often"),
                slip(r -> 1 - r, "1 − p"),
                slip(r -> r / (1 - r), "the factor inverted"),
                slip(r -> 1 / r, "1/p"),
                slip(r -> (1 - r) / r / 2, "a half from the square's derivative"));
    }

    @Test
    void unansweredExercisesSayNotAnsweredYetAndWrongOnesPrintTheirHint() {
        assertFalse(Exercise.isRight(DropoutExercises.EXERCISE_1, null));
        assertFalse(Exercise.isRight(DropoutExercises.EXERCISE_3, null));
        assertTrue(stdout.text().contains("Exercise 2.1: not answered yet"), stdout.text());
        assertFalse(Exercise.isRight(DropoutExercises.EXERCISE_2, 1.0));
        assertTrue(stdout.text().contains("Hint: split the expected loss"), stdout.text());
        ExerciseAssertions.assertEachRejectsWrongAnswers(DropoutExercises.EXERCISE_1, DropoutExercises.EXERCISE_2);
    }

    @Test
    void hintsExplainTheIdeaWithoutTheFormulaOrTheAnswer() {
        ExerciseAssertions.assertHintsHide("\\(1 ?[−-] ?p\\)|/ ?p|λ|=|p²|[0-9]|Γ²",
                DropoutExercises.EXERCISE_1.hint(), DropoutExercises.EXERCISE_2.hint(),
                DropoutExercises.EXERCISE_3.hint(), DropoutExercises.EXERCISE_4.hint());
        assertEquals(List.of(DropoutExercises.EXERCISE_1.name(), DropoutExercises.EXERCISE_2.name(),
                DropoutExercises.EXERCISE_3.name(), DropoutExercises.EXERCISE_4.name()), DropoutExercises.NAMES);
    }

    @Test
    void theAverageOverEveryMaskIsTheExpectedLossOfEquationFour() {
        for (long seed = 1; seed <= 5; seed++) {
            int n = 1 + (int) (seed % 3);
            int d = 1 + (int) ((seed + 1) % 4);
            DMatrixRMaj X = Seeded.normal(n, d, 0, 1, Seeded.rng(seed, "X"));
            double[] y = Seeded.normal(n, 0, 1, Seeded.rng(seed, "y"));
            double[] w = Seeded.normal(d, 0, 1, Seeded.rng(seed, "w"));
            for (double p : new double[] {0.1, 0.5, 0.9, 1.0}) {
                double exact = EveryMask.meanLoss(X, y, w, p, false);
                assertEquals(DropoutRegression.expectedLoss(X, y, w, p), exact, 1e-10 * (1 + exact));
            }
        }
        assertThrows(IllegalArgumentException.class,
                () -> EveryMask.meanLoss(new DMatrixRMaj(5, 5), new double[5], new double[5], 0.5, false));
    }

    @Test
    void invertedDropoutKeepsTheMeanPredictionAndChangesOnlyThePenalty() {
        DMatrixRMaj X = Seeded.normal(3, 2, 0, 1, Seeded.rng(7, "X"));
        double[] y = Seeded.normal(3, 0, 1, Seeded.rng(7, "y"));
        double[] w = Seeded.normal(2, 0, 1, Seeded.rng(7, "w"));
        double p = 0.6;
        // inverted dropout on w is plain dropout on w/p
        assertEquals(EveryMask.meanLoss(X, y, Vectors.scale(1 / p, w), p, false),
                EveryMask.meanLoss(X, y, w, p, true), 1e-12);
    }

    @Test
    void theClosestRidgeIsExactOnEqualColumnsAndOnlyApproximateOtherwise() {
        RegressionData d = RegressionData.synthetic(60, 4, 0.5, Seeded.rng(3, "data"));
        RegressionData equal = d.withColumnSquaredNorms(60);
        for (double p : new double[] {0.2, 0.5, 0.9}) {
            RidgeMatch m = RidgeComparison.closestRidge(equal.X(), equal.y(), p);
            assertEquals(DropoutRegression.lambda(p) * 60, m.lambdaL2(), 1e-6 * m.lambdaL2());
            assertTrue(m.distance() < 1e-9, "distance " + m.distance());
        }
        RegressionData scaled = d.withColumnScaled(0, 5).withColumnScaled(2, 0.2);
        RidgeMatch m = RidgeComparison.closestRidge(scaled.X(), scaled.y(), 0.5);
        assertTrue(m.relative() > 0.05, "relative distance " + m.relative());
        for (double factor : new double[] {0.9, 1.1, 0.5, 2, 10}) {
            assertTrue(DropoutRegression.gapToRidge(scaled.X(), scaled.y(), 0.5, factor * m.lambdaL2())
                    >= m.distance(), "λ_L2 · " + factor);
        }
    }
}
