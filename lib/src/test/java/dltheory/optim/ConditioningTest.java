package dltheory.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Notebook 03, section 6: steps of order κ for gradient descent and √κ for tuned momentum. */
class ConditioningTest {

    @Test
    void theTunedMomentumPutsADoubleRootOfModulusRootAlphaAtBothEndsOfTheSpectrum() {
        for (double kappa : new double[] {10, 1000}) {
            double rootAlpha = Conditioning.rateHeavyBall(kappa);
            double alpha = rootAlpha * rootAlpha;
            double sq = 1 + Math.sqrt(1 / kappa);
            double eps = 4 / (sq * sq);
            assertEquals(rootAlpha, HeavyBall.spectralRadius(alpha, eps / kappa), 1e-6);
            assertEquals(rootAlpha, HeavyBall.spectralRadius(alpha, eps), 1e-6);
            for (double lambda = 1 / kappa; lambda <= 1; lambda *= 1.1) {
                assertTrue(HeavyBall.spectralRadius(alpha, eps * lambda) <= rootAlpha + 1e-6, "lambda " + lambda);
            }
        }
    }

    @Test
    void gradientDescentNeedsStepsOfOrderKappaAndMomentumOfOrderRootKappa() {
        List<Conditioning> rows = Conditioning.sweep(100, 3000);
        Conditioning.checkClaims(rows);
        double gdSlope = Math.log((double) rows.get(1).stepsGd() / rows.get(0).stepsGd()) / Math.log(30);
        double hbSlope = Math.log((double) rows.get(1).stepsHb() / rows.get(0).stepsHb()) / Math.log(30);
        assertEquals(1.0, gdSlope, 0.02);
        assertEquals(0.5, hbSlope, 0.1);
    }
}
