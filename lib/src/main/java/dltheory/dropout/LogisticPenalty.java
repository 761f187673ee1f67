package dltheory.dropout;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;

import dltheory.check.Arguments;
import dltheory.check.Check;
import dltheory.check.MonteCarlo;
import dltheory.linalg.Vectors;

/**
 * Dropout on the inputs of logistic regression, notebook 02, after Wager, Wang &amp; Liang (2013),
 * "Dropout training as adaptive regularization". With the loss A(xᵀβ) − y·xᵀβ, A(z) = ln(1 + eᶻ),
 * and inputs x̃ = (r ⊙ x)/p with r_j ~ Bernoulli(p), the linear term keeps its mean, so dropout adds
 * R(β) = Σ_i E[A(x̃_iᵀβ)] − A(x_iᵀβ) to the loss. A second-order expansion of A around x_iᵀβ,
 * with Var[x̃_iᵀβ] = λ Σ_j x_ij² β_j² and λ = (1 − p)/p, gives their quadratic penalty
 * <pre>
 *   R_q(β) = (λ/2) Σ_j β_j² Σ_i σ_i(1 − σ_i) x_ij²,   σ_i = σ(x_iᵀβ),
 * </pre>
 * the linear-regression penalty with each example weighted by the variance σ_i(1 − σ_i) of its
 * fitted label: examples the model is sure about are penalised less. For squared loss A'' = 1 and
 * the weights disappear.
 *
 * <p>The Monte Carlo estimate uses the expansion as a control variate: per mask it averages
 * Σ_i A(z̃_i) − A(z_i) − A′(z_i)(z̃_i − z_i) − ½A″(z_i)(z̃_i − z_i)², z_i = x_iᵀβ, z̃_i = x̃_iᵀβ,
 * whose mean is R(β) − R_q(β) exactly (E[z̃_i − z_i] = 0 and E[(z̃_i − z_i)²] = λΣ_j x_ij²β_j²), and
 * whose spread is that of the third- and higher-order terms only. With 1000 masks its standard
 * error is about 30 times smaller than that of the plain mean of Σ_i A(z̃_i) − A(z_i), which is as
 * large as the remainder R − R_q itself (a few per cent of R) and so cannot resolve it.
 *
 * @param monteCarlo the estimate of R(β): R_q(β) + {@code remainder}
 * @param se         its standard error (that of {@code remainder})
 * @param plainSe    the standard error the plain mean over the same masks would have
 * @param quadratic  R_q(β), Wager et al.'s weighted penalty
 * @param remainder  the estimate of R(β) − R_q(β), the error of the second-order expansion
 * @param unweighted the same with every σ_i(1 − σ_i) replaced by its maximum 1/4
 * @param masks      the number of masks N
 */
public record LogisticPenalty(double monteCarlo, double se, double plainSe, double quadratic, double remainder,
                              double unweighted, int masks) {

    /** R_q(β) = (λ/2) Σ_j β_j² Σ_i σ_i(1 − σ_i) x_ij² for keep probability p. */
    public static double quadratic(DMatrixRMaj X, double[] beta, double p) {
        return penalty(X, beta, p, false);
    }

    /** The unweighted form (λ/8) Σ_j β_j² ‖x_j‖², what R_q would be if every σ_i were 1/2. */
    public static double unweighted(DMatrixRMaj X, double[] beta, double p) {
        return penalty(X, beta, p, true);
    }

    /**
     * Estimates R(β) over N masks and sets it beside R_q and the unweighted form.
     *
     * @param masks N ≥ 2
     */
    public static LogisticPenalty estimate(DMatrixRMaj X, double[] beta, double p, int masks, Random rng) {
        Arguments.nonEmpty(X, "X");
        Arguments.length(beta, X.numCols, "beta", "d, the columns of X");
        Arguments.inOpenClosed(p, 0, 1, "p (keep probability)");
        Arguments.atLeast(masks, 2, "masks (N)");
        double[] clean = Vectors.times(X, beta);
        double base = 0;
        double[] slope = new double[clean.length];
        double[] curvature = new double[clean.length];
        for (int i = 0; i < clean.length; i++) {
            base += softplus(clean[i]);
            double sig = 1 / (1 + Math.exp(-clean[i]));
            slope[i] = sig;
            curvature[i] = sig * (1 - sig);
        }
        double s = 0;
        double s2 = 0;
        double c = 0;
        double c2 = 0;
        for (int k = 0; k < masks; k++) {
            DMatrixRMaj R = MonteCarloDropout.mask(X.numRows, X.numCols, p, rng);
            double[] z = Vectors.times(MonteCarloDropout.masked(R, X), beta);
            double v = -base;
            double u = 0;
            for (int i = 0; i < z.length; i++) {
                double zi = z[i] / p;
                double delta = zi - clean[i];
                v += softplus(zi);
                u += slope[i] * delta + 0.5 * curvature[i] * delta * delta;
            }
            s += v;
            s2 += v * v;
            c += v - u;
            c2 += (v - u) * (v - u);
        }
        double plainMean = s / masks;
        double plainSe = Math.sqrt(Math.max(0, (s2 - masks * plainMean * plainMean) / (masks - 1)) / masks);
        double remainder = c / masks;
        double se = Math.sqrt(Math.max(0, (c2 - masks * remainder * remainder) / (masks - 1)) / masks);
        double q = quadratic(X, beta, p);
        return new LogisticPenalty(q + remainder, se, plainSe, q, remainder, unweighted(X, beta, p), masks);
    }

    /** (R − R_q)/R: the relative error of the second-order expansion, as estimated. */
    double relativeRemainder() {
        return remainder / monteCarlo;
    }

    /**
     * The check cell: R_q is within {@code relTol} of R(β) (it is a second-order approximation, so
     * the tolerance is relative, not statistical; {@link MonteCarlo#K} standard errors of the
     * estimate are added to it), and the unweighted form misses R(β) by more than that same
     * tolerance.
     */
    public void checkClaims(double relTol) {
        Arguments.inOpenClosed(relTol, 0, 1, "relTol");
        double tol = relTol * monteCarlo + MonteCarlo.K * se;
        Check.close(quadratic, monteCarlo, tol, "Wager et al.'s weighted quadratic penalty vs Monte Carlo R(β)");
        Check.atLeast(Math.abs(unweighted - monteCarlo), tol,
                "|unweighted penalty − Monte Carlo R(β)|, against the same tolerance");
    }

    private static double penalty(DMatrixRMaj X, double[] beta, double p, boolean flat) {
        Arguments.nonEmpty(X, "X");
        Arguments.length(beta, X.numCols, "beta", "d, the columns of X");
        Arguments.inOpenClosed(p, 0, 1, "p (keep probability)");
        double lambda = (1 - p) / p;
        double[] z = Vectors.times(X, beta);
        double total = 0;
        for (int i = 0; i < X.numRows; i++) {
            double sig = 1 / (1 + Math.exp(-z[i]));
            double w = flat ? 0.25 : sig * (1 - sig);
            for (int j = 0; j < X.numCols; j++) {
                double x = X.get(i, j);
                total += w * x * x * beta[j] * beta[j];
            }
        }
        return 0.5 * lambda * total;
    }

    private static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }
}
