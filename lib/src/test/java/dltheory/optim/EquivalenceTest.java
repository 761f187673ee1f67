package dltheory.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Q3.1: momentum (α, ε) and the running average (β, δ) coincide when α = β and ε = δ(1 − β). */
class EquivalenceTest {

    private static final long SEED = 20190315L;
    private static final double SAME_PATH = 1e-12;

    @Test
    void matchedPairsFollowTheSameTrajectoryOnRandomBowls() {
        Random rng = new Random(SEED);
        double[] betas = {0.0, 0.5, 0.9, 0.99};
        double[] deltas = {0.05, 0.5, 1.0};
        for (int seed = 0; seed < 5; seed++) {
            Quadratic f = Quadratic.rotated(0.1 + rng.nextDouble(), 0.01 + 0.1 * rng.nextDouble(), 3 * rng.nextDouble());
            double[] theta0 = {4 * rng.nextGaussian(), 4 * rng.nextGaussian()};
            for (double beta : betas) {
                for (double delta : deltas) {
                    Trajectory ra = Trajectory.run(new RunningAverage(beta, delta), f, theta0, 200);
                    Trajectory mo = Trajectory.run(new Momentum(beta, Averages.matchingEpsilon(beta, delta)), f, theta0, 200);
                    double d = ra.maxDistance(mo);
                    assertTrue(d <= SAME_PATH, "beta=" + beta + " delta=" + delta + ": distance " + d);
                }
            }
        }
    }

    @Test
    void velocitiesDifferByTheFactorDelta() {
        Random rng = new Random(SEED + 1);
        double beta = 0.8;
        double delta = 2.5;
        Momentum mo = new Momentum(beta, Averages.matchingEpsilon(beta, delta));
        RunningAverage ra = new RunningAverage(beta, delta);
        for (int t = 0; t < 50; t++) {
            double[] g = {rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian()};
            assertArrayEquals(ra.update(g), mo.update(g), 1e-12);
            double[] v = ra.average();
            double[] w = mo.velocity();
            for (int i = 0; i < v.length; i++) {
                assertEquals(delta * v[i], w[i], 1e-12 * Math.max(1, Math.abs(w[i])));
            }
        }
        assertEquals(50, mo.t());
        assertEquals(50, ra.t());
    }

    @Test
    void mismatchedStepSizeGivesADifferentTrajectory() {
        Quadratic f = Quadratic.rotated(1.0, 0.05, Math.PI / 6);
        double[] theta0 = {-4, 2};
        Trajectory ra = Trajectory.run(new RunningAverage(0.9, 0.5), f, theta0, 50);
        Trajectory wrong = Trajectory.run(new Momentum(0.9, 0.5), f, theta0, 50);
        assertTrue(ra.maxDistance(wrong) > 0.1, "epsilon = delta must not match: " + ra.maxDistance(wrong));
    }

    @Test
    void momentumSatisfiesItsUpdateRecurrence17() {
        // Δθ_t = α Δθ_{t−1} − ε g_t
        Random rng = new Random(SEED + 2);
        double alpha = 0.7;
        double epsilon = 0.3;
        Momentum mo = new Momentum(alpha, epsilon);
        double[] prev = {0, 0};
        for (int t = 0; t < 30; t++) {
            double[] g = {rng.nextGaussian(), rng.nextGaussian()};
            double[] step = mo.update(g);
            for (int i = 0; i < 2; i++) {
                assertEquals(alpha * prev[i] - epsilon * g[i], step[i], 1e-12);
            }
            prev = step;
        }
    }

    @Test
    void runningAverageSatisfiesItsUpdateRecurrence18() {
        // Δθ_t = β Δθ_{t−1} − δ(1 − β) g_t
        Random rng = new Random(SEED + 3);
        double beta = 0.6;
        double delta = 1.7;
        RunningAverage ra = new RunningAverage(beta, delta);
        double[] prev = {0};
        for (int t = 0; t < 30; t++) {
            double[] g = {rng.nextGaussian()};
            double[] step = ra.update(g);
            assertEquals(beta * prev[0] - delta * (1 - beta) * g[0], step[0], 1e-12);
            prev = step;
        }
    }

    @Test
    void sgdStepsAgainstTheGradientAndConvergesOnAStableBowl() {
        Sgd sgd = new Sgd(0.25);
        assertArrayEquals(new double[] {-0.5, 0.25}, sgd.update(new double[] {2, -1}), 0);
        Quadratic f = Quadratic.rotated(1.0, 0.5, 0.3);
        Trajectory path = Trajectory.run(new Sgd(1.0), f, new double[] {3, -2}, 100);
        // contraction factor max|1 − ηλ| = 0.5 per step
        assertTrue(path.summary(f).distanceToMinimum() <= Math.pow(0.5, 100) * Math.sqrt(13) * 1.0001);
    }

    @Test
    void momentumReachesTheMinimumFasterThanSgdWithTheSameEpsilonInTheValley() {
        Quadratic f = Quadratic.rotated(1.0, 0.05, Math.PI / 6);
        double[] theta0 = {-4, 2};
        Trajectory sgd = Trajectory.run(new Sgd(0.05), f, theta0, 100);
        Trajectory mo = Trajectory.run(new Momentum(0.9, 0.05), f, theta0, 100);
        assertTrue(mo.summary(f).finalLoss() < sgd.summary(f).finalLoss() / 10,
                mo.summary(f) + " vs " + sgd.summary(f));
    }
}
