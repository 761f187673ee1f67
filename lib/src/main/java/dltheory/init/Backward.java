package dltheory.init;

import dltheory.check.Arguments;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

import org.ejml.concurrency.EjmlConcurrency;
import org.ejml.data.DMatrixRMaj;

import dltheory.linalg.Gemm;
import dltheory.check.Stats;

/**
 * The backward pass of notebook 01 — the other half of Glorot's argument, beyond Q1. For the loss
 * L = Σ r ⊙ a⁽ᴸ⁾ with r ~ N(0, 1) entries, δ⁽ᴸ⁾ = ∂L/∂a⁽ᴸ⁾ = r and, going down,
 * ∂L/∂h⁽ᵗ⁾ = W⁽ᵗ⁺¹⁾ᵀδ⁽ᵗ⁺¹⁾, δ⁽ᵗ⁾ = g′(a⁽ᵗ⁾) ⊙ ∂L/∂h⁽ᵗ⁾.
 */
public final class Backward {

    private Backward() {
    }

    /**
     * Runs the forward sweep (as {@link Forward#sweep}) and then the backward pass, recording
     * Var[δ⁽ᵗ⁾] for t = 1…L.
     *
     * @param depth L ≥ 2
     * @param width d ≥ 2
     * @param batch n ≥ 2
     */
    public static GradientSweep sweep(Init init, Activation g, int depth, int width, int batch, Random rng) {
        Net.requireArguments(init, g, depth, width, rng);
        Arguments.atLeast(depth, 2, "depth");
        DMatrixRMaj x = Net.standardInputs(width, batch, rng);
        Net net = Net.draw(init, g, depth, width, rng);
        List<Slopes> derivatives = new ArrayList<>(depth);
        Sweep forward = net.forward(x, derivatives);
        DMatrixRMaj r = topGradient(width, batch, rng);

        double[] var = new double[depth];
        double[] relSe = new double[depth];
        DMatrixRMaj delta = r;
        double[] rows = Net.rowMeanSquares(delta);
        double relTop = Net.relativeStandardError(rows);
        var[depth - 1] = Stats.mean(rows) - Net.square(Stats.mean(delta.data));
        relSe[depth - 1] = relTop;
        double cumulative = relTop * relTop;
        DMatrixRMaj[] buffers = {new DMatrixRMaj(width, batch), new DMatrixRMaj(width, batch)};
        DMatrixRMaj w = new DMatrixRMaj(width, width);
        for (int t = depth - 2; t >= 0; t--) {
            DMatrixRMaj dh = buffers[t % 2];
            Gemm.multTransA(net.weight(t + 2, w), delta, dh);     // W⁽ᵗ⁺²⁾ᵀ·δ: (d, d)ᵀ·(d, n)
            Slopes gp = derivatives.get(t);
            double[] dd = dh.data;
            double[] squares = new double[width];
            EjmlConcurrency.loopFor(0, width, i -> {
                double s = 0;
                for (int k = i * batch; k < (i + 1) * batch; k++) {
                    dd[k] *= gp.at(k);
                    s += dd[k] * dd[k];
                }
                squares[i] = s / batch;
            });
            derivatives.set(t, null);                                          // free g′(a⁽ᵗ⁾)
            delta = dh;
            double rel = Net.relativeStandardError(squares);
            cumulative += rel * rel;
            var[t] = Stats.mean(squares) - Net.square(Stats.mean(delta.data));
            relSe[t] = Math.sqrt(cumulative);
        }
        double[] predicted = Theory.meanFieldGradientVariance(init, g, width, depth);
        return new GradientSweep(forward, var, relSe, predicted);
    }

    /** ∂L/∂x for L = Σ r ⊙ a⁽ᴸ⁾, r drawn after the weights (package-private, for the gradient test). */
    static DMatrixRMaj inputGradient(Net net, DMatrixRMaj x, DMatrixRMaj r) {
        List<Slopes> derivatives = new ArrayList<>();
        net.forward(x, derivatives);
        DMatrixRMaj delta = r;
        DMatrixRMaj w = new DMatrixRMaj(net.width, net.width);
        for (int t = net.depth() - 2; t >= 0; t--) {
            DMatrixRMaj dh = new DMatrixRMaj(x.numRows, x.numCols);
            Gemm.multTransA(net.weight(t + 2, w), delta, dh);
            for (int k = 0; k < dh.data.length; k++) {
                dh.data[k] *= derivatives.get(t).at(k);
            }
            delta = dh;
        }
        DMatrixRMaj dh0 = new DMatrixRMaj(x.numRows, x.numCols);
        Gemm.multTransA(net.weight(1, w), delta, dh0);
        DMatrixRMaj gx = net.derivative(x);                               // h⁽⁰⁾ = g(x)
        for (int k = 0; k < dh0.data.length; k++) {
            dh0.data[k] *= gx.data[k];
        }
        return dh0;
    }

    /** The d×n matrix r of i.i.d. N(0, 1) entries: ∂L/∂a⁽ᴸ⁾. */
    static DMatrixRMaj topGradient(int width, int batch, Random rng) {
        DMatrixRMaj r = new DMatrixRMaj(width, batch);
        SplittableRandom s = new SplittableRandom(rng.nextLong());
        for (int k = 0; k < r.data.length; k++) {
            r.data[k] = s.nextGaussian();
        }
        return r;
    }


}
