package dltheory.optim;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad arguments are refused with a message naming the argument and its allowed range. */
class BadArgumentsTest {

    private static void refused(Executable call, String... words) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), "message '" + e.getMessage() + "' lacks '" + w + "'");
        }
    }

    @Test
    void decayRatesMustLieInZeroOne() {
        for (double bad : new double[] {-0.1, 1.0, 1.5, Double.NaN}) {
            refused(() -> new Momentum(bad, 0.1), "alpha", "[0, 1)");
            refused(() -> new RunningAverage(bad, 0.1), "beta", "[0, 1)");
            refused(() -> new Adam(0.1, bad, 0.9, 0, true), "beta1", "[0, 1)");
            refused(() -> new Adam(0.1, 0.9, bad, 0, true), "beta2", "[0, 1)");
            refused(() -> Averages.recursive(bad, new double[] {1}), "beta", "[0, 1)");
            refused(() -> Averages.biasFactor(bad, 3), "beta", "[0, 1)");
            refused(() -> Averages.matchingEpsilon(bad, 1), "beta", "[0, 1)");
            refused(() -> AverageBias.simulate(bad, new NoisyGradient(0, 1), 5, 10, new Random(1)), "beta", "[0, 1)");
        }
    }

    @Test
    void stepSizesMustBePositive() {
        for (double bad : new double[] {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            refused(() -> new Momentum(0.9, bad), "epsilon", "> 0");
            refused(() -> new RunningAverage(0.9, bad), "delta", "> 0");
            refused(() -> new Sgd(bad), "eta", "> 0");
            refused(() -> new Adam(bad, 0.9, 0.99, 0, true), "eta", "> 0");
            refused(() -> Averages.matchingEpsilon(0.9, bad), "delta", "> 0");
        }
        refused(() -> new Adam(0.1, 0.9, 0.99, -1e-8, true), "epsHat", ">= 0");
    }

    @Test
    void countsMustBeAtLeastOne() {
        refused(() -> Averages.biasFactor(0.9, 0), "n", ">= 1");
        refused(() -> Averages.weights(0.9, 0), "n", ">= 1");
        refused(() -> Averages.recursive(0.9, new double[0]), "n >= 1");
        refused(() -> Averages.closedForm(0.9, new double[] {1, 2}, 0), "n", "1..2");
        refused(() -> Averages.closedForm(0.9, new double[] {1, 2}, 3), "n", "1..2");
        refused(() -> new NoisyGradient(0, 1).draw(0, new Random(1)), "n", ">= 1");
        refused(() -> AverageBias.simulate(0.9, new NoisyGradient(0, 1), 0, 10, new Random(1)), "n", ">= 1");
        refused(() -> AverageBias.simulate(0.9, new NoisyGradient(0, 1), 5, 1, new Random(1)), "runs", ">= 2");
        refused(() -> AdamMoments.simulate(0.9, 0.99, 0, new NoisyGradient(0, 1), 10, new Random(1)), "t", ">= 1");
        refused(() -> Adam.constantGradientSteps(0.1, 0.9, 0.99, 0, true, 1.0, 0), "steps", ">= 1");
        refused(() -> Adam.constantGradientSteps(0.1, 0.9, 0.99, 0, true, 0.0, 5), "g", "non-zero");
        refused(() -> Trajectory.run(new Sgd(0.1), Quadratic.rotated(1, 1, 0), new double[] {1, 1}, 0), "steps", ">= 1");
        refused(() -> AverageBias.simulate(0.9, new NoisyGradient(0, 1), 5, 10, new Random(1)).rows(6), "n", "1..5");
    }

    @Test
    void otherRanges() {
        refused(() -> Averages.stepsUntilBiasBelow(0.9, 0), "tol", "(0, 1)");
        refused(() -> Averages.stepsUntilBiasBelow(0.9, 1), "tol", "(0, 1)");
        refused(() -> new NoisyGradient(0, -1), "sigma", ">= 0");
        refused(() -> new NoisyGradient(Double.NaN, 1), "mu", "finite");
        refused(() -> Quadratic.rotated(0, 1, 0), "lambda1", "> 0");
        refused(() -> Quadratic.rotated(1, -1, 0), "lambda2", "> 0");
        refused(() -> new Quadratic(new DMatrixRMaj(2, 2, true, 1, 2, 3, 4)), "symmetric");
        refused(() -> Quadratic.rotated(1, 1, 0).gradient(new double[3]), "theta", "length 2");
        Momentum m = new Momentum(0.5, 0.1);
        m.update(new double[] {1, 2});
        refused(() -> m.update(new double[] {1, 2, 3}), "g", "length 2");
        refused(() -> new Sgd(0.1).update(new double[0]), "g", "non-empty");
    }

    @Test
    void experimentsAndChartsRefuseBadArguments() {
        Quadratic f = Quadratic.rotated(1, 0.1, 0);
        refused(() -> Equivalence.run(1.0, 0.4, f, new double[] {1, 1}, 10), "beta", "[0, 1)");
        refused(() -> Equivalence.run(0.9, 0.0, f, new double[] {1, 1}, 10), "delta", "> 0");
        refused(() -> Equivalence.run(0.9, 0.4, f, new double[] {1, 1}, 0), "steps", ">= 1");
        refused(() -> AdamSteps.run(1e-3, 0.9, 1.0, 0, 1.0, 10), "beta2", "[0, 1)");
        refused(() -> AdamSteps.run(1e-3, 0.9, 0.999, 0, 1.0, 0), "steps", ">= 1");
        refused(() -> Figures.logSteps(0, 40), "max", ">= 1");
        refused(() -> Figures.logSteps(10, 0), "perDecade", ">= 1");
        refused(() -> Figures.averages(), "experiments", "at least one");
        refused(() -> AverageBias.table(new int[] {1}, new AverageBias[0]), "experiments", "at least one");
        refused(() -> Figures.adamSteps(0.9, 0.999, new double[3], new double[2]),
                "withCorrection", "withoutCorrection", "same length", "3 and 2");
        Trajectory flat = new Trajectory("3-D", new double[][] {{1, 1, 1}, {0, 0, 0}});
        refused(() -> Figures.paths("t", flat, flat), "paths", "2-D", "dimension 3");
        refused(() -> Adam.uncorrectedStepRatios(0.9, 0.999, 0), "steps", ">= 1");
        refused(() -> Trajectory.table("t", f), "paths", "at least one");
    }
}
