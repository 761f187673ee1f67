package dltheory.optim;

import dltheory.check.Arguments;
import java.util.List;
import java.util.Random;

import dltheory.check.Check;
import dltheory.check.Stats;
import dltheory.table.Tables;
import tech.tablesaw.api.Table;

/**
 * Adam's two running averages after t steps on a stationary noisy stream, over many runs
 * (notebook 03, step 4): Q3.3 applied to g and to g² gives E[m_t] = (1 − β₁ᵗ)μ,
 * E[s_t] = (1 − β₂ᵗ)(μ² + σ²), so the corrected m̂_t and ŝ_t are unbiased for μ and μ² + σ².
 *
 * @param beta1  β₁
 * @param beta2  β₂
 * @param t      the step at which the moments are read
 * @param stream the gradient model
 * @param m      statistics of m_t over the runs
 * @param s      statistics of s_t
 * @param mHat   statistics of m̂_t
 * @param sHat   statistics of ŝ_t
 */
public record AdamMoments(double beta1, double beta2, int t, NoisyGradient stream,
                          Stats m, Stats s, Stats mHat, Stats sHat) {

    /**
     * Runs {@code runs} fresh Adam optimizers (η = 1, ε̂ = 0; the step does not matter here) for t
     * steps each on independent streams and collects their moments.
     *
     * @param beta1  β₁ in [0, 1)
     * @param beta2  β₂ in [0, 1)
     * @param t      t ≥ 1
     * @param stream the gradient model
     * @param runs   ≥ 2
     * @param rng    the experiment's generator
     */
    public static AdamMoments simulate(double beta1, double beta2, int t, NoisyGradient stream, int runs, Random rng) {
        Arguments.atLeast(t, 1, "t");
        Arguments.atLeast(runs, 2, "runs");
        double[] m = new double[runs];
        double[] s = new double[runs];
        double[] mHat = new double[runs];
        double[] sHat = new double[runs];
        for (int r = 0; r < runs; r++) {
            Adam adam = new Adam(1.0, beta1, beta2, 0.0, true);
            for (int i = 0; i < t; i++) {
                adam.update(new double[] {stream.next(rng)});
            }
            m[r] = adam.firstMoment()[0];
            s[r] = adam.secondMoment()[0];
            mHat[r] = adam.correctedFirstMoment()[0];
            sHat[r] = adam.correctedSecondMoment()[0];
        }
        return new AdamMoments(beta1, beta2, t, stream, Stats.of(m), Stats.of(s), Stats.of(mHat), Stats.of(sHat));
    }

    /** E[m_t] = (1 − β₁ᵗ)μ. */
    double expectedM() {
        return Averages.biasFactor(beta1, t) * stream.mu();
    }

    /** E[s_t] = (1 − β₂ᵗ)(μ² + σ²). */
    double expectedS() {
        return Averages.biasFactor(beta2, t) * stream.secondMoment();
    }

    /**
     * The check cell: the means over the runs of m_t and s_t against (1 − β₁ᵗ)μ and
     * (1 − β₂ᵗ)(μ² + σ²), each within k standard errors; prints two ✓ lines or throws
     * {@link AssertionError}. The corrected m̂_t and ŝ_t are not checked again: each is its raw
     * moment divided by a constant, so its z-score is the same number (an identity, not evidence).
     */
    public void checkClaims(double k) {
        Check.withinStandardErrors(m.mean(), m.standardError(), expectedM(), k, "mean m_" + t + " vs (1−β₁ᵗ)E[g]");
        Check.withinStandardErrors(s.mean(), s.standardError(), expectedS(), k, "mean s_" + t + " vs (1−β₂ᵗ)E[g²]");
    }

    /** One row: the quantity, its mean over the runs, the value the text predicts, the standard error. */
    public record Row(String quantity, double mean, double predicted, double standardError) {
    }

    /** The four moments as a table. */
    public Table table() {
        return Tables.of("Adam's moments at t = " + t + " over " + m.n() + " runs", List.of(
                new Row("m_t", m.mean(), expectedM(), m.standardError()),
                new Row("s_t", s.mean(), expectedS(), s.standardError()),
                new Row("m̂_t = m_t/(1−β₁ᵗ)", mHat.mean(), stream.mu(), mHat.standardError()),
                new Row("ŝ_t = s_t/(1−β₂ᵗ)", sHat.mean(), stream.secondMoment(), sHat.standardError())));
    }
}
