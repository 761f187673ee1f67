package dltheory.init;

import static dltheory.table.SignificantFormat.format;

import dltheory.check.Arguments;

import java.util.Arrays;
import java.util.Random;

import org.ejml.concurrency.EjmlConcurrency;

import dltheory.check.Check;

/**
 * An ensemble of independently drawn nets of one scheme (notebook 01, step 3, "an ensemble of
 * nets"): the forward sweep of each, reduced to ln Var[a⁽ᵗ⁾] per layer. The derivation fixes
 * E[Var[a⁽ᵗ⁾]] over the draw of the weights; one net is one draw, so the claim is tested on the
 * ensemble.
 *
 * <p><b>The test.</b> Each layer multiplies the variance by an independent random factor whose
 * expectation is the predicted one, so ln Var[a⁽ᵗ⁾] is a sum of many small independent terms and
 * close to normal, N(ln p_t − s_t²/2, s_t²), with p_t the prediction and s_t² its spread across
 * nets (for ReLU with normal weights s_t² ≈ 5t/d: Hanin and Rolnick 2018). With M nets, m_t the
 * mean of ln Var[a⁽ᵗ⁾] and ŝ_t² its sample variance, the statistic
 * z_t = (m_t + ŝ_t²/2 − ln p_t) / √(ŝ_t²/M + ŝ_t⁴/(2(M − 1))) is about N(0, 1) when the scheme is
 * right (the second term is the error of ŝ_t²/2). A weight variance off by a factor 1 + e shifts
 * m_t by t·ln(1 + e), which grows linearly in t while the spread grows like √t.
 *
 * @param label      "activation, init" of the nets
 * @param width      d
 * @param logVar     ln Var[a⁽ᵗ⁾], [net][t − 1]
 * @param predicted  the scheme's own prediction p_t of {@link Theory#meanFieldVariance}, [t − 1]
 */
public record SweepEnsemble(String label, int width, double[][] logVar, double[] predicted) {

    /**
     * Draws {@code nets} nets of the scheme, each from its own seed taken from {@code rng}, and
     * runs the forward sweep of each on its own batch of standardized inputs (the nets in parallel
     * on EJML's threads, {@link EjmlConcurrency#setMaxThreads}; same result on any number).
     *
     * @param init  the weight law (mean 0, so that there is a prediction)
     * @param g     the activation
     * @param depth L ≥ 1
     * @param width d ≥ 2
     * @param batch n ≥ 2
     * @param nets  M ≥ 3
     * @param rng   the experiment's generator
     */
    public static SweepEnsemble draw(Init init, Activation g, int depth, int width, int batch,
                                     int nets, Random rng) {
        Arguments.atLeast(nets, 3, "nets");
        Net.requireArguments(init, g, depth, width, rng);
        long[] seeds = new long[nets];
        for (int m = 0; m < nets; m++) {
            seeds[m] = rng.nextLong();
        }
        double[][] logVar = new double[nets][];
        Sweep[] firstNet = new Sweep[1];
        // The nets are independent, each drawn from its own seed: they run in parallel on EJML's
        // pool, and the result does not depend on the number of threads.
        EjmlConcurrency.loopFor(0, nets, m -> {
            Sweep s = Forward.sweep(init, g, depth, width, batch, new Random(seeds[m]));
            if (m == 0) {
                firstNet[0] = s;
            }
            logVar[m] = Arrays.stream(s.varA()).map(Math::log).toArray();
        });
        Sweep first = firstNet[0];
        if (Double.isNaN(first.predictedVarA()[0])) {
            throw new IllegalArgumentException("init must have mean 0 (no prediction otherwise)");
        }
        return new SweepEnsemble(first.label(), width, logVar, first.predictedVarA().clone());
    }

    /** L. */
    public int depth() {
        return predicted.length;
    }

    /** M, the number of nets. */
    public int nets() {
        return logVar.length;
    }

    /** m_t, the mean over the nets of ln Var[a⁽ᵗ⁾]. */
    public double meanLogVar(int t) {
        int i = index(t);
        double sum = 0;
        for (double[] net : logVar) {
            sum += net[i];
        }
        return sum / logVar.length;
    }

    /** ŝ_t², the sample variance over the nets of ln Var[a⁽ᵗ⁾]. */
    public double spread(int t) {
        int i = index(t);
        double m = meanLogVar(t);
        double sum = 0;
        for (double[] net : logVar) {
            sum += (net[i] - m) * (net[i] - m);
        }
        return sum / (logVar.length - 1);
    }

    /**
     * The z_t of the class comment against the claim E[Var[a⁽ᵗ⁾]] = ρᵗ: signed, positive when
     * the nets grow faster than claimed.
     */
    public double z(int t, double rho) {
        double s2 = spread(t);
        int nets = nets();
        double se = Math.sqrt(s2 / nets + s2 * s2 / (2.0 * (nets - 1)));
        return (meanLogVar(t) + s2 / 2 - t * Math.log(rho)) / se;
    }

    /** The layer where |z_t| against the claim ρᵗ is largest. */
    public int worstLayer(double rho) {
        int worst = 1;
        for (int t = 2; t <= depth(); t++) {
            if (Math.abs(z(t, rho)) > Math.abs(z(worst, rho))) {
                worst = t;
            }
        }
        return worst;
    }

    /**
     * The per-layer growth of the ensemble, exp of the least-squares slope of
     * m_t + ŝ_t²/2 against t: the measured counterpart of d·Var[w]·k (1 for a critical scheme).
     */
    public double layerFactor() {
        int n = depth();
        double tMean = (n + 1) / 2.0;
        double yMean = 0;
        for (int t = 1; t <= n; t++) {
            yMean += corrected(t) / n;
        }
        double num = 0;
        double den = 0;
        for (int t = 1; t <= n; t++) {
            num += (t - tMean) * (corrected(t) - yMean);
            den += (t - tMean) * (t - tMean);
        }
        return Math.exp(num / den);
    }

    /**
     * The q-quantile over the nets of Var[a⁽ᵗ⁾] at every layer (q = 0.5: the median), for the
     * band of {@link Figures#varianceBands}. Uses the nearest rank of the sorted values.
     */
    public double[] quantile(double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("q must be in [0, 1], got " + q);
        }
        double[] out = new double[depth()];
        double[] column = new double[nets()];
        for (int i = 0; i < out.length; i++) {
            for (int m = 0; m < column.length; m++) {
                column[m] = logVar[m][i];
            }
            Arrays.sort(column);
            out[i] = Math.exp(column[(int) Math.round(q * (column.length - 1))]);
        }
        return out;
    }

    /**
     * The check cell of step 3: the claim E[Var[a⁽ᵗ⁾]] = ρᵗ (ρ = 1 for a critical scheme such
     * as He's), |z_t| ≤ k at every layer, by checking the worst one (use
     * {@link Sweep#worstOfLayersK} for k). Prints a ✓ line or throws {@link AssertionError}.
     *
     * @param rho the claimed per-layer factor d·Var[w]·k, &gt; 0
     * @param k   the tolerance in standard errors
     */
    public void checkLayerFactor(double rho, double k) {
        if (!(rho > 0)) {
            throw new IllegalArgumentException("rho must be > 0, got " + rho);
        }
        int t = worstLayer(rho);
        double z = Math.abs(z(t, rho));
        Check.that(z <= k, label + ": E[Var[a" + Sweep.sup(t) + "]] over " + nets() + " nets vs ρᵗ = "
                        + format(Math.pow(rho, t), 4) + " (ρ = " + format(rho, 4) + ") at the worst of "
                        + depth() + " layers",
                format(z, 4) + " SE on the log scale, tol " + format(k, 4) + " SE; measured per-layer factor "
                        + format(layerFactor(), 4));
    }

    private double corrected(int t) {
        return meanLogVar(t) + spread(t) / 2;
    }

    private int index(int t) {
        if (t < 1 || t > depth()) {
            throw new IllegalArgumentException("layer t must be in [1, " + depth() + "], got " + t);
        }
        return t - 1;
    }

}
