package dltheory.rnn;

import static dltheory.check.ExerciseAssertions.slip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dltheory.check.CapturedStdout;
import dltheory.check.Exercise;
import dltheory.check.ExerciseAssertions;
import dltheory.check.FunctionQuestion;
import dltheory.check.Question;
import dltheory.random.Seeded;

/**
 * Notebook 05's exercise checks ({@link RnnExercises}) accept the right answer worked out by hand,
 * reject plausible wrong ones, and hint without giving the formula or the answer away.
 */
class RnnExercisesTest {

    @RegisterExtension
    final CapturedStdout stdout = new CapturedStdout();

    /** The notebook's W = 1.5·Q (n = 32), drawn as in its section 3. */
    private static final DMatrixRMaj W =
            SpectralMatrices.scaledOrthogonal(32, 1.5, Seeded.rng(20190315L, "q5.3"));

    private static List<Question> numeric() {
        List<Question> all = new ArrayList<>(RnnExercises.ALL);
        all.add(RnnExercises.exercise3Threshold(W));
        return all;
    }

    @Test
    void exerciseOneAcceptsFourDeltaAndRejectsDeltaAndItsSquare() {
        Question q = RnnExercises.EXERCISE_1;
        ExerciseAssertions.assertAcceptsOnly(q, 3.2,
                slip(0.8, "γ forgotten (the tanh value)"),
                slip(0.2, "δγ instead of δ/γ"),
                slip(10.24, "the eigenvalue bound δ²/γ², not the norm"));
    }

    @Test
    void exerciseTwoAcceptsSixtySixAndRejectsOneStepShortAndTheUnroundedRatio() {
        // 0.9⁶⁵ = 1.04·10⁻³ > 10⁻³ ≥ 0.9⁶⁶ = 9.4·10⁻⁴
        assertTrue(Math.pow(0.9, 65) > 1e-3 && Math.pow(0.9, 66) <= 1e-3);
        Question q = RnnExercises.EXERCISE_2;
        ExerciseAssertions.assertAcceptsOnly(q, 66.0,
                slip(65.0, "rounded down"),
                slip(Math.log(1e-3) / Math.log(0.9), "65.56…, not rounded up"),
                slip(-66.0, "sign of ln 0.9"),
                slip(7.0, "log base 10 of 10³ over…"));
    }

    @Test
    void exerciseThreeAcceptsTheSlopeTimesTheNormAndRejectsNearMisses() {
        FunctionQuestion q = RnnExercises.exercise3(W);
        DoubleUnaryOperator right = c -> 1.5 * (1 - Math.tanh(c) * Math.tanh(c));
        ExerciseAssertions.assertAcceptsOnly(q, right,
                slip(c -> 1 - Math.tanh(c) * Math.tanh(c), "‖W‖ forgotten"),
                slip(c -> 1.5 / Math.cosh(c), "sech instead of sech²"),
                slip(c -> 1.5 * (1 - c * c), "1 − c² instead of 1 − tanh²c"),
                slip(c -> 1.5, "the bound, not the rate"));
        assertFalse(Exercise.isRight(q, (DoubleUnaryOperator) null));
    }

    @Test
    void exerciseThreeThresholdAcceptsAtanhOfOneOverRootThree() {
        // 1.5 (1 − tanh²c) = 1  ⇔  tanh c = 1/√3
        Question q = RnnExercises.exercise3Threshold(W);
        double c = 0.5 * Math.log((1 + 1 / Math.sqrt(3)) / (1 - 1 / Math.sqrt(3)));
        ExerciseAssertions.assertAcceptsOnly(q, c,
                slip(1 / Math.sqrt(3), "tanh c instead of c"),
                slip(0.5 * Math.log((1 + 2.0 / 3) / (1 - 2.0 / 3)), "tanh c = 2/3"));
    }

    @Test
    void exerciseFourAcceptsHundredBecauseTenConvergesAndThousandStalls() {
        // the runs themselves: θ = 1 is too slow (0.001 per step), θ = 1000 jumps to w ≈ 0.2 and stalls
        assertTrue(RnnExercises.exercise4Run(1).finalLoss() > 1e-3);
        assertTrue(RnnExercises.exercise4Run(10).finalLoss() < 1e-10);
        assertTrue(RnnExercises.exercise4Run(100).finalLoss() < 1e-10);
        assertTrue(RnnExercises.exercise4Run(1000).finalLoss() > 1);
        Question q = RnnExercises.EXERCISE_4;
        ExerciseAssertions.assertAcceptsOnly(q, 100.0,
                slip(10.0, "the notebook's θ"),
                slip(1000.0, "larger is not always safer"));
        assertFalse(Exercise.isRight(q, 1.0));
    }

    @Test
    void everyCheckRejectsWrongAnswersAndPrintsItsHint() {
        ExerciseAssertions.assertEachRejectsWrongAnswers(numeric());
    }

    @Test
    void hintsExplainTheIdeaWithoutTheFormulaOrTheAnswer() {
        List<String> hints = new ArrayList<>(numeric().stream().map(Question::hint).toList());
        hints.add(RnnExercises.exercise3(W).hint());
        ExerciseAssertions.assertHintsHide("δ/γ|δ²/γ²|3\\.2|66|ln|1 − tanh|tanh²|1\\.5|0\\.658|100|=", hints);
        assertEquals(List.of("Exercise 5.1", "Exercise 5.2", "Exercise 5.4", "Exercise 5.3, threshold"),
                numeric().stream().map(Question::name).toList());
    }
}
