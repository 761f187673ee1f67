package dltheory.init;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import dltheory.check.Arguments;
import dltheory.check.Check;
import dltheory.check.MonteCarlo;
import dltheory.random.Seeded;
import dltheory.table.Tables;
import tech.tablesaw.api.Table;
import dltheory.check.Stats;

/**
 * Glorot's compromise on a layer with fan-in d_in ≠ fan-out d_out, notebook 01 (Glorot &amp; Bengio
 * 2010, their equations (10)–(12)). For a linear layer a = Wh with i.i.d. zero-mean weights of
 * variance v, the forward pass multiplies the variance by d_in·v and the backward pass,
 * δ_in = Wᵀδ_out, by d_out·v. Both are 1 only when d_in = d_out; v = 1/d_in fixes the forward
 * factor, v = 1/d_out the backward one, and Glorot's v = 2/(d_in + d_out), the harmonic mean of
 * the two, makes the factors 2d_in/(d_in + d_out) and 2d_out/(d_in + d_out), whose sum is 2.
 */
public final class Glorot {

    private Glorot() {
    }

    /** Glorot's variance 2/(d_in + d_out). */
    public static double variance(int dIn, int dOut) {
        Arguments.atLeast(dIn, 1, "dIn");
        Arguments.atLeast(dOut, 1, "dOut");
        return 2.0 / (dIn + dOut);
    }

    /**
     * The measured factors of one scheme.
     *
     * @param scheme            its name
     * @param variance          v
     * @param forward           mean of (Wh)² over units and batch, for h ~ N(0, I): Var[a]/Var[h]
     * @param forwardPredicted  d_in·v
     * @param forwardSe         the standard error of {@code forward}
     * @param backward          mean of (Wᵀδ)² for δ ~ N(0, I): Var[δ_in]/Var[δ_out]
     * @param backwardPredicted d_out·v
     * @param backwardSe        the standard error of {@code backward}
     */
    public record Factors(String scheme, double variance, double forward, double forwardPredicted, double forwardSe,
                          double backward, double backwardPredicted, double backwardSe) {
    }

    /**
     * Measures both factors of a d_out×d_in layer with N(0, v) weights on a batch of n standard
     * normal inputs (forward) and output gradients (backward). The standard error combines the
     * spread of the per-unit averages, which are independent given the batch, with the
     * fluctuation 2/(n·d) of the batch's own mean square (d = d_in forward, d_out backward).
     *
     * @param n the batch size, ≥ 2
     */
    public static Factors measure(String scheme, double variance, int dIn, int dOut, int n, Random rng) {
        Arguments.positive(variance, "variance");
        Arguments.atLeast(dIn, 2, "dIn");
        Arguments.atLeast(dOut, 2, "dOut");
        Arguments.atLeast(n, 2, "n");
        DMatrixRMaj w = Seeded.normal(dOut, dIn, 0, Math.sqrt(variance), rng);
        DMatrixRMaj h = Seeded.normal(dIn, n, 0, 1, rng);
        DMatrixRMaj delta = Seeded.normal(dOut, n, 0, 1, rng);
        DMatrixRMaj a = new DMatrixRMaj(dOut, n);
        CommonOps_DDRM.mult(w, h, a);
        DMatrixRMaj back = new DMatrixRMaj(dIn, n);
        CommonOps_DDRM.multTransA(w, delta, back);
        double[] f = meanSquareAndSe(a, dIn);
        double[] b = meanSquareAndSe(back, dOut);
        return new Factors(scheme, variance, f[0], dIn * variance, f[1], b[0], dOut * variance, b[1]);
    }

    /** LeCun's 1/d_in, the fan-out rule 1/d_out and Glorot's 2/(d_in + d_out), each measured. */
    public static List<Factors> compare(int dIn, int dOut, int n, Random rng) {
        List<Factors> rows = new ArrayList<>();
        rows.add(measure("1/dᵢₙ (forward)", 1.0 / dIn, dIn, dOut, n, rng));
        rows.add(measure("1/dₒᵤₜ (backward)", 1.0 / dOut, dIn, dOut, n, rng));
        rows.add(measure("2/(dᵢₙ + dₒᵤₜ) (Glorot)", variance(dIn, dOut), dIn, dOut, n, rng));
        return rows;
    }

    /** The rows of {@link #compare} as a table. */
    public static Table table(List<Factors> rows, int dIn, int dOut) {
        return Tables.of("Variance factors of one linear layer, d_in = " + dIn + ", d_out = " + dOut, rows,
                "Var[w]", "v", "forward Var[a]/Var[h]", "d_in·v", "SE (forward)", "backward Var[δ_in]/Var[δ_out]", "d_out·v", "SE (backward)");
    }

    /** The check cell: every measured factor within {@link MonteCarlo#K} standard errors of d_in·v and d_out·v. */
    public static void checkClaims(List<Factors> rows) {
        for (Factors r : rows) {
            Check.withinStandardErrors(r.forward(), r.forwardSe(), r.forwardPredicted(), MonteCarlo.K,
                    r.scheme() + ": forward factor vs d_in·v");
            Check.withinStandardErrors(r.backward(), r.backwardSe(), r.backwardPredicted(), MonteCarlo.K,
                    r.scheme() + ": backward factor vs d_out·v");
        }
    }

    private static double[] meanSquareAndSe(DMatrixRMaj m, int fanIn) {
        double[] rows = Net.rowMeanSquares(m);
        double mean = Stats.mean(rows);
        double relRows = Stats.standardError(rows) / mean;
        double relBatch = Math.sqrt(2.0 / ((double) m.numCols * fanIn));
        return new double[] {mean, mean * Math.hypot(relRows, relBatch)};
    }
}
