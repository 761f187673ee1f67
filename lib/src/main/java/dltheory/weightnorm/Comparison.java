package dltheory.weightnorm;

import dltheory.check.Check;
import dltheory.check.MonteCarlo;

/**
 * Weight normalization against batch normalization on one batch (notebook 04, Q4.1, eq. 5).
 * Over the batch, {@code wᵀx + β = ρ (ŷ − β) + γ δ + β} exactly, with the scale ratio
 * {@code ρ = σ_y/‖u‖} and the shift {@code δ = μ_y/‖u‖}; the two normalizations agree iff ρ = 1
 * and δ = 0. The closed forms from the source distribution are {@code ρ = √(uᵀΣu)/‖u‖} and
 * {@code δ = uᵀE[x]/‖u‖} (4.4).
 *
 * @param name           the case's label
 * @param n              batch size
 * @param muY            batch mean of y = uᵀx
 * @param sigmaY         batch standard deviation of y
 * @param normU          ‖u‖
 * @param scale          measured ρ = σ_y/‖u‖
 * @param scalePredicted √(uᵀΣu)/‖u‖
 * @param shift          measured δ = μ_y/‖u‖
 * @param shiftPredicted uᵀE[x]/‖u‖
 * @param maxGap         max over the batch of |(wᵀxᵢ + β) − ŷᵢ|
 * @param exact          true for a whitened batch (closed forms hold to rounding)
 */
public record Comparison(String name, int n, double muY, double sigmaY, double normU, double scale,
                         double scalePredicted, double shift, double shiftPredicted, double maxGap, boolean exact) {

    /** Tolerance for closed forms on a whitened batch, relative to the size of the quantities. */
    public static final double EXACT_TOL = 1e-12;

    /**
     * Standard error of the measured ρ: for Gaussian y the batch standard deviation has standard
     * error σ_y/√(2(n − 1)), so ρ has ρ/√(2(n − 1)). Zero for an exact (whitened) batch.
     */
    double scaleStandardError() {
        return exact ? 0 : scalePredicted / Math.sqrt(2.0 * (n - 1));
    }

    /** Standard error of the measured δ: σ_y/(‖u‖√n) = ρ/√n. Zero for an exact batch. */
    double shiftStandardError() {
        return exact ? 0 : scalePredicted / Math.sqrt(n);
    }

    /** True when ρ = 1 and δ = 0 within {@code k} standard errors (or to rounding when exact). */
    boolean agrees(double k) {
        if (exact) {
            return Math.abs(scale - 1) <= EXACT_TOL && Math.abs(shift) <= EXACT_TOL;
        }
        return Math.abs(scale - 1) <= k * scaleStandardError() && Math.abs(shift) <= k * shiftStandardError();
    }

    /**
     * Notebook 04, Q4.1: prints ✓ lines for agreement of the two normalizations, ρ = 1 and δ = 0
     * within {@link MonteCarlo#K} standard errors; for a whitened batch, ρ = 1, δ = 0 and the
     * largest output gap to {@link #EXACT_TOL}. Throws AssertionError otherwise.
     */
    public void checkAgreement() {
        if (exact) {
            // A whitened batch has mean 0 and covariance I by construction: identity lines.
            Check.close(scale, 1, EXACT_TOL, "identity: ρ = σ_y/‖u‖, " + name);
            Check.close(shift, 0, EXACT_TOL, "identity: δ = μ_y/‖u‖, " + name);
            Check.atMost(maxGap, EXACT_TOL, "identity: max |wᵀx + β − ŷ|, " + name);
        } else {
            Check.withinStandardErrors(scale, scaleStandardError(), 1, MonteCarlo.K, "ρ = σ_y/‖u‖, " + name);
            Check.withinStandardErrors(shift, shiftStandardError(), 0, MonteCarlo.K, "δ = μ_y/‖u‖, " + name);
        }
    }

    /**
     * Notebook 04, where the text errs: prints a ✓ line when the two normalizations disagree by
     * more than sampling error, that is, when |ρ − 1| or |δ| is at least {@code k} standard
     * errors. Throws AssertionError otherwise (and always for a whitened batch, which agrees).
     */
    public void checkDisagreement(double k) {
        double zScale = exact ? 0 : Math.abs(scale - 1) / scaleStandardError();
        double zShift = exact ? 0 : Math.abs(shift) / shiftStandardError();
        Check.atLeast(Math.max(zScale, zShift), k, "max(|ρ − 1|, |δ|) in standard errors, " + name);
    }

    /**
     * Prints one ✓ line per closed form of eq. (4.4): measured ρ and δ within {@link MonteCarlo#K}
     * standard errors of √(uᵀΣu)/‖u‖ and uᵀE[x]/‖u‖ (within {@link #EXACT_TOL} for a whitened
     * batch). Throws AssertionError otherwise.
     */
    public void checkClosedForm() {
        if (exact) {
            Check.close(scale, scalePredicted, EXACT_TOL, "ρ = σ_y/‖u‖, " + name);
            Check.close(shift, shiftPredicted, EXACT_TOL, "δ = μ_y/‖u‖, " + name);
        } else {
            Check.withinStandardErrors(scale, scaleStandardError(), scalePredicted, MonteCarlo.K, "ρ = σ_y/‖u‖, " + name);
            Check.withinStandardErrors(shift, shiftStandardError(), shiftPredicted, MonteCarlo.K, "δ = μ_y/‖u‖, " + name);
        }
    }
}
