package dltheory.birnn;

import static dltheory.check.ExerciseAssertions.slip;

import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dltheory.check.CapturedStdout;
import dltheory.check.Exercise;
import dltheory.check.ExerciseAssertions;
import dltheory.check.Question;
import dltheory.rnn.Activation;

/**
 * Notebook 06's exercise checks ({@link BirnnExercises}) accept the answer written out from the
 * recursion, reject the plausible wrong ones (among them the text's recursion without its direct
 * term), and hint without giving the formula or the answer away.
 */
class BirnnExercisesTest {

    @RegisterExtension
    final CapturedStdout stdout = new CapturedStdout();

    private static final double VF = 1.2;
    private static final double VB = -0.7;
    private static final double UF = -1.0;

    /** The notebook's toy: D = H = K = 1, T = 2, loss at both steps. */
    private static final BidirectionalRnn TOY =
            BidirectionalRnn.scalar(Activation.SIGMOID, 0.5, UF, 0.8, 0.6, VF, VB, 0.0);
    private static final DMatrixRMaj X = BidirectionalRnn.scalarSequence(1.0, -0.5);
    private static final BidirectionalLoss LOSS =
            BidirectionalLoss.everyStep(BidirectionalRnn.scalarSequence(0.5, 0.2));
    private static final BidirectionalPass PASS = TOY.forward(X);
    private static final double HF1 = PASS.hForward(1)[0];
    private static final double HF2 = PASS.hForward(2)[0];
    private static final double HB1 = PASS.hBackward(1)[0];
    private static final double HB2 = PASS.hBackward(2)[0];
    private static final double E1 = PASS.y(1)[0] - 0.5;
    private static final double E2 = PASS.y(2)[0] - 0.2;

    private static List<Question> all() {
        Drawn d = Drawn.longSequence(20190315L);
        return List.of(BirnnExercises.exercise1(TOY, X, LOSS), BirnnExercises.exercise2(TOY, X, LOSS),
                BirnnExercises.exercise3(d.net(), d.x(), d.targets()));
    }

    @Test
    void exerciseOneAcceptsBothTermsAndRejectsEitherAlone() {
        Question q = BirnnExercises.exercise1(TOY, X, LOSS);
        double recurrent = UF * HF2 * (1 - HF2) * VF * E2;
        ExerciseAssertions.assertAcceptsOnly(q, VF * E1 + recurrent,
                slip(recurrent, "the text's (31): no direct term"),
                slip(VF * E1, "the direct term only"),
                slip(VF * E1 + UF * HF1 * (1 - HF1) * VF * E2, "σ′ read at h₁ instead of h₂"),
                slip(VF * E1 + UF * VF * E2, "σ′ left out"));
    }

    @Test
    void exerciseTwoAcceptsTheOneSurvivingProductAndRejectsNearMisses() {
        Question q = BirnnExercises.exercise2(TOY, X, LOSS);
        double delta1 = HB1 * (1 - HB1) * VB * E1;
        ExerciseAssertions.assertAcceptsOnly(q, delta1 * HB2,
                slip(VB * E1 * HB2, "σ′ left out"),
                slip(delta1 * HB1, "h₁⁽ᵇ⁾ instead of h₂⁽ᵇ⁾"),
                slip(delta1 * HB2 + HB2 * (1 - HB2) * VB * E2, "t = 2 multiplied by h₂"));
    }

    @Test
    void exerciseThreeAcceptsTheForwardChainPlusOneAndRejectsBothChainsAndOneChain() {
        Question q = all().get(2);
        ExerciseAssertions.assertAcceptsOnly(q, 41.0,
                slip(40.0, "the forward chain alone"),
                slip(80.0, "every state"),
                slip(2.0, "only the two states at T"));
    }

    @Test
    void everyCheckRejectsWrongAnswersAndPrintsItsHint() {
        ExerciseAssertions.assertEachRejectsWrongAnswers(all());
    }

    @Test
    void hintsExplainTheIdeaWithoutTheFormulaOrTheAnswer() {
        ExerciseAssertions.assertHintsHideAndNames("=|\\(1 − |vF|uF|e1|e2|hb1|hf2|δ₁|41|T \\+ 1", all(),
                "Exercise 6.1", "Exercise 6.2", "Exercise 6.3");
    }
}
