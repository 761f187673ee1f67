package dltheory.dropout;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;

import dltheory.check.Check;
import dltheory.check.Stats;

/**
 * The two candidate forms of the dropout penalty, column norms and row norms, each added to
 * ‖y − pXw‖², beside the Monte Carlo mean of the dropout loss L(w): the evidence for the
 * "rows → columns" erratum of notebook 02, section 6.
 * <ul>
 *   <li>columns (equation (2.4), right): p(1−p) Σ_j ‖x_j‖² w_j², feature j weighted by the squared
 *       norm of its column;</li>
 *   <li>rows (the text's wording read literally): every example k charges its squared row norm
 *       ‖x_k‖² times the mean squared weight, p(1−p) (Σ_k ‖x_k‖²) ‖w‖²/d, uniform across
 *       features. Its total weight Σ_k ‖x_k‖² = ‖X‖_F² equals the column form's Σ_j ‖x_j‖², so
 *       the two agree when all columns have equal norms and w is flat, and differ otherwise.</li>
 * </ul>
 *
 * @param masks         N
 * @param monteCarlo    the mean of L(w) over N masks
 * @param standardError its standard error
 * @param columnForm    ‖y − pXw‖² + p(1−p)‖Γw‖², Γ² = diag(XᵀX)
 * @param rowForm       ‖y − pXw‖² + p(1−p)‖X‖_F²‖w‖²/d
 */
public record PenaltyForms(int masks, double monteCarlo, double standardError, double columnForm,
                           double rowForm) {

    /** Runs N masks at w on (X, y) with keep probability p. */
    public static PenaltyForms run(DMatrixRMaj X, double[] y, double[] w, double p, int masks,
                                   Random rng) {
        Stats s = Stats.of(MonteCarloDropout.lossSamples(X, y, w, p, masks, rng));
        double fit = DropoutRegression.expectedLoss(X, y, w, p) - DropoutRegression.penalty(X, w, p);
        double frobenius2 = NormOps_DDRM.normF(X) * NormOps_DDRM.normF(X);
        double w2 = 0;
        for (double wj : w) {
            w2 += wj * wj;
        }
        double rows = fit + p * (1 - p) * frobenius2 * w2 / w.length;
        return new PenaltyForms(masks, s.mean(), s.standardError(),
                DropoutRegression.expectedLoss(X, y, w, p), rows);
    }

    /** (Monte Carlo − column form) / SE. */
    double zColumns() {
        return (monteCarlo - columnForm) / standardError;
    }

    /** (Monte Carlo − row form) / SE. */
    double zRows() {
        return (monteCarlo - rowForm) / standardError;
    }

    /**
     * The check cell: the column form is within k standard errors of the Monte Carlo mean and the
     * row form is more than k away. Prints two ✓ lines or throws {@link AssertionError}.
     */
    public void check(double k) {
        Check.withinStandardErrors(monteCarlo, standardError, columnForm, k,
                "mean of L(w) over " + masks + " masks vs the column-norm form (2.4)");
        Check.atLeast(Math.abs(zRows()), k, "|mean of L(w) − row-norm form| in standard errors");
    }
}
