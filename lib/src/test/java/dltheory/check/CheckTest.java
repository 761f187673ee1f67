package dltheory.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CheckTest {

    @RegisterExtension
    final CapturedStdout stdout = new CapturedStdout();

    private String printed() {
        return stdout.text();
    }

    @Test
    void closePrintsATickLineWithBothNumbers() {
        Check.close(1.0132, 1.0, 0.05, "Var[a⁽⁵⁰⁾]");
        assertEquals("✓ Var[a⁽⁵⁰⁾] = 1.013 ≈ 1 (tol 0.05)\n", printed());
    }

    @Test
    void texScriptsInTheDescriptionPrintAsUnicode() {
        Check.atMost(0.5, 1, "‖u_{t+1}‖ / δ^T");
        assertEquals("✓ ‖uₜ₊₁‖ / δᵀ = 0.5 ≤ 1\n", printed());
    }

    @Test
    void closeThrowsWithBothNumbersWhenTheClaimFails() {
        AssertionError e = assertThrows(AssertionError.class, () -> Check.close(1.2, 1.0, 0.05, "Var"));
        assertTrue(e.getMessage().contains("1.2") && e.getMessage().contains("0.05"), e.getMessage());
        assertTrue(e.getMessage().startsWith("✗ Var"), e.getMessage());
    }

    @Test
    void relativeAndBoundChecks() {
        Check.closeRelative(100.5, 100, 0.01, "x");
        assertThrows(AssertionError.class, () -> Check.closeRelative(102, 100, 0.01, "x"));
        Check.atMost(0.5, 0.5, "‖J‖");
        assertThrows(AssertionError.class, () -> Check.atMost(0.6, 0.5, "‖J‖"));
        Check.atLeast(2, 1, "‖u‖");
        assertThrows(AssertionError.class, () -> Check.atLeast(0, 1, "‖u‖"));
        Check.that(true, "claim", "seen");
        assertThrows(AssertionError.class, () -> Check.that(false, "claim", "seen"));
        assertThrows(IllegalArgumentException.class, () -> Check.close(1, 1, -1, "x"));
    }

    @Test
    void standardErrorCheckCountsStandardErrors() {
        Check.withinStandardErrors(1.03, 0.01, 1.0, 4, "mean");
        assertTrue(printed().contains("3 SE"), printed());
        assertThrows(AssertionError.class, () -> Check.withinStandardErrors(1.05, 0.01, 1.0, 4, "mean"));
    }

    @Test
    void centralDifferenceIsSecondOrderAccurate() {
        ToDoubleFunction<double[]> f = x -> Math.sin(x[0]) * Math.exp(x[1]);
        double[] x = {0.3, -0.2};
        double[] exact = {Math.cos(0.3) * Math.exp(-0.2), Math.sin(0.3) * Math.exp(-0.2)};
        double errCoarse = Gradients.relativeError(exact, Gradients.centralDifference(f, x, 1e-2));
        double errFine = Gradients.relativeError(exact, Gradients.centralDifference(f, x, 1e-3));
        // halving h by 10 divides an O(h²) error by about 100
        assertTrue(errCoarse / errFine > 50 && errCoarse / errFine < 200, errCoarse + " / " + errFine);
        assertTrue(Gradients.relativeError(exact, Gradients.centralDifference(f, x)) < 1e-9);
    }

    @Test
    void gradientCheckAcceptsTheRightGradientAndRejectsAWrongOne() {
        ToDoubleFunction<double[]> f = x -> x[0] * x[0] + 3 * x[0] * x[1];
        double[] x = {1.5, -2};
        Check.gradient(f, new double[] {2 * 1.5 + 3 * -2, 3 * 1.5}, x, 1e-8, "∇f");
        assertThrows(AssertionError.class, () -> Check.gradient(f, new double[] {2 * 1.5, 3 * 1.5}, x, 1e-6, "∇f"));
    }

    @Test
    void relativeErrorOfZeroVectorsIsZero() {
        assertEquals(0, Gradients.relativeError(new double[2], new double[2]));
        assertEquals(1, Gradients.relativeError(new double[] {1, 0}, new double[] {0, 0}));
    }

    @Test
    void statsMatchTheTextbookFormulas() {
        Stats s = Stats.of(new double[] {2, 4, 4, 4, 5, 5, 7, 9});
        assertEquals(5, s.mean(), 1e-15);
        assertEquals(32.0 / 7, s.variance(), 1e-12);
        assertEquals(Math.sqrt(32.0 / 7 / 8), s.standardError(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Stats.of(new double[] {1}));
    }

    @Test
    void monteCarloToleranceIsKSigmaOverRootN() {
        assertEquals(4 * 2 / 10.0, MonteCarlo.tolerance(2, 100), 1e-15);
        assertEquals(2 * Math.sqrt(2.0 / 99), MonteCarlo.varianceStandardError(2, 100), 1e-15);
        var e = assertThrows(IllegalArgumentException.class, () -> MonteCarlo.tolerance(1, 0));
        assertTrue(e.getMessage().contains("n must be >= 1"));
    }

    @Test
    void exerciseSaysNotAnsweredRightOrWrong() {
        assertFalse(Exercise.isRight("E1", null, 0.5, 1e-9, "hint"));
        assertTrue(Exercise.isRight("E1", 0.5, 0.5, 1e-9, "hint"));
        assertFalse(Exercise.isRight("E1", 0.4, 0.5, 1e-9, "think of ½"));
        String p = printed();
        assertTrue(p.contains("E1: not answered yet"), p);
        assertTrue(p.contains("✓ E1"), p);
        assertTrue(p.contains("✗ E1") && p.contains("think of ½"), p);
    }

    @Test
    void functionExerciseComparesAtEveryPoint() {
        double[] pts = {0.1, 1, 10};
        assertTrue(Exercise.isRight("E2", x -> 2 / x, x -> 2 / x, pts, 1e-12, "h"));
        assertFalse(Exercise.isRight("E2", x -> 1 / x, x -> 2 / x, pts, 1e-12, "h"));
        assertFalse(Exercise.isRight("E2", null, x -> 2 / x, pts, 1e-12, "h"));
    }

    @Test
    void functionQuestionChecksAtItsPointsAndRejectsBadPoints() {
        var q = new FunctionQuestion("E3", x -> x * x, new double[] {-1, 0.5, 3}, 1e-9, "square it");
        assertTrue(Exercise.isRight(q, x -> x * x));
        assertFalse(Exercise.isRight(q, x -> x * Math.abs(x)), "differs at x = -1 only");
        assertFalse(Exercise.isRight(q, null));
        assertTrue(printed().contains("square it"), printed());
        var empty = assertThrows(IllegalArgumentException.class,
                () -> new FunctionQuestion("E", x -> x, new double[0], 0, "h"));
        assertTrue(empty.getMessage().contains("points"), empty.getMessage());
        var tol = assertThrows(IllegalArgumentException.class,
                () -> new FunctionQuestion("E", x -> x, new double[] {1}, -1, "h"));
        assertTrue(tol.getMessage().contains("relTol must be >= 0"), tol.getMessage());
    }
}
