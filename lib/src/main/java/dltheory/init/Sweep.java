package dltheory.init;

import static dltheory.text.SignificantFormat.format;

import dltheory.check.Arguments;

import java.util.ArrayList;
import java.util.List;

import dltheory.check.Check;
import dltheory.check.MonteCarlo;
import dltheory.table.Tables;
import dltheory.text.Notation;
import tech.tablesaw.api.Table;
import dltheory.linalg.Vectors;
import java.util.stream.IntStream;

/**
 * The forward variance sweep of notebook 01: per-layer statistics of the pre-activations a⁽ᵗ⁾ and
 * activations h⁽ᵗ⁾ = g(a⁽ᵗ⁾), t = 1…L, pooled over the d units and the n inputs of a batch
 * (the expectation of Q1 is over both the weights and the inputs). Arrays are indexed by t − 1;
 * use the 1-based accessors {@link #var(int)}, {@link #mean(int)}, … in notebooks.
 *
 * <p><b>Standard errors.</b> Given h⁽ᵗ⁻¹⁾ the d rows of W⁽ᵗ⁾ are independent, so the d per-unit
 * averages over the batch are i.i.d.: their spread gives the standard error of the pooled mean
 * and, relative, of the pooled mean square. With E[w] = 0 each layer multiplies the mean square
 * by a random factor 1 + ε whose conditional expectation is exact (Q1's equation (10) and, for
 * ReLU, E[g(a)²] = ½E[a²] for symmetric a), so the errors compound multiplicatively and add in
 * quadrature on the log scale: s_t² = e_0² + Σ_{s &lt; t} e_h,s² + e_a,t², where e is the relative
 * standard error of one layer. s_t is the standard deviation of ln Var[a⁽ᵗ⁾], and since
 * E[ln(1 + ε)] ≈ −e²/2, ln Var[a⁽ᵗ⁾] ≈ N(ln prediction − s_t²/2, s_t²): the checks use that.
 *
 * @param init          the initialization's name
 * @param activation    the activation's name
 * @param depth         L
 * @param width         d
 * @param batch         n
 * @param c             the bias of every unit
 * @param meanA         E[a⁽ᵗ⁾]
 * @param varA          Var[a⁽ᵗ⁾] = E[a²] − E[a]²
 * @param seMeanA       standard error of meanA
 * @param relSeVarA     relative standard error of varA: the standard deviation s_t of ln Var[a⁽ᵗ⁾]
 * @param meanH         E[h⁽ᵗ⁾]
 * @param varH          Var[h⁽ᵗ⁾]
 * @param predictedVarA the mean-field prediction of {@link Theory#meanFieldVariance}; NaN when E[w] ≠ 0
 * @param samples       for each layer, {@value Net#SAMPLES_PER_LAYER} entries of a⁽ᵗ⁾ at a fixed stride
 */
public record Sweep(String init, String activation, int depth, int width, int batch, double c,
                    double[] meanA, double[] varA, double[] seMeanA, double[] relSeVarA,
                    double[] meanH, double[] varH, double[] predictedVarA, double[][] samples) {

    /** The label used in legends and tables: "activation, init". */
    public String label() {
        return activation + ", " + init;
    }

    /** The layer indices 1, …, L, as an x axis. */
    public double[] layers() {
        double[] x = new double[depth];
        for (int t = 0; t < depth; t++) {
            x[t] = t + 1;
        }
        return x;
    }

    /** Var[a⁽ᵗ⁾], t = 1…L. */
    public double var(int t) {
        return varA[index(t)];
    }

    /** The relative standard error of Var[a⁽ᵗ⁾], i.e. the standard deviation s_t of ln Var[a⁽ᵗ⁾]. */
    double relSe(int t) {
        return relSeVarA[index(t)];
    }

    /**
     * How many standard errors ln Var[a⁽ᵗ⁾] lies from its expected value ln(prediction) − s_t²/2:
     * |ln(Var[a⁽ᵗ⁾] / prediction) + s_t²/2| / s_t.
     */
    public double z(int t) {
        requirePrediction();
        double s = relSe(t);
        return Math.abs(Math.log(var(t) / predicted(t)) + s * s / 2) / s;
    }

    /** The mean-field prediction of Var[a⁽ᵗ⁾] (exact in expectation for identity and ReLU when c = 0 and E[w] = 0). */
    public double predicted(int t) {
        return predictedVarA[index(t)];
    }

    /** E[a⁽ᵗ⁾]. */
    public double mean(int t) {
        return meanA[index(t)];
    }

    /** The standard error of E[a⁽ᵗ⁾]. */
    double seMean(int t) {
        return seMeanA[index(t)];
    }

    /** E[h⁽ᵗ⁾]. */
    public double meanH(int t) {
        return meanH[index(t)];
    }

    /** A copy of the kept entries of a⁽ᵗ⁾ (for histograms). */
    public double[] sample(int t) {
        return samples[index(t)].clone();
    }

    /** The layer t where {@link #z(int)} is largest. */
    int worstLayer() {
        requirePrediction();
        return 1 + Vectors.argmax(IntStream.rangeClosed(1, depth).mapToDouble(this::z).toArray());
    }

    /** The layer t where |E[a⁽ᵗ⁾] − c| / SE is largest. */
    int worstMeanLayer() {
        return 1 + Vectors.argmax(IntStream.rangeClosed(1, depth)
                .mapToDouble(t -> Math.abs(mean(t) - c) / seMean(t)).toArray());
    }

    /**
     * Checks that Var[a⁽ᵗ⁾] agrees with its prediction within k standard errors (on the log scale,
     * see above) at every layer, by checking the worst layer (notebook 01, Q1.1 and Q1.2).
     * Prints a ✓ line or throws.
     */
    public void checkVariance(double k) {
        int t = worstLayer();
        Check.that(z(t) <= k, label() + ": " + Notation.unicode("Var[a^{(" + t + ")}]") + " = " + format(var(t), 4) + " vs prediction "
                + format(predicted(t), 4) + " at the worst of " + depth + " layers",
                format(z(t), 4) + " SE of ln Var (SE " + format(relSe(t), 4) + "), tol " + format(k, 4) + " SE");
    }

    /**
     * {@link #checkVariance} and then {@link #checkMean} for each sweep in turn, so that one check
     * cell of notebook 01 covers several nets. Prints two ✓ lines per sweep or throws at the first
     * claim that fails.
     *
     * @param k      the tolerance in standard errors, e.g. {@link #worstOfLayersK}
     * @param sweeps at least one sweep, each with a prediction (E[w] = 0)
     */
    public static void checkVarianceAndMean(double k, Sweep... sweeps) {
        Arguments.that(sweeps != null && sweeps.length > 0, "sweeps", "hold at least one sweep",
                sweeps == null ? "null" : "none");
        for (Sweep s : sweeps) {
            s.checkVariance(k);
            s.checkMean(k);
        }
    }

    /** Checks that E[a⁽ᵗ⁾] is within k standard errors of c at every layer (E[w] = 0). */
    public void checkMean(double k) {
        int t = worstMeanLayer();
        Check.withinStandardErrors(mean(t), seMean(t), c, k,
                Notation.unicode("E[a^{(" + t + ")}]") + " (worst of " + depth + " layers), " + label());
    }

    /**
     * The measured per-layer factor (Var[a⁽ᴸ⁾] / Var[a⁽¹⁾])^(1/(L−1)), to compare with the
     * analytic d·Var[w]·k of {@link Theory#layerFactor}. Its standard error treats the relative
     * errors of the two layers as independent, which over-counts the shared part (conservative).
     */
    public Estimate layerFactor() {
        if (depth < 2) {
            throw new IllegalStateException("layerFactor needs depth >= 2, got " + depth);
        }
        double ratio = var(depth) / var(1);
        double f = Math.pow(ratio, 1.0 / (depth - 1));
        double r1 = relSe(1);
        double rL = relSe(depth);
        return new Estimate(f, f * Math.sqrt(r1 * r1 + rL * rL) / (depth - 1));
    }

    /** One row of {@link #table}. */
    public record Layer(int t, double meanA, double seMeanA, double varA, double relSeVarA, double predictedVarA,
                        double meanH, double varH) {
    }

    /** The per-layer numbers at the given layers (all layers when none are given). */
    public Table table(int... layers) {
        List<Layer> rows = new ArrayList<>();
        int[] ts = layers.length == 0 ? range(depth) : layers;
        for (int t : ts) {
            int i = index(t);
            rows.add(new Layer(t, meanA[i], seMeanA[i], varA[i], relSeVarA[i], predictedVarA[i], meanH[i], varH[i]));
        }
        return Tables.of(label() + " (d = " + width + ", n = " + batch + ")", rows,
                "t", "E[a]", "SE(E[a])", "Var[a]", "rel. SE(Var[a])", "Var[a] predicted", "E[h]", "Var[h]");
    }

    /**
     * The number of standard errors k for a check of the worst of {@code layers} layers that keeps
     * the false-alarm rate of a single check at {@link MonteCarlo#K} standard errors (Bonferroni):
     * Φ(−k) = Φ(−K)/layers. For 50 layers k ≈ 4.84. Conservative when the layers are correlated.
     */
    public static double worstOfLayersK(int layers) {
        Arguments.atLeast(layers, 1, "layers");
        double target = Normal.cdf(-MonteCarlo.K) / layers;
        double lo = MonteCarlo.K;
        double hi = 40;
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (Normal.cdf(-mid) > target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    private int index(int t) {
        Arguments.inRange(t, 1, depth, "layer t");
        return t - 1;
    }

    private void requirePrediction() {
        if (Double.isNaN(predictedVarA[0])) {
            throw new IllegalStateException("no prediction for " + label() + " (E[w] != 0)");
        }
    }

    static int[] range(int depth) {
        int[] ts = new int[depth];
        for (int t = 0; t < depth; t++) {
            ts[t] = t + 1;
        }
        return ts;
    }
}
