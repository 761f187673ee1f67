package dltheory.weightnorm;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;

import dltheory.table.Tables;
import tech.tablesaw.api.Table;
import dltheory.linalg.Vectors;
import dltheory.check.Arguments;

/**
 * Q4.1 of notebook 04: when is a weight-normalized unit {@code wᵀx + β} the same function as the
 * batch-normalized {@code ŷ = γ(y − μ_y)/σ_y + β} of {@code y = uᵀx}? Eq. (4.2) gives
 * {@code wᵀx + β = γ y/‖u‖ + β}; the two agree when μ_y = 0 and σ_y = ‖u‖, which holds for
 * every u exactly when E[x] = 0 and Cov[x] = I.
 */
public final class BatchNormLink {

    private BatchNormLink() {
    }

    /** Notebook 04, eq. (4.2): {@code wᵀxᵢ + β = γ uᵀxᵢ/‖u‖ + β} for every row xᵢ of the batch. */
    static double[] weightNormOutputs(DMatrixRMaj x, double[] u, double gamma, double beta) {
        double[] w = WeightNorm.weight(u, gamma);
        Arguments.finite(beta, "beta");
        double[] out = Inputs.project(x, w);
        for (int i = 0; i < out.length; i++) {
            out[i] += beta;
        }
        return out;
    }

    /** Notebook 04, eq. (4.3): batch normalization of {@code yᵢ = uᵀxᵢ} over the batch. */
    static double[] batchNormOutputs(DMatrixRMaj x, double[] u, double gamma, double beta) {
        return BatchNorm.normalize(Inputs.project(x, u), gamma, beta);
    }

    /** Notebook 04, eq. (4.4): the scale ratio {@code ρ = σ_y/‖u‖ = √(uᵀΣu)/‖u‖} of the distribution. */
    static double predictedScale(DMatrixRMaj covariance, double[] u) {
        WeightNorm.requireDirection(u, "u");
        double q = Inputs.quadratic(covariance, u);
        Arguments.that(q > 0, "covariance", "be positive definite (uᵀΣu > 0)", "uᵀΣu = " + q);
        return Math.sqrt(q) / Vectors.norm(u);
    }

    /** Notebook 04, eq. (4.4): the shift {@code δ = μ_y/‖u‖ = uᵀE[x]/‖u‖} of the distribution. */
    static double predictedShift(double[] mean, double[] u) {
        WeightNorm.requireDirection(u, "u");
        return Vectors.dot(u, mean) / Vectors.norm(u);
    }

    /** Notebook 04, eq. (4.5): measures ρ, δ and the largest output gap for one case. */
    public static Comparison compare(Case c, double gamma, double beta) {
        InputSample s = c.inputs();
        double[] u = c.u();
        DMatrixRMaj x = s.batch();
        double[] y = Inputs.project(x, u);
        BatchMoments m = BatchNorm.moments(y);
        double[] wn = weightNormOutputs(x, u, gamma, beta);
        double[] bn = batchNormOutputs(x, u, gamma, beta);
        double gap = 0;
        for (int i = 0; i < wn.length; i++) {
            gap = Math.max(gap, Math.abs(wn[i] - bn[i]));
        }
        double normU = Vectors.norm(u);
        return new Comparison(c.name(), m.n(), m.mean(), m.std(), normU, m.std() / normU,
                predictedScale(s.covariance(), u), m.mean() / normU, predictedShift(s.mean(), u), gap, s.exact());
    }

    /**
     * The six cases of notebook 04, Q4.1, each batch of n draws in d dimensions: (0) E[x] = 0,
     * Cov[x] = I with a random u; (1) the correlated batch whitened, random u; (2, 3) unit
     * variances with correlation c between every pair, random u and u = (1,…,1); (4, 5) mean
     * m·1 and Cov[x] = I, random u and u = (1,…,1). The random u is N(0, I_d), drawn first. The
     * cases are read by name ({@link CaseSet#whitened()} …).
     */
    public static CaseSet<Case> cases(int n, int d, double c, double m, java.util.Random rng) {
        Arguments.notNull(rng, "rng", "a generator");
        double[] zero = Inputs.constant(d, 0);
        double[] ones = Inputs.constant(d, 1);
        double[] u = dltheory.random.Seeded.normal(d, 0, 1, rng);
        InputSample white = InputSample.gaussian("E[x] = 0, Cov[x] = I", n, zero, Inputs.identity(d), rng);
        InputSample correlated = InputSample.gaussian("correlated", n, zero, Inputs.equicorrelated(d, c), rng);
        InputSample shifted = InputSample.gaussian("not centred", n, Inputs.constant(d, m), Inputs.identity(d), rng);
        return new CaseSet<>(new Case("E[x] = 0, Cov = I", white, u),
                new Case("whitened batch", correlated.whitened("correlated, then whitened"), u),
                new Case("correlated, u random", correlated, u),
                new Case("correlated, u = (1,…,1)", correlated, ones),
                new Case("not centred, u random", shifted, u),
                new Case("not centred, u = (1,…,1)", shifted, ones));
    }

    /** {@link #compare} for each case, in order. */
    static List<Comparison> compareAll(List<Case> cases, double gamma, double beta) {
        Arguments.nonEmpty(cases, "cases");
        List<Comparison> out = new ArrayList<>();
        for (Case c : cases) {
            out.add(compare(c, gamma, beta));
        }
        return List.copyOf(out);
    }

    /**
     * One row of {@link #table}: measured and closed-form ρ and δ, and the largest output gap.
     *
     * @param inputs          the case's label
     * @param n               batch size
     * @param rho             measured ρ = σ_y/‖u‖
     * @param rhoClosedForm   √(uᵀΣu)/‖u‖
     * @param delta           measured δ = μ_y/‖u‖
     * @param deltaClosedForm uᵀE[x]/‖u‖
     * @param maxGap          max |(wᵀxᵢ + β) − ŷᵢ| over the batch
     */
    public record Row(String inputs, int n, double rho, double rhoClosedForm, double delta, double deltaClosedForm,
                      double maxGap) {
    }

    /** The comparisons as a table, one row per case. */
    public static Table table(List<Comparison> comparisons) {
        Arguments.nonEmpty(comparisons, "comparisons");
        List<Row> rows = new ArrayList<>();
        for (Comparison c : comparisons) {
            rows.add(new Row(c.name(), c.n(), c.scale(), c.scalePredicted(), c.shift(), c.shiftPredicted(), c.maxGap()));
        }
        Table table = Tables.of("Weight norm vs batch norm: they agree iff ρ = σ_y/‖u‖ = 1 and δ = μ_y/‖u‖ = 0",
                rows, "inputs", "n", "ρ measured", "ρ from (4.4)", "δ measured", "δ from (4.4)",
                "max |gap| of outputs");
        // a measured value and its prediction are read side by side: one format for each pair
        return Tables.alike(Tables.alike(table, "ρ measured", "ρ from (4.4)"), "δ measured", "δ from (4.4)");
    }
}
