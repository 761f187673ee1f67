package dltheory.init;

import dltheory.check.Arguments;

import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

import org.ejml.concurrency.EjmlConcurrency;
import org.ejml.data.DMatrixRMaj;

import dltheory.linalg.Gemm;
import dltheory.check.Stats;

/**
 * A deep fully-connected net of constant width d (notebook 01): a⁽ᵗ⁾ = W⁽ᵗ⁾h⁽ᵗ⁻¹⁾ + c,
 * h⁽ᵗ⁾ = g(a⁽ᵗ⁾), t = 1…L. The standardized inputs play the part of a⁽⁰⁾ (mean 0, variance 1,
 * symmetric), so h⁽⁰⁾ = g(x) and every layer, the first included, is one step of Q1's induction. A batch is a d×n matrix, one input per column, so one layer
 * is one BLAS product (d, d)·(d, n) ({@link Gemm#mult}; a native BLAS uses its own threads).
 * The per-unit statistics run on EJML's thread pool ({@link EjmlConcurrency#loopFor}), so
 * {@link EjmlConcurrency#setMaxThreads} sets their threads (and those of a Java BLAS).
 */
final class Net {

    /** How many entries of a⁽ᵗ⁾ each layer keeps for histograms. */
    static final int SAMPLES_PER_LAYER = 4096;

    final Init init;
    final Activation g;
    final int width;
    /**
     * The seeds of W⁽¹⁾ … W⁽ᴸ⁾: W⁽ᵗ⁾ is drawn again from its seed whenever a pass needs it, so a
     * net of depth L holds L longs instead of L matrices of d² doubles (25 MB for L = 50,
     * d = 256, which the garbage collector would otherwise copy while the sweep runs).
     */
    private final long[] seeds;

    private Net(Init init, Activation g, int width, long[] seeds) {
        this.init = init;
        this.g = g;
        this.width = width;
        this.seeds = seeds;
    }

    /**
     * Draws W⁽¹⁾ … W⁽ᴸ⁾ from {@code init}, in layer order, from {@code rng}: each takes one long
     * from {@code rng}, as {@link Init#draw} does, and the same numbers.
     */
    static Net draw(Init init, Activation g, int depth, int width, Random rng) {
        requireArguments(init, g, depth, width, rng);
        long[] seeds = new long[depth];
        for (int t = 0; t < depth; t++) {
            seeds[t] = rng.nextLong();
        }
        return new Net(init, g, width, seeds);
    }

    int depth() {
        return seeds.length;
    }

    /**
     * W⁽ᵗ⁾, (d, d), written into {@code out}; the same entries as {@link Init#draw} gives for
     * the same seed.
     *
     * @param t   the layer, 1…L
     * @param out a (d, d) matrix; modified
     */
    DMatrixRMaj weight(int t, DMatrixRMaj out) {
        return init.drawInto(out, seeds[t - 1]);
    }

    /** A d×n batch of i.i.d. N(0, 1) inputs (standardized features), drawn from {@code rng}. */
    static DMatrixRMaj standardInputs(int width, int batch, Random rng) {
        Arguments.atLeast(width, 2, "width");
        Arguments.atLeast(batch, 2, "batch");
        DMatrixRMaj x = new DMatrixRMaj(width, batch);
        SplittableRandom r = new SplittableRandom(rng.nextLong());
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = r.nextGaussian();
        }
        return x;
    }

    /**
     * The forward pass with per-layer statistics. When {@code derivatives} is not null, g′(a⁽ᵗ⁾)
     * is appended to it for t = 1…L (for the backward pass; one byte per entry for a
     * piecewise-linear g, see {@link Slopes}).
     *
     * @param x the inputs, (d, n); not modified
     */
    Sweep forward(DMatrixRMaj x, List<Slopes> derivatives) {
        int d = width;
        int n = x.numCols;
        Arguments.that(x.numRows == d, "x", "have width = " + d + " rows", x.numRows);
        Arguments.atLeast(n, 2, "batch");
        int depth = depth();
        double c = init.c();
        double[] meanA = new double[depth];
        double[] varA = new double[depth];
        double[] seMeanA = new double[depth];
        double[] relSeVarA = new double[depth];
        double[] meanH = new double[depth];
        double[] varH = new double[depth];
        double[][] samples = new double[depth][];

        double[] rowMeanA = new double[d];
        double[] rowSquareA = new double[d];
        double[] rowMeanH = new double[d];
        double[] rowSquareH = new double[d];

        // The inputs are the pre-activations of layer 0: h⁽⁰⁾ = g(x), as in Q1's induction step.
        DMatrixRMaj h = activate(x);
        // Relative variance of the mean square of h⁽⁰⁾, then accumulated layer by layer (see Sweep).
        double cumulative = square(relativeStandardError(rowMeanSquares(h)));
        DMatrixRMaj[] buffers = {new DMatrixRMaj(d, n), new DMatrixRMaj(d, n)};
        int stride = Math.max(1, d * n / SAMPLES_PER_LAYER);
        int kept = Math.min(SAMPLES_PER_LAYER, d * n);
        DMatrixRMaj w = new DMatrixRMaj(d, d);
        for (int t = 0; t < depth; t++) {
            DMatrixRMaj a = buffers[t % 2];
            Gemm.mult(weight(t + 1, w), h, a);  // (d, d)·(d, n) → (d, n)
            double[] ad = a.data;
            double[] sample = new double[kept];
            for (int k = 0; k < kept; k++) {
                sample[k] = ad[k * stride] + c;
            }
            samples[t] = sample;
            Slopes deriv = derivatives == null ? null : new Slopes(g, d * n);
            // Units are independent: the rows are processed in parallel (EJML's pool), each summed in order,
            // so the results do not depend on the number of threads.
            EjmlConcurrency.loopFor(0, d, i -> {
                int base = i * n;
                double sa = 0;
                double sa2 = 0;
                double sh = 0;
                double sh2 = 0;
                for (int b = 0; b < n; b++) {
                    double v = ad[base + b] + c;
                    double hv = g.value(v);
                    sa += v;
                    sa2 += v * v;
                    sh += hv;
                    sh2 += hv * hv;
                    ad[base + b] = hv;                      // a⁽ᵗ⁾ becomes h⁽ᵗ⁾ in place
                    if (deriv != null) {
                        deriv.set(base + b, v);
                    }
                }
                rowMeanA[i] = sa / n;
                rowSquareA[i] = sa2 / n;
                rowMeanH[i] = sh / n;
                rowSquareH[i] = sh2 / n;
            });
            if (derivatives != null) {
                derivatives.add(deriv);
            }
            meanA[t] = Stats.mean(rowMeanA);
            varA[t] = Stats.mean(rowSquareA) - meanA[t] * meanA[t];
            seMeanA[t] = Stats.standardError(rowMeanA);
            double relA = relativeStandardError(rowSquareA);
            relSeVarA[t] = Math.sqrt(cumulative + relA * relA);
            meanH[t] = Stats.mean(rowMeanH);
            varH[t] = Stats.mean(rowSquareH) - meanH[t] * meanH[t];
            double relH = relativeStandardError(rowSquareH);
            cumulative += relH * relH;
            h = a;
        }
        double[] predicted = Theory.meanFieldVariance(init, g, d, depth);
        return new Sweep(init.name(), g.name(), depth, d, n, c, meanA, varA, seMeanA, relSeVarA, meanH, varH,
                predicted, samples);
    }

    /** a⁽ᴸ⁾ for inputs x = a⁽⁰⁾ (no statistics); x is not modified. */
    DMatrixRMaj output(DMatrixRMaj x) {
        DMatrixRMaj h = activate(x);
        DMatrixRMaj a = null;
        DMatrixRMaj w = new DMatrixRMaj(width, width);
        for (int t = 0; t < depth(); t++) {
            a = new DMatrixRMaj(width, x.numCols);
            Gemm.mult(weight(t + 1, w), h, a);
            double c = init.c();
            DMatrixRMaj next = new DMatrixRMaj(width, x.numCols);
            for (int k = 0; k < a.data.length; k++) {
                a.data[k] += c;
                next.data[k] = g.value(a.data[k]);
            }
            h = next;
        }
        return a;
    }

    /** g applied to every entry of x, as a new matrix. */
    DMatrixRMaj activate(DMatrixRMaj x) {
        DMatrixRMaj h = new DMatrixRMaj(x.numRows, x.numCols);
        for (int k = 0; k < x.data.length; k++) {
            h.data[k] = g.value(x.data[k]);
        }
        return h;
    }

    /** g′ at every entry of x, as a new matrix. */
    DMatrixRMaj derivative(DMatrixRMaj x) {
        DMatrixRMaj h = new DMatrixRMaj(x.numRows, x.numCols);
        for (int k = 0; k < x.data.length; k++) {
            h.data[k] = g.derivative(x.data[k]);
        }
        return h;
    }

    /** The mean over the batch of the squared entries of each row (one value per unit). */
    static double[] rowMeanSquares(DMatrixRMaj m) {
        int n = m.numCols;
        double[] out = new double[m.numRows];
        for (int i = 0; i < m.numRows; i++) {
            double s = 0;
            for (int b = 0; b < n; b++) {
                double v = m.data[i * n + b];
                s += v * v;
            }
            out[i] = s / n;
        }
        return out;
    }

    static double square(double v) {
        return v * v;
    }

    /** Stats.standardError(v) / |Stats.mean(v)|; 0 when every entry is 0. */
    static double relativeStandardError(double[] v) {
        double m = Math.abs(Stats.mean(v));
        return m == 0 ? 0 : Stats.standardError(v) / m;
    }

    static void requireArguments(Init init, Activation g, int depth, int width, Random rng) {
        Arguments.notNull(init, "init", "an Init");
        Arguments.that(g != null, "activation", "be one of " + Activation.NAMES, null);
        Arguments.atLeast(depth, 1, "depth");
        Arguments.atLeast(width, 2, "width");
        Arguments.notNull(rng, "rng", "a Random");
    }
}
