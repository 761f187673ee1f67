package dltheory.rnn;

import java.util.List;

import dltheory.check.Arguments;
import dltheory.table.Tables;
import tech.tablesaw.api.Table;
import dltheory.linalg.Vectors;
import java.util.stream.IntStream;

/**
 * A curve ‖∂h_t/∂h_0‖, t = 1 … T, for one net and one σ, with the step norms ‖J_t‖ along the
 * same run (notebook 05, Q5.2 and Q5.3).
 *
 * @param label          the series name in charts
 * @param sigma          the activation
 * @param wNorm          ‖W‖ of the net
 * @param spectralRadius ρ(W) of the net
 * @param norms          entry t−1 = ‖∂h_t/∂h_0‖
 * @param stepNorms      entry t−1 = ‖J_t‖ = ‖W diag σ′(h_{t−1})‖
 */
public record NormCurve(String label, Activation sigma, double wNorm, double spectralRadius, double[] norms,
                        double[] stepNorms) {

    /** Copies the arrays; requires T ≥ 1 entries in each, the same T. */
    public NormCurve {
        Arguments.nonEmpty(norms, "norms");
        Arguments.length(stepNorms, norms.length, "stepNorms", "T");
        norms = norms.clone();
        stepNorms = stepNorms.clone();
    }

    /** Entry t−1 = ‖∂h_t/∂h_0‖, a copy. */
    @Override
    public double[] norms() {
        return norms.clone();
    }

    /** Entry t−1 = ‖J_t‖, a copy. */
    @Override
    public double[] stepNorms() {
        return stepNorms.clone();
    }

    /** T, the number of steps. */
    public int steps() {
        return norms.length;
    }

    /** ‖∂h_t/∂h_0‖ for 1 ≤ t ≤ T. */
    public double at(int t) {
        Arguments.inRange(t, 1, norms.length, "t");
        return norms[t - 1];
    }

    /** γ‖W‖: the per-step factor of the bound (γ‖W‖)ᵗ of eq. (5.5). */
    public double stepBound() {
        return sigma.gamma() * wNorm;
    }

    /**
     * The geometric mean of the step norms, (‖J_T‖⋯‖J_1‖)^{1/T}: the per-step rate of the middle
     * term of eq. (5.5), between the observed rate and γ‖W‖.
     */
    double geometricMeanStepNorm() {
        double logSum = 0;
        for (double v : stepNorms) {
            logSum += Math.log(v);
        }
        return Math.exp(logSum / stepNorms.length);
    }

    /**
     * max over t of ‖∂h_t/∂h_0‖ / boundᵗ: at most 1 exactly when the curve stays under the line
     * boundᵗ for every t ≤ T (eq. 6 with δ = {@code bound}).
     */
    public double maxRatioTo(double bound) {
        Arguments.that(bound > 0, "bound", "be > 0", bound);
        return Vectors.max(IntStream.rangeClosed(1, norms.length)
                .mapToDouble(t -> norms[t - 1] / Math.pow(bound, t)).toArray());
    }

    /** The per-step growth (or decay) rate (‖∂h_T/∂h_0‖ / ‖∂h_1/∂h_0‖)^{1/(T−1)}; needs T ≥ 2. */
    public double rate() {
        Arguments.that(norms.length >= 2, "the curve", "have T >= 2 steps for a rate", norms.length);
        return Math.pow(norms[norms.length - 1] / norms[0], 1.0 / (norms.length - 1));
    }

    /** The curve in one table row. */
    public Summary summary() {
        return new Summary(label, wNorm, spectralRadius, stepBound(), norms.length, norms[norms.length - 1],
                norms.length >= 2 ? rate() : Double.NaN);
    }

    /**
     * One row of notebook 05's Q5.3 table: ‖W‖, ρ(W), the per-step bound γ‖W‖, ‖∂h_T/∂h_0‖ and the
     * observed per-step rate (‖∂h_T/∂h_0‖/‖∂h_1/∂h_0‖)^{1/(T−1)}.
     */
    public record Summary(String curve, double normW, double spectralRadius, double gammaNormW, int T,
                          double normAtT, double observedRate) {

        /** The summaries of {@code curves} as a table (notebook 05, Q5.3). */
        public static Table table(String title, List<NormCurve> curves) {
            return Tables.of(title, curves.stream().map(NormCurve::summary).toList(), "net", "‖W‖", "ρ(W)", "γ‖W‖",
                    "T", "‖∂h_T/∂h_0‖", "observed rate");
        }
    }
}
