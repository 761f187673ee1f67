package dltheory.weightnorm;

import java.util.List;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;

import dltheory.linalg.Vectors;
import dltheory.table.Tables;
import tech.tablesaw.api.Table;
import dltheory.check.Arguments;

/**
 * Two companions of weight normalization from Salimans and Kingma (2016), notebook 04, "Beyond the
 * text".
 *
 * <p><b>Data-dependent initialization (their §2.2).</b> For one unit with direction u, compute
 * t = uᵀx/‖u‖ over a batch, with batch mean μ[t] and standard deviation σ[t], and set
 * <pre>
 *   γ ← 1/σ[t],   β ← −μ[t]/σ[t],
 * </pre>
 * so that the pre-activation γt + β has mean 0 and standard deviation 1 over that batch. For
 * x ~ N(m, Σ) the population values are γ* = ‖u‖/√(uᵀΣu) and β* = −uᵀm/√(uᵀΣu).
 *
 * <p><b>Mean-only batch normalization (their §2.3).</b> Subtract only the batch mean,
 * y_i = t_i − μ[t] + β, and leave the scale to weight normalization. Its backward step centres the
 * gradient: ∇_t L = ∇_y L − mean(∇_y L)·1.
 */
public final class DataDependentInit {

    private DataDependentInit() {
    }

    /** γ and β of the data-dependent initialization. */
    public record Init(double gamma, double beta) {
    }

    /** t_i = uᵀx_i/‖u‖ for every row x_i of the batch; {@code x} (n×d) and {@code u} not modified. */
    public static double[] projections(DMatrixRMaj x, double[] u) {
        WeightNorm.requireDirection(u, "u");
        return Vectors.scale(1 / Vectors.norm(u), Inputs.project(x, u));
    }

    /** Salimans and Kingma §2.2: γ = 1/σ[t], β = −μ[t]/σ[t] from the batch {@code x} (n×d, n ≥ 2). */
    public static Init of(DMatrixRMaj x, double[] u) {
        BatchMoments m = BatchNorm.moments(projections(x, u));
        Arguments.that(m.std() > 0, "x", "make uᵀx vary over the batch (σ[t] > 0)", "σ[t] = " + m.std());
        return new Init(1 / m.std(), -m.mean() / m.std());
    }

    /** The population values γ* = ‖u‖/√(uᵀΣu), β* = −uᵀm/√(uᵀΣu) for x ~ N(m, Σ). */
    public static Init population(double[] mean, DMatrixRMaj covariance, double[] u) {
        double scale = BatchNormLink.predictedScale(covariance, u);   // √(uᵀΣu)/‖u‖
        double shift = BatchNormLink.predictedShift(mean, u);         // uᵀm/‖u‖
        return new Init(1 / scale, -shift / scale);
    }

    /** The pre-activations γ uᵀx_i/‖u‖ + β of the unit over the batch {@code x}. */
    static double[] preActivations(DMatrixRMaj x, double[] u, Init init) {
        double[] t = projections(x, u);
        double[] out = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            out[i] = init.gamma() * t[i] + init.beta();
        }
        return out;
    }

    /** Salimans and Kingma §2.3: y_i = t_i − μ[t] + β over the batch {@code t} (n ≥ 2). */
    public static double[] meanOnly(double[] t, double beta) {
        Arguments.finite(beta, "beta");
        double mu = BatchNorm.moments(t).mean();
        double[] y = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            y[i] = t[i] - mu + beta;
        }
        return y;
    }

    /** The backward step of {@link #meanOnly}: ∇_t L = ∇_y L − mean(∇_y L)·1, the gradient centred. */
    public static double[] meanOnlyBackward(double[] gradY) {
        return meanOnly(gradY, 0);
    }

    /**
     * One row of notebook 04's initialization check: the batch, and the mean and standard deviation
     * of the pre-activations γt + β over it.
     */
    public record Row(String batch, int n, double mean, double std) {
    }

    /**
     * The initialization check of notebook 04, read by name: the batch the initialization was
     * computed on, and a fresh batch from the same distribution.
     */
    public record InitCheck(Row ownBatch, Row freshBatch) {

        /** The two rows in that order. */
        public List<Row> rows() {
            return List.of(ownBatch, freshBatch);
        }

        /** The rows as a table. */
        public Table table() {
            return Tables.of("Data-dependent initialization: pre-activations γt + β", rows(),
                    "batch", "n", "mean of γt + β", "std of γt + β");
        }
    }

    /**
     * The initialization computed on {@code sample}'s batch, then applied to that batch and to a
     * fresh batch of {@code n} draws from the same Gaussian (notebook 04).
     */
    public static InitCheck check(InputSample sample, double[] u, int n, Random rng) {
        Init init = of(sample.x(), u);
        DMatrixRMaj fresh = Inputs.gaussian(n, sample.mean(), sample.covariance(), rng);
        BatchMoments own = BatchNorm.moments(preActivations(sample.x(), u, init));
        BatchMoments other = BatchNorm.moments(preActivations(fresh, u, init));
        return new InitCheck(new Row("the batch used to initialize", own.n(), own.mean(), own.std()),
                new Row("a fresh batch", other.n(), other.mean(), other.std()));
    }
}
