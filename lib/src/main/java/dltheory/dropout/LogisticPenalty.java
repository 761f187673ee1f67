package dltheory.dropout;

import java.util.List;
import dltheory.table.Tables;
import tech.tablesaw.api.Table;

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
 * @param bound      the bound {@link #remainderBound} on |R(β) − R_q(β)|, from the data
 * @param unweighted the same with every σ_i(1 − σ_i) replaced by its maximum 1/4
 * @param masks      the number of masks N
 */
public record LogisticPenalty(double monteCarlo, double se, double plainSe, double quadratic, double remainder,
                              double bound, double unweighted, int masks) {

    /** sup |A‴| over ℝ for A(z) = ln(1 + eᶻ): A‴ = σ(1 − σ)(1 − 2σ), largest at σ = 1/2 ∓ 1/(2√3). */
    public static final double SUP_THIRD_DERIVATIVE = 1 / (6 * Math.sqrt(3));

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
        return new LogisticPenalty(q + remainder, se, plainSe, q, remainder, remainderBound(X, beta, p),
                unweighted(X, beta, p), masks);
    }

    /**
     * A bound on the error of the second-order expansion, |R(β) − R_q(β)| ≤ (sup|A‴|/6) Σ_i E|δ_i|³,
     * δ_i = x̃_iᵀβ − x_iᵀβ (Taylor's theorem with the Lagrange remainder, example by example), with
     * E|δ_i|³ ≤ √(E[δ_i²]·E[δ_i⁴]) (Cauchy–Schwarz). Both moments are exact: δ_i = Σ_j ε_j c_ij with
     * c_ij = x_ij β_j and independent ε_j = r_j/p − 1, E[ε²] = λ, E[ε⁴] = pλ⁴ + (1 − p), so
     * E[δ²] = λΣ_j c_ij² and E[δ⁴] = (E[ε⁴] − 3λ²)Σ_j c_ij⁴ + 3(E[δ²])².
     */
    public static double remainderBound(DMatrixRMaj X, double[] beta, double p) {
        Arguments.nonEmpty(X, "X");
        Arguments.length(beta, X.numCols, "beta", "d, the columns of X");
        Arguments.inOpenClosed(p, 0, 1, "p (keep probability)");
        double lambda = (1 - p) / p;
        double fourth = p * Math.pow(lambda, 4) + (1 - p);
        double total = 0;
        for (int i = 0; i < X.numRows; i++) {
            double s2 = 0;
            double s4 = 0;
            for (int j = 0; j < X.numCols; j++) {
                double c = X.get(i, j) * beta[j];
                s2 += c * c;
                s4 += c * c * c * c;
            }
            double m2 = lambda * s2;
            double m4 = (fourth - 3 * lambda * lambda) * s4 + 3 * m2 * m2;
            total += Math.sqrt(m2 * m4);
        }
        return SUP_THIRD_DERIVATIVE / 6 * total;
    }

    /**
     * The check cell: R_q is within {@link #bound} plus {@link MonteCarlo#K} standard errors of the
     * estimate of R(β) (the bound covers the expansion's error, the standard errors the estimate's;
     * false alarm ≤ 6.3e-5 for a normal estimate), and the unweighted form misses R(β) by more than
     * that same tolerance.
     */
    public void checkClaims() {
        double tol = bound + MonteCarlo.K * se;
        Check.close(quadratic, monteCarlo, tol,
                "Wager et al.'s weighted R_q vs Monte Carlo R(β), tol = bound on |R − R_q| + 4 SE");
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

    /** This estimate as a one-row table headed in notebook 02's notation, under {@code caption}. */
    public Table table(String caption) {
        return Tables.of(caption, List.of(this),
                "Monte Carlo R(β)", "SE", "SE of the plain mean", "weighted R_q(β)", "R − R_q",
                "bound on |R − R_q|", "unweighted, σᵢ(1 − σᵢ) = 1/4", "masks N");
    }
}
