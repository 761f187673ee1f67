package dltheory.init;

import java.util.Random;

import org.ejml.concurrency.EjmlConcurrency;

import dltheory.check.Arguments;

/**
 * The backward pass of notebook 01, step 7, on an ensemble of independently drawn nets: the
 * counterpart of {@link SweepEnsemble} for the gradient. One net's backward factor
 * (Var[δ⁽¹⁾]/Var[δ⁽ᴸ⁾])^(1/(L−1)) ({@link GradientSweep#layerFactor()}) spreads so much across
 * draws that a 5 % error in it is only about 2.5 standard errors; M nets of a few layers each
 * give M·(L − 1) factors for the price of drawing the nets.
 *
 * <p><b>The test.</b> For net m write b_t = Var[δ⁽ᵗ⁾] / Var[δ⁽ᵗ⁺¹⁾], t = 1…L − 1, its factor going
 * down one layer, and B_m its mean over the layers. Step 7 predicts E[b_t] = d·Var[w]·E[g′(a)²]
 * (for square layers the forward factor ρ of {@link Theory#layerFactor}) under the assumption that
 * W⁽ᵗ⁺¹⁾ is independent of δ⁽ᵗ⁺¹⁾ and of g′(a⁽ᵗ⁾); the nets do not make that assumption (they
 * back-propagate through the weights of their own forward pass), so the check tests the
 * prediction, dependence included. The nets are independent, so the B_m are i.i.d., each a mean of
 * L − 1 light-tailed ratios: the t-statistic z = (mean B_m − ρ)/(sd(B_m)/√M) is Student's t with
 * M − 1 degrees of freedom when the prediction is right (two-sided tail beyond 4: 4.0·10⁻⁴ at
 * M = 30). That the dependence moves E[b_t] by a negligible part of the standard error at the
 * notebook's width is measured, not assumed: GradientEnsembleTest.
 *
 * @param label  "activation, init" of the nets
 * @param width  d
 * @param factor  b_t of each net, [net][t − 1], t = 1…L − 1
 * @param forward the forward sweeps of the same nets, as {@link SweepEnsemble#draw} gives them
 */
public record GradientEnsemble(String label, int width, double[][] factor, SweepEnsemble forward) {

    /**
     * Draws {@code nets} nets of the scheme exactly as {@link SweepEnsemble#draw} does (same seeds,
     * same forward sweeps, so {@link #forward()} equals that ensemble) and back-propagates
     * L = Σ r ⊙ a⁽ᴸ⁾ through each ({@link Backward#sweep}).
     *
     * @param init  the weight law (mean 0)
     * @param g     the activation
     * @param depth L ≥ 2
     * @param width d ≥ 2
     * @param batch n ≥ 2
     * @param nets  M ≥ 3
     * @param rng   the experiment's generator
     */
    public static GradientEnsemble draw(Init init, Activation g, int depth, int width, int batch,
                                        int nets, Random rng) {
        Arguments.atLeast(nets, 3, "nets");
        Arguments.atLeast(depth, 2, "depth");
        Net.requireArguments(init, g, depth, width, rng);
        long[] seeds = new long[nets];
        for (int m = 0; m < nets; m++) {
            seeds[m] = rng.nextLong();
        }
        GradientSweep[] sweeps = new GradientSweep[nets];
        EjmlConcurrency.loopFor(0, nets, m -> {
            sweeps[m] = Backward.sweep(init, g, depth, width, batch, new Random(seeds[m]));
        });
        Sweep[] forward = new Sweep[nets];
        double[][] factor = new double[nets][depth - 1];
        for (int m = 0; m < nets; m++) {
            forward[m] = sweeps[m].forward();
            for (int t = 1; t < depth; t++) {
                factor[m][t - 1] = sweeps[m].var(t) / sweeps[m].var(t + 1);
            }
        }
        return new GradientEnsemble(sweeps[0].label(), width, factor, SweepEnsemble.of(width, forward));
    }

    /** M, the number of nets. */
    public int nets() {
        return factor.length;
    }

    /** The per-layer factors of the nets and their statistics, shared with {@link SweepEnsemble}. */
    NetFactors netFactors() {
        return new NetFactors(factor);
    }

    /** B_m, net m's mean of b_t over t = 1…L − 1 (m = 0…M − 1). */
    double netFactor(int m) {
        return netFactors().netFactor(m);
    }

    /** The measured backward factor of the ensemble: the mean of B_m over the nets. */
    public double layerFactor() {
        return netFactors().mean();
    }

    /** The standard error of {@link #layerFactor()}: sd(B_m)/√M over the independent nets. */
    double layerFactorStandardError() {
        return netFactors().standardError();
    }

    /**
     * The t-statistic of {@link SweepEnsemble}'s class comment against the claim E[b_t] = ρ: signed,
     * positive when the gradient shrinks less; Student's t with M − 1 degrees of freedom under the claim.
     */
    public double z(double rho) {
        return netFactors().z(rho);
    }

    /**
     * The check cell of step 7: each layer going down multiplies Var[δ] by ρ in expectation,
     * |z| ≤ k for the t-statistic of the class comment (k = 4 at M = 30: false alarm 4.0·10⁻⁴,
     * Student's t with 29 degrees of freedom). Prints a ✓ line or throws {@link AssertionError}.
     *
     * @param rho the predicted backward factor d·Var[w]·E[g′(a)²], &gt; 0
     * @param k   the tolerance in standard errors, &gt; 0
     */
    public void checkLayerFactor(double rho, double k) {
        netFactors().check(label + ": Var[∂L/∂a⁽ᵗ⁾]/Var[∂L/∂a⁽ᵗ⁺¹⁾] over " + nets() + " nets × "
                + factor[0].length + " layers", rho, k);
    }
}
