package dltheory.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dltheory.check.CapturedStdout;
import tech.tablesaw.api.Table;

/** The tables and check helpers the notebook calls. */
class ReportingTest {

    private static final long SEED = 20190320L;
    @RegisterExtension
    final CapturedStdout stdout = new CapturedStdout();

    @Test
    void checkClaimsPrintsTwoTickLinesPerNOnATrueClaim() {
        AverageBias b = AverageBias.simulate(0.9, new NoisyGradient(1.0, 1.0), 50, 2000, new Random(SEED));
        b.checkClaims(4, 1, 10, 50);
        String printed = stdout.text();
        assertEquals(6, printed.lines().filter(l -> l.startsWith("✓")).count(), printed);
    }

    @Test
    void varianceCheckRejectsAFormulaWithoutTheStartUpFactor() {
        // σ²(1 − β)/(1 + β), the stationary variance, misses the factor (1 − β²ⁿ): at n = 1 it is
        // 5.3 times the true (1 − β)²σ². Feeding the check a stream whose σ² is 1.21 times the
        // simulated one (a 10 % error in σ) must fail too.
        AverageBias b = AverageBias.simulate(0.9, new NoisyGradient(1.0, 1.0), 10, 2000, new Random(SEED + 2));
        AverageBias wrongSigma = new AverageBias(b.beta(), new NoisyGradient(1.0, 1.1), b.runs(), b.mean(),
                b.variance(), b.meanCorrected(), b.varianceCorrected());
        assertThrows(AssertionError.class, () -> wrongSigma.checkClaims(4, 1));
        double stationary = 0.1 / 1.9;
        double se = b.expectedVariance(1) * Math.sqrt(2.0 / 1999);
        assertTrue(Math.abs(b.variance()[0] - stationary) > 4 * se, "stationary formula not rejected");
    }

    @Test
    void checkClaimsFailsWhenTheMeansAreShifted() {
        AverageBias b = AverageBias.simulate(0.9, new NoisyGradient(1.0, 1.0), 10, 2000, new Random(SEED + 1));
        double[] shifted = b.mean().clone();
        shifted[4] += 10 * b.standardError(5);
        AverageBias wrong = new AverageBias(b.beta(), b.stream(), b.runs(), shifted, b.variance(),
                b.meanCorrected(), b.varianceCorrected());
        assertThrows(AssertionError.class, () -> wrong.checkClaims(4, 5));
    }

    @Test
    void biasInStandardErrorsIsLargeEarlyAndSmallLate() {
        AverageBias b = AverageBias.simulate(0.9, new NoisyGradient(1.0, 1.0), 400, 2000, new Random(SEED + 2));
        assertTrue(b.biasInStandardErrors(1) > 40);
        assertTrue(b.biasInStandardErrors(400) < 4, "β⁴⁰⁰ is negligible");
    }

    @Test
    void tablesHaveOneRowPerRequestedStep() {
        double[] g = new NoisyGradient(1.0, 1.0).draw(20, new Random(SEED + 3));
        Table t = Averages.closedFormTable(0.9, g, 1, 2, 20);
        assertEquals(3, t.rowCount());
        assertEquals(g[19], t.doubleColumn("g_n").get(2), 0);
        AverageBias b = AverageBias.simulate(0.5, new NoisyGradient(1.0, 1.0), 20, 10, new Random(SEED));
        assertEquals(2, b.table(1, 20).rowCount());
        Quadratic f = Quadratic.rotated(1, 0.1, 0);
        Trajectory p = Trajectory.run(new Sgd(0.1), f, new double[] {1, 1}, 5);
        Table s = Trajectory.table("paths", f, p, p);
        assertEquals(2, s.rowCount());
        assertEquals(f.value(p.last()), s.doubleColumn("finalLoss").get(0), 0);
        AdamMoments a = AdamMoments.simulate(0.9, 0.99, 3, new NoisyGradient(1, 1), 10, new Random(SEED));
        assertEquals(4, a.table().rowCount());
    }

    @Test
    void maxAbsDifferenceFindsTheWorstEntry() {
        assertEquals(3.0, Averages.maxAbsDifference(new double[] {1, 2, 3}, new double[] {1, -1, 3.5}), 0);
        assertThrows(IllegalArgumentException.class, () -> Averages.maxAbsDifference(new double[] {1}, new double[2]));
    }

    @Test
    void ratioArrayMatchesTheScalarRatio() {
        double[] r = Adam.uncorrectedStepRatios(0.9, 0.999, 100);
        for (int t = 1; t <= 100; t++) {
            assertEquals(Adam.uncorrectedStepRatio(0.9, 0.999, t), r[t - 1], 0);
        }
    }

    @Test
    void namesPrintParametersWithFourSignificantDigits() {
        assertEquals("momentum (α = 0.9, ε = 0.04)", new Momentum(0.9, Averages.matchingEpsilon(0.9, 0.4)).name());
        assertEquals("running average (β = 0.9, δ = 0.4)", new RunningAverage(0.9, 0.4).name());
        assertEquals("SGD (η = 0.04)", new Sgd(0.1 * 0.4).name());
        Trajectory p = Trajectory.run(new Sgd(0.1), Quadratic.rotated(1, 1, 0), new double[] {1, 1}, 3);
        assertEquals("short", p.withName("short").name());
        assertEquals(0.0, p.withName("short").maxDistance(p), 0);
        assertThrows(IllegalArgumentException.class, () -> p.withName(" "));
    }
}
