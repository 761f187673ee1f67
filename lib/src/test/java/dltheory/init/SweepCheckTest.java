package dltheory.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dltheory.check.CapturedStdout;

/** The check helpers that let one notebook cell check several nets: they pass on true claims and throw on false ones. */
class SweepCheckTest {

    private static final long SEED = 20190315L;
    private static final int DEPTH = 10;
    private static final int WIDTH = 64;
    private static final int BATCH = 128;

    @RegisterExtension
    final CapturedStdout stdout = new CapturedStdout();

    @Test
    void checkVarianceAndMeanPrintsTwoLinesPerSweepInOrder() {
        double k = Sweep.worstOfLayersK(DEPTH);
        Sweep he = Forward.sweep(Init.HE_NORMAL, Activation.RELU, DEPTH, WIDTH, BATCH, new Random(SEED));
        Sweep linear = Forward.sweep(Init.LINEAR_UNIFORM, Activation.IDENTITY, DEPTH, WIDTH, BATCH, new Random(SEED + 1));
        Sweep.checkVarianceAndMean(k, he, linear);
        String[] lines = stdout.text().strip().split("\n");
        assertEquals(4, lines.length, stdout.text());
        assertTrue(lines[0].startsWith("✓ " + he.label() + ": Var[a"), lines[0]);
        assertTrue(lines[1].startsWith("✓ E[a") && lines[1].contains(he.label()), lines[1]);
        assertTrue(lines[2].startsWith("✓ " + linear.label() + ": Var[a"), lines[2]);
        assertTrue(lines[3].startsWith("✓ E[a") && lines[3].contains(linear.label()), lines[3]);
    }

    @Test
    void checkVarianceAndMeanThrowsWhenEitherClaimFails() {
        double k = Sweep.worstOfLayersK(DEPTH);
        Sweep s = Forward.sweep(Init.HE_NORMAL, Activation.RELU, DEPTH, WIDTH, BATCH, new Random(SEED));
        double[] wrongPrediction = Arrays.stream(s.predictedVarA()).map(v -> 100 * v).toArray();
        Sweep wrongVariance = new Sweep(s.init(), s.activation(), s.depth(), s.width(), s.batch(), s.c(), s.meanA(),
                s.varA(), s.seMeanA(), s.relSeVarA(), s.meanH(), s.varH(), wrongPrediction, s.samples());
        assertThrows(AssertionError.class, () -> Sweep.checkVarianceAndMean(k, s, wrongVariance));
        double shift = 100 * Arrays.stream(s.seMeanA()).max().orElseThrow();
        Sweep wrongMean = new Sweep(s.init(), s.activation(), s.depth(), s.width(), s.batch(), s.c() + shift, s.meanA(),
                s.varA(), s.seMeanA(), s.relSeVarA(), s.meanH(), s.varH(), s.predictedVarA(), s.samples());
        assertThrows(AssertionError.class, () -> Sweep.checkVarianceAndMean(k, wrongMean));
    }

    @Test
    void checkVarianceAndMeanNeedsASweep() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sweep.checkVarianceAndMean(5));
        assertTrue(e.getMessage().contains("sweeps"), e.getMessage());
    }

    @Test
    void estimateCheckPassesWithinKStandardErrorsAndThrowsBeyond() {
        Estimate e = new Estimate(1.0, 0.1);
        e.check(1.39, 4, "inside");
        assertTrue(stdout.text().startsWith("✓ inside"), stdout.text());
        assertThrows(AssertionError.class, () -> e.check(1.41, 4, "outside"));
    }
}
