package dltheory.weightnorm;

import java.util.List;

import dltheory.check.Arguments;
import dltheory.check.Check;

/**
 * A run of gradient descent on (u, γ, β) (notebook 04, Q4.3): the step size and every step.
 *
 * @param alpha     the step size α
 * @param steps     the T steps, in order
 * @param finalGamma γ after the last step
 * @param finalLoss  L after the last step
 */
public record StepDiagnostics(double alpha, List<Step> steps, double finalGamma, double finalLoss) {

    /** Tolerance of the per-step identity (4.9), relative to ‖u_{t+1}‖²: a few hundred ulps. */
    public static final double IDENTITY_TOL = 1e-12;

    /** How far a computed norm may be from the true one, relative: a few tens of ulps. */
    public static final double NORM_ROUNDING = 1e-14;

    /** Copies the list; it must hold at least one step. */
    public StepDiagnostics {
        Arguments.nonEmpty(steps, "steps");
        steps = List.copyOf(steps);
    }

    /** A one-line summary (the steps are too many to print). */
    @Override
    public String toString() {
        return "StepDiagnostics[α=" + alpha + ", T=" + steps.size() + ", ‖u_T‖=" + finalNorm() + "]";
    }

    /**
     * The step taken from u_t, t = 0…T − 1 (the state before it and what the step did).
     *
     * @throws IllegalArgumentException if t is outside 0…T − 1
     */
    public Step step(int t) {
        Arguments.inRange(t, 0, steps.size() - 1, "t");
        return steps.get(t);
    }

    /** T, the number of steps. */
    public int length() {
        return steps.size();
    }

    /** t = 0, 1, …, T. */
    public double[] times() {
        double[] t = new double[steps.size() + 1];
        for (int i = 0; i < t.length; i++) {
            t[i] = i;
        }
        return t;
    }

    /** ‖u_t‖ for t = 0, 1, …, T. */
    public double[] normU() {
        double[] v = new double[steps.size() + 1];
        for (int i = 0; i < steps.size(); i++) {
            v[i] = steps.get(i).normU();
        }
        v[steps.size()] = steps.get(steps.size() - 1).normUNext();
        return v;
    }

    /**
     * Notebook 04, eq. (4.10): the effective rate α γ_t²/‖u_t‖² = α s_t² with which the direction
     * of w learns, for t = 0, 1, …, T (the last entry uses γ and u after the last step).
     */
    public double[] rate() {
        double[] n = normU();
        double[] g = gamma();
        double[] r = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            r[i] = alpha * g[i] * g[i] / (n[i] * n[i]);
        }
        return r;
    }

    /**
     * α/‖u_t‖² for t = 0, 1, …, T: the part of the rate (4.10) that only ‖u‖ sets. By eq. (4.9) it
     * never increases; the full rate {@link #rate()} also carries γ_t², which can grow.
     */
    double[] normFactor() {
        double[] n = normU();
        double[] r = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            r[i] = alpha / (n[i] * n[i]);
        }
        return r;
    }

    /** The effective rate after the last step over the rate at the start, rate_T/rate_0 (4.10). */
    double rateGrowth() {
        double[] r = rate();
        return r[r.length - 1] / r[0];
    }

    /**
     * The largest rate_t/rate_0 over t = 1, …, T (4.10, per unit of ∇_w L): above 1 when the rate
     * rises above its start at some step of the run.
     */
    double peakRateGrowth() {
        return largestRatioToStart(rate());
    }

    /**
     * The same for the rate of the unit direction, α/‖u_t‖² (per unit of its own gradient): by
     * eq. (4.9) at most 1 in every run.
     */
    double peakDirectionRateGrowth() {
        return largestRatioToStart(normFactor());
    }

    /** max over t = 1, …, T of r_t/r_0. */
    private static double largestRatioToStart(double[] r) {
        double peak = 0;
        for (int t = 1; t < r.length; t++) {
            peak = Math.max(peak, r[t] / r[0]);
        }
        return peak;
    }

    /** γ_t for t = 0, 1, …, T (the last entry is {@link #finalGamma}). */
    public double[] gamma() {
        double[] v = new double[steps.size() + 1];
        for (int i = 0; i < steps.size(); i++) {
            v[i] = steps.get(i).gamma();
        }
        v[steps.size()] = finalGamma;
        return v;
    }

    /**
     * ‖∇_u L(u_t)‖ = |s_t|·‖W⊥∇_w L‖ for t = 0, 1, …, T − 1 (4.6), from the right-hand side
     * α²s_t²‖W⊥∇_w L‖² of eq. (4.9) that each step stored.
     */
    public double[] gradientNorm() {
        return steps.stream().mapToDouble(s -> Math.sqrt(s.predictedGrowth()) / alpha).toArray();
    }

    /**
     * S(α) = Σ_t α‖∇_u L(u_t)‖² over t = 0, …, T − 1, from the right-hand sides of eq. (4.9) the
     * steps stored: summing (4.9) gives ‖u_T‖² = ‖u_0‖² + α·S(α) (notebook 04, Q4.3). In the limit
     * of small steps S is the part of the loss's decrease that the updates of u bring, over the
     * time αT.
     */
    public double gradientSum() {
        return steps.stream().mapToDouble(Step::predictedGrowth).sum() / alpha;
    }

    /** α s_t² for t = 0, 1, …, T − 1. */
    double[] effectiveRate() {
        return steps.stream().mapToDouble(Step::effectiveRate).toArray();
    }

    /** s_t = γ_t/‖u_t‖ for t = 0, 1, …, T − 1. */
    public double[] scale() {
        return steps.stream().mapToDouble(Step::scale).toArray();
    }

    /** L_t for t = 0, 1, …, T (the last entry is {@link #finalLoss}). */
    public double[] loss() {
        double[] v = new double[steps.size() + 1];
        for (int i = 0; i < steps.size(); i++) {
            v[i] = steps.get(i).loss();
        }
        v[steps.size()] = finalLoss;
        return v;
    }

    /** ‖u_T‖. */
    double finalNorm() {
        return steps.get(steps.size() - 1).normUNext();
    }

    /** The largest {@link Step#identityError()} over the run. */
    double maxIdentityError() {
        return steps.stream().mapToDouble(Step::identityError).max().orElseThrow();
    }

    /**
     * min over t of (‖u_{t+1}‖ − ‖u_t‖)/‖u_t‖; eq. (4.9) says it is ≥ 0. Once the gradient has
     * vanished the true increase is below the rounding of a norm, so a computed value down to
     * −{@link #NORM_ROUNDING} is consistent with the claim.
     */
    public double minRelativeIncrease() {
        return steps.stream().mapToDouble(s -> (s.normUNext() - s.normU()) / s.normU()).min().orElseThrow();
    }

    /**
     * Notebook 04, eq. (4.9): prints a ✓ line for the identity at every step (largest relative
     * error ≤ {@link #IDENTITY_TOL}; both sides come from the same projected gradient, so the line
     * says "identity:", it confirms arithmetic only) and one for ‖u_t‖ never decreasing, the
     * line that is evidence; throws otherwise.
     */
    public void checkGrowth() {
        String at = "α = " + dltheory.text.SignificantFormat.format(alpha, 4);
        Check.atMost(maxIdentityError(), IDENTITY_TOL, "identity: maxₜ |‖uₜ₊₁‖² − ‖uₜ‖² − α²s²‖W⊥∇_w L‖²| / ‖uₜ₊₁‖², " + at);
        Check.atLeast(minRelativeIncrease(), -NORM_ROUNDING, "minₜ (‖uₜ₊₁‖ − ‖uₜ‖)/‖uₜ‖, " + at);
    }

    /**
     * One row of {@link Training#table}.
     *
     * @param alpha              α
     * @param steps              T
     * @param normU0             ‖u_0‖
     * @param normUT             ‖u_T‖
     * @param gammaT             γ after T steps
     * @param lossT              L after T steps
     * @param rate0              α γ_0²/‖u_0‖², the effective rate (4.10) at the start
     * @param rateT              α γ_T²/‖u_T‖², the effective rate after T steps
     * @param maxIdentityError   largest relative error of eq. (4.9) over the run
     */
    public record Summary(double alpha, int steps, double normU0, double normUT, double gammaT, double lossT,
                          double rate0, double rateT, double maxIdentityError) {
    }

    /** This run in one row. */
    public Summary summary() {
        double[] r = rate();
        return new Summary(alpha, steps.size(), steps.get(0).normU(), finalNorm(), finalGamma, finalLoss, r[0],
                r[r.length - 1], maxIdentityError());
    }
}
