package dltheory.init;

import dltheory.check.Arguments;
import static dltheory.text.SignificantFormat.format;

import java.util.ArrayList;
import java.util.List;

import dltheory.check.Check;
import dltheory.table.Tables;
import dltheory.text.Notation;
import tech.tablesaw.api.Table;
import dltheory.linalg.Vectors;
import java.util.stream.IntStream;

/**
 * The backward sweep of notebook 01: Var[δ⁽ᵗ⁾] = Var[∂L/∂a⁽ᵗ⁾] for t = 1…L (index t − 1), with
 * the forward sweep of the same net. Relative standard errors come from the spread across units and
 * add in quadrature on the log scale from the top layer down, as in {@link Sweep}; for ReLU they rest on the usual
 * assumption that the backward weights are independent of the forward masks (exact for the
 * identity, a large-width approximation otherwise).
 *
 * @param forward   the forward statistics of the same net and batch
 * @param varGrad   Var[δ⁽ᵗ⁾]
 * @param relSeVarGrad relative standard error of varGrad (the standard deviation of its logarithm)
 * @param predicted the mean-field prediction of {@link Theory#meanFieldGradientVariance}
 */
public record GradientSweep(Sweep forward, double[] varGrad, double[] relSeVarGrad, double[] predicted) {

    /** The label of the net: "activation, init". */
    public String label() {
        return forward.label();
    }

    /** L. */
    int depth() {
        return varGrad.length;
    }

    /** Var[δ⁽ᵗ⁾], t = 1…L. */
    public double var(int t) {
        return varGrad[index(t)];
    }

    /** The relative standard error of Var[δ⁽ᵗ⁾] (the standard deviation s_t of its logarithm). */
    double relSe(int t) {
        return relSeVarGrad[index(t)];
    }

    /** |ln(Var[δ⁽ᵗ⁾] / prediction) + s_t²/2| / s_t, as in {@link Sweep#z(int)}. */
    public double z(int t) {
        double s = relSe(t);
        return Math.abs(Math.log(var(t) / predicted(t)) + s * s / 2) / s;
    }

    /** The mean-field prediction of Var[δ⁽ᵗ⁾] (1 at t = L). */
    public double predicted(int t) {
        return predicted[index(t)];
    }

    /**
     * The measured per-layer factor going down, (Var[δ⁽¹⁾] / Var[δ⁽ᴸ⁾])^(1/(L−1)), to compare with
     * d·Var[w]·E[g′(a)²] (= the forward factor for square layers and the identity or ReLU).
     */
    public Estimate layerFactor() {
        int depth = depth();
        double f = Math.pow(var(1) / var(depth), 1.0 / (depth - 1));
        double r1 = relSe(1);
        double rL = relSe(depth);
        return new Estimate(f, f * Math.sqrt(r1 * r1 + rL * rL) / (depth - 1));
    }

    /** Checks Var[δ⁽ᵗ⁾] against the prediction within k standard errors at the worst layer. */
    public void checkVariance(double k) {
        int worst = 1 + Vectors.argmax(IntStream.rangeClosed(1, depth()).mapToDouble(this::z).toArray());
        Check.that(z(worst) <= k, label() + ": " + Notation.unicode("Var[∂L/∂a^{(" + worst + ")}]") + " = " + format(var(worst), 4)
                + " vs prediction " + format(predicted(worst), 4) + " at the worst of " + depth() + " layers",
                format(z(worst), 4) + " SE of ln Var (SE " + format(relSe(worst), 4) + "), tol " + format(k, 4) + " SE");
    }

    /** One row of {@link #table}. */
    public record Layer(int t, double varGrad, double relSeVarGrad, double predicted) {
    }

    /** The per-layer numbers at the given layers (all when none are given). */
    public Table table(int... layers) {
        List<Layer> rows = new ArrayList<>();
        for (int t : layers.length == 0 ? Sweep.range(depth()) : layers) {
            rows.add(new Layer(t, var(t), relSe(t), predicted(t)));
        }
        return Tables.of("Backward: " + label(), rows, "t", "Var[∂L/∂a]", "rel. SE", "predicted");
    }


    private int index(int t) {
        Arguments.inRange(t, 1, depth(), "layer t");
        return t - 1;
    }
}
