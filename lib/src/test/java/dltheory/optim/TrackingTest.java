package dltheory.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dltheory.check.MonteCarlo;
import dltheory.random.Seeded;

/** Notebook 03, section 8: the bias and variance of a running average tracking a drifting gradient. */
class TrackingTest {

    @Test
    void theExactBiasAndVarianceOfTheTrackingErrorMatchARecursionAndTheirLimits() {
        double beta = 0.9;
        double s = 0.01;
        int n = 300;
        double[] g = new double[n];
        for (int t = 0; t < n; t++) {
            g[t] = s * (t + 1);
        }
        double[] v = Averages.recursive(beta, g);
        assertEquals(v[n - 1] - s * n, Tracking.bias(beta, s, n), 1e-12);
        assertEquals(-s * beta / (1 - beta), Tracking.bias(beta, s, n), 1e-9);
        assertEquals((1 - beta) / (1 + beta), Tracking.variance(beta, 1.0, n), 1e-12);
    }

    @Test
    void theMeasuredTrackingErrorMatchesBiasSquaredPlusVarianceAndRejectsAWrongVariance() {
        List<Tracking> rows = Tracking.run(0.01, 1.0, 300, 1000, Seeded.rng(11L, "tracking"), 0.5, 0.9, 0.99);
        Tracking.checkClaims(rows);
        for (Tracking r : rows) {
            // without the factor (1 − β)² the variance would be σ²(1 − β^{2n})/(1 − β²)
            double wrong = r.bias() * r.bias() + (1 - Math.pow(r.beta(), 600)) / (1 - r.beta() * r.beta());
            assertTrue(Math.abs(r.measured() - wrong) > MonteCarlo.K * r.se(), "beta " + r.beta());
        }
        assertEquals(0.9, Tracking.best(rows).beta());
    }
}
