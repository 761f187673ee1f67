package dltheory.dropout;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import dltheory.random.Seeded;

/** Bad arguments raise IllegalArgumentException naming the argument and its allowed range. */
class BadInputTest {

    private final RegressionData data = RegressionData.synthetic(10, 3, 0.1, Seeded.rng(1L));
    private final DMatrixRMaj X = data.X();
    private final double[] y = data.y();
    private final double[] w = {1, 2, 3};
    private final Random rng = Seeded.rng(2L);

    private static void rejects(Executable call, String... words) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String word : words) {
            assertTrue(e.getMessage().contains(word), "message '" + e.getMessage() + "' should contain '" + word + "'");
        }
    }

    @Test
    void keepProbabilityOutsideZeroOneIsRejected() {
        for (double p : new double[] {0, -0.1, 1.0001, Double.NaN}) {
            rejects(() -> DropoutRegression.lambda(p), "p", "(0, 1]");
            rejects(() -> DropoutRegression.expectedLoss(X, y, w, p), "p", "(0, 1]");
            rejects(() -> DropoutRegression.minimiser(X, y, p), "p", "(0, 1]");
            rejects(() -> DropoutRegression.scaledMinimiser(X, y, p), "p", "(0, 1]");
            rejects(() -> MonteCarloDropout.mask(3, 3, p, rng), "p", "(0, 1]");
            rejects(() -> MonteCarloDropout.lossSamples(X, y, w, p, 10, rng), "p", "(0, 1]");
            rejects(() -> DropoutSgd.run(X, y, p, 10, 0.01, 10, 5, rng), "p", "(0, 1]");
        }
    }

    @Test
    void mismatchedShapesAreRejected() {
        rejects(() -> DropoutRegression.expectedLoss(X, new double[9], w, 0.5), "y", "10");
        rejects(() -> DropoutRegression.minimiser(X, new double[11], 0.5), "y", "10");
        rejects(() -> DropoutRegression.expectedLoss(X, y, new double[2], 0.5), "w", "3");
        rejects(() -> MonteCarloDropout.loss(X, y, w, new DMatrixRMaj(10, 2)), "R", "10×3");
        rejects(() -> new RegressionData(X, new double[4], w, 0.1), "y");
        rejects(() -> RegressionData.synthetic(10, 3, 0.1, new double[] {1, 1}, rng), "columnScales", "3");
        rejects(() -> DropoutRegression.leastSquares(new DMatrixRMaj(2, 3), new double[2]), "n >= d");
    }

    @Test
    void fewerThanTwoMasksAreRejected() {
        rejects(() -> MonteCarloDropout.lossSamples(X, y, w, 0.5, 1, rng), "masks", ">= 2");
        rejects(() -> MonteCarloDropout.secondMoment(X, 0.5, 0, rng), "masks", ">= 2");
        rejects(() -> MonteCarloDropout.firstMoment(X, 0.5, 1, rng), "masks", ">= 2");
        rejects(() -> MonteCarloDropout.masks(3, 3, 0.5, 1, rng), "masks", ">= 2");
        rejects(() -> MonteCarloDropout.running(new double[1], 0, 5), "masks", ">= 2");
    }

    @Test
    void otherRangesAreNamed() {
        rejects(() -> DropoutRegression.ridge(X, y, -1), "lambda", ">= 0");
        rejects(() -> DropoutSgd.run(X, y, 0.5, 0, 0.01, 10, 5, rng), "steps", ">= 1");
        rejects(() -> DropoutSgd.run(X, y, 0.5, 10, 0, 10, 5, rng), "eta", "> 0");
        rejects(() -> DropoutSgd.run(X, y, 0.5, 10, 0.01, 0, 5, rng), "tau", "> 0");
        rejects(() -> DropoutSgd.ensemble(X, y, 0.5, 1, 10, 0.01, rng), "runs", ">= 2");
        rejects(() -> data.withColumnScaled(3, 2), "j", "0..2");
        rejects(() -> data.withColumnScaled(0, 0), "factor", "> 0");
        rejects(() -> MomentCheck.simultaneousK(0), "entries", ">= 1");
        rejects(() -> DropoutRegression.keepProbabilityFor(-1), "lambda", ">= 0");
    }
}
