package dltheory.init;

import java.util.Arrays;
import java.util.Random;

import org.ejml.concurrency.EjmlConcurrency;

import dltheory.check.Arguments;
import dltheory.check.Stats;

/**
 * An ensemble of independently drawn nets of one scheme (notebook 01, step 3, "an ensemble of
 * nets"): the forward sweep of each, reduced to ln Var[a⁽ᵗ⁾] per layer (for the bands of
 * {@link Figures#varianceBands}) and to the per-layer factors of the second moment (for the check).
 * The derivation fixes the expectation over the draw of the weights; one net is one draw, so the
 * claim is tested on the ensemble.
 *
 * <p><b>The test.</b> Write q_t = E[(a⁽ᵗ⁾)²] for a net's second moment pooled over the d units and
 * the n inputs, and f_t = q_t / q_{t−1} for its factor at layer t = 2…L. Given h⁽ᵗ⁻¹⁾, step 2 gives
 * E[q_t] = d·Var[w]·E[(h⁽ᵗ⁻¹⁾)²] (pooled) for zero-mean weights, and for ReLU the pooled ratio
 * E[(h⁽ᵗ⁻¹⁾)²] / q_{t−1} has expectation exactly ½: flipping the sign of one row of W⁽ᵗ⁻¹⁾, which a
 * symmetric weight law does not notice, swaps ReLU(a)² and ReLU(−a)² of that unit and leaves
 * q_{t−1} unchanged, and ReLU(a)² + ReLU(−a)² = a². So E[f_t] = d·Var[w]·k = ρ exactly, at every
 * layer and for every symmetric weight law (normal and uniform alike), with no large-width or
 * lognormal approximation. The factors of one net depend on each other through the net, but the
 * nets are independent: the M per-net means F_m of f_t over the layers are i.i.d. with mean ρ, and
 * each is a mean of L − 1 light-tailed factors, close to normal. The check is the t-statistic
 * z = (mean F_m − ρ) / (sd(F_m)/√M), whose law is Student's t with M − 1 degrees of freedom: at the
 * notebook's M = 30 the two-sided tail beyond 4 is 4.0·10⁻⁴ (one comparison per ensemble, no
 * correction over layers needed). A weight variance off by a factor 1 + e moves every f_t by the
 * same factor, against a standard error of about 0.004 at the notebook's sizes.
 *
 * <p>Why not ln Var[a⁽ᵗ⁾] layer by layer: it is a sum of t random log-factors, so its spread grows
 * with depth, and a test of E[Var] on it needs the lognormal correction ŝ_t²/2, itself estimated
 * from M nets; that statistic is skewed and heavy-tailed and raised false alarms about 30 times
 * more often than its normal tail promised (issue #31).
 *
 * @param label      "activation, init" of the nets
 * @param width      d
 * @param logVar     ln Var[a⁽ᵗ⁾], [net][t − 1]
 * @param factor     f_t = E[(a⁽ᵗ⁾)²] / E[(a⁽ᵗ⁻¹⁾)²] of each net, [net][t − 2], t = 2…L
 * @param predicted  the scheme's own prediction p_t of {@link Theory#meanFieldVariance}, [t − 1]
 */
public record SweepEnsemble(String label, int width, double[][] logVar, double[][] factor,
                            double[] predicted) {

    /**
     * Draws {@code nets} nets of the scheme, each from its own seed taken from {@code rng}, and
     * runs the forward sweep of each on its own batch of standardized inputs (the nets in parallel
     * on EJML's threads, {@link EjmlConcurrency#setMaxThreads}; same result on any number).
     *
     * @param init  the weight law (mean 0, so that there is a prediction)
     * @param g     the activation
     * @param depth L ≥ 2
     * @param width d ≥ 2
     * @param batch n ≥ 2
     * @param nets  M ≥ 3
     * @param rng   the experiment's generator
     */
    public static SweepEnsemble draw(Init init, Activation g, int depth, int width, int batch,
                                     int nets, Random rng) {
        Arguments.atLeast(nets, 3, "nets");
        Arguments.atLeast(depth, 2, "depth");
        Net.requireArguments(init, g, depth, width, rng);
        long[] seeds = new long[nets];
        for (int m = 0; m < nets; m++) {
            seeds[m] = rng.nextLong();
        }
        Sweep[] sweeps = new Sweep[nets];
        // The nets are independent, each drawn from its own seed: they run in parallel on EJML's
        // pool, and the result does not depend on the number of threads.
        EjmlConcurrency.loopFor(0, nets, m -> {
            sweeps[m] = Forward.sweep(init, g, depth, width, batch, new Random(seeds[m]));
        });
        return of(width, sweeps);
    }

    /** The ensemble of the given forward sweeps of independent nets of one scheme (M ≥ 3). */
    static SweepEnsemble of(int width, Sweep[] sweeps) {
        int nets = sweeps.length;
        int depth = sweeps[0].predictedVarA().length;
        double[][] logVar = new double[nets][];
        double[][] factor = new double[nets][depth - 1];
        for (int m = 0; m < nets; m++) {
            Sweep s = sweeps[m];
            logVar[m] = Arrays.stream(s.varA()).map(Math::log).toArray();
            for (int t = 2; t <= depth; t++) {
                factor[m][t - 2] = secondMoment(s, t) / secondMoment(s, t - 1);
            }
        }
        Sweep first = sweeps[0];
        Arguments.that(!Double.isNaN(first.predictedVarA()[0]), "init", "have mean 0 (no prediction otherwise)",
                first.label());
        return new SweepEnsemble(first.label(), width, logVar, factor, first.predictedVarA().clone());
    }

    private static double secondMoment(Sweep s, int t) {
        return s.var(t) + s.mean(t) * s.mean(t);
    }

    /** L. */
    int depth() {
        return predicted.length;
    }

    /** M, the number of nets. */
    public int nets() {
        return logVar.length;
    }

    /** m_t, the mean over the nets of ln Var[a⁽ᵗ⁾]. */
    double meanLogVar(int t) {
        return Stats.mean(logVarAt(index(t)));
    }

    /** ŝ_t², the sample variance over the nets of ln Var[a⁽ᵗ⁾]. */
    public double spread(int t) {
        return Stats.variance(logVarAt(index(t)));
    }

    /** ln Var[a⁽ᵗ⁾] of each net at layer index i (t − 1), a new array in the nets' order. */
    private double[] logVarAt(int i) {
        double[] column = new double[nets()];
        for (int m = 0; m < column.length; m++) {
            column[m] = logVar[m][i];
        }
        return column;
    }

    /** The per-layer factors of the nets and their statistics, shared with {@link GradientEnsemble}. */
    NetFactors netFactors() {
        return new NetFactors(factor);
    }

    /** F_m, net m's mean of the per-layer factors f_t over t = 2…L (m = 0…M − 1). */
    double netFactor(int m) {
        return netFactors().netFactor(m);
    }

    /**
     * The measured per-layer factor of the ensemble, the mean of F_m over the nets: the
     * counterpart of d·Var[w]·k (1 for a critical scheme).
     */
    public double layerFactor() {
        return netFactors().mean();
    }

    /** The standard error of {@link #layerFactor()}: sd(F_m)/√M over the independent nets. */
    double layerFactorStandardError() {
        return netFactors().standardError();
    }

    /**
     * The t-statistic of the class comment against the claim E[f_t] = ρ: signed, positive when
     * the nets grow faster than claimed; Student's t with M − 1 degrees of freedom under the claim.
     */
    public double z(double rho) {
        return netFactors().z(rho);
    }

    /**
     * The q-quantile over the nets of Var[a⁽ᵗ⁾] at every layer (q = 0.5: the median), for the
     * band of {@link Figures#varianceBands}. Uses the nearest rank of the sorted values.
     */
    double[] quantile(double q) {
        Arguments.inClosed(q, 0, 1, "q");
        double[] out = new double[depth()];
        for (int i = 0; i < out.length; i++) {
            double[] column = logVarAt(i);
            Arrays.sort(column);
            out[i] = Math.exp(column[(int) Math.round(q * (column.length - 1))]);
        }
        return out;
    }

    /**
     * The check cell of step 3: the claim that each layer multiplies the second moment by ρ in
     * expectation (ρ = 1 for a critical scheme such as He's), |z| ≤ k for the t-statistic of the
     * class comment. With M = 30 nets, k = 4 gives a false-alarm probability of 4.0·10⁻⁴
     * (Student's t, 29 degrees of freedom). Prints a ✓ line or throws {@link AssertionError}.
     *
     * @param rho the claimed per-layer factor d·Var[w]·k, &gt; 0
     * @param k   the tolerance in standard errors, &gt; 0
     */
    public void checkLayerFactor(double rho, double k) {
        netFactors().check(label + ": E[(a⁽ᵗ⁾)²]/E[(a⁽ᵗ⁻¹⁾)²] over " + nets() + " nets × "
                + (depth() - 1) + " layers", rho, k);
    }

    private int index(int t) {
        Arguments.inRange(t, 1, depth(), "layer t");
        return t - 1;
    }

}
