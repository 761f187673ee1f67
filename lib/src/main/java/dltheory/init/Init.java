package dltheory.init;

import static dltheory.text.SignificantFormat.format;

import dltheory.check.Arguments;

import java.util.Random;
import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;

/**
 * A weight-initialization scheme of notebook 01 (Q1): the law of the entries w_ij of W⁽ᵗ⁾, given
 * the fan-in d = d⁽ᵗ⁻¹⁾, and the constant bias c of b⁽ᵗ⁾ = (c, …, c)ᵀ.
 *
 * <p>The entries are w = μ_d + σ_d·ξ with ξ standard normal ({@link Family#NORMAL}) or uniform on
 * [−√3, √3] ({@link Family#UNIFORM}), both of mean 0 and variance 1. When {@code perFanIn} is true,
 * μ_d = mean/√d and σ_d = std/√d (the scale shrinks with the fan-in); otherwise μ_d = mean and
 * σ_d = std whatever d is (the naive schemes).
 *
 * @param name     the label used in tables and legends, e.g. {@code N(0, 2/d)}
 * @param family   normal or uniform
 * @param mean     E[w]·√d when {@code perFanIn}, else E[w]
 * @param std      sd[w]·√d when {@code perFanIn}, else sd[w]; &gt; 0
 * @param perFanIn whether mean and std are divided by √d
 * @param c        the bias of every unit
 */
public record Init(String name, Family family, double mean, double std, boolean perFanIn, double c) {

    /** The two families of Q1 (a) and (b). */
    public enum Family { NORMAL, UNIFORM }

    /** Q1.1 (a): w ~ N(0, 1/d), c = 0 — keeps Var[a⁽ᵗ⁾] = 1 with identity activations. */
    public static final Init LINEAR_NORMAL = new Init("N(0, 1/d)", Family.NORMAL, 0, 1, true, 0);
    /** Q1.1 (b): w ~ U(−√(3/d), √(3/d)), c = 0 — E[w²] = β²/3 = 1/d. */
    public static final Init LINEAR_UNIFORM = new Init("U(±√(3/d))", Family.UNIFORM, 0, 1, true, 0);
    /** Q1.2 (a), He et al.: w ~ N(0, 2/d), c = 0 — keeps Var[a⁽ᵗ⁾] = 1 with ReLU. */
    public static final Init HE_NORMAL = new Init("N(0, 2/d)", Family.NORMAL, 0, Math.sqrt(2), true, 0);
    /** Q1.2 (b), He et al.: w ~ U(−√(6/d), √(6/d)), c = 0 — E[w²] = β²/3 = 2/d. */
    public static final Init HE_UNIFORM = new Init("U(±√(6/d))", Family.UNIFORM, 0, Math.sqrt(2), true, 0);
    /** Naive: w ~ N(0, 1) whatever the width — the variance grows by d·k per layer. */
    public static final Init NAIVE_ONE = new Init("N(0, 1)", Family.NORMAL, 0, 1, false, 0);
    /** Naive: w ~ N(0, 0.01²) whatever the width — the variance shrinks by d·10⁻⁴·k per layer. */
    public static final Init NAIVE_SMALL = new Init("N(0, 0.01²)", Family.NORMAL, 0, 0.01, false, 0);

    /** Validates the components. */
    public Init {
        Arguments.nonBlank(name, "name");
        Arguments.notNull(family, "family", "NORMAL or UNIFORM");
        Arguments.finite(mean, "mean");
        Arguments.positive(std, "std");
        Arguments.finite(c, "c");
    }

    /** w ~ N(0, σ²) whatever the fan-in (a naive scheme), c = 0. */
    public static Init normal(double sigma) {
        return new Init("N(0, " + format(sigma, 4) + "²)", Family.NORMAL, 0, sigma, false, 0);
    }

    /** w ~ N(0, gain/d), c = 0: gain = 1 is {@link #LINEAR_NORMAL}, gain = 2 is {@link #HE_NORMAL}. */
    public static Init normalPerFanIn(double gain) {
        Arguments.positive(gain, "gain");
        return new Init("N(0, " + format(gain, 4) + "/d)", Family.NORMAL, 0, Math.sqrt(gain), true, 0);
    }

    /**
     * w ~ U(α/√d, β/√d), c = 0 (Q1.1 (b) with bounds that scale with the fan-in); E[w] = (α + β)/(2√d)
     * and E[w²] = (α² + αβ + β²)/(3d).
     */
    public static Init uniformPerFanIn(double alpha, double beta) {
        Arguments.ordered(alpha, beta, "alpha", "beta");
        return new Init("U(" + format(alpha, 4) + "/√d, " + format(beta, 4) + "/√d)", Family.UNIFORM,
                (alpha + beta) / 2, (beta - alpha) / Math.sqrt(12), true, 0);
    }

    /** The same weights with bias c on every unit (Q1: c ≠ 0 moves E[a⁽ᵗ⁾] to c). */
    public Init withBias(double bias) {
        return new Init(name + ", c = " + format(bias, 4), family, mean, std, perFanIn, bias);
    }

    /** E[w] for fan-in d. */
    double weightMean(int d) {
        Arguments.atLeast(d, 1, "fan-in d");
        return perFanIn ? mean / Math.sqrt(d) : mean;
    }

    /** Var[w] for fan-in d: std²/d, or std² for a naive scheme. */
    double weightVariance(int d) {
        Arguments.atLeast(d, 1, "fan-in d");
        return perFanIn ? std * std / d : std * std;
    }

    /** E[w²] = Var[w] + E[w]², the quantity that Q1's equation (10) sets to 1/d. */
    double weightSecondMoment(int d) {
        double m = weightMean(d);
        return weightVariance(d) + m * m;
    }

    /**
     * The half-width β of a centred uniform scheme, U(−β, β) with β = √(3·Var[w]): √(3/d) for
     * {@link #LINEAR_UNIFORM}, √(6/d) for {@link #HE_UNIFORM}.
     *
     * @throws IllegalArgumentException if the scheme is not a centred uniform
     */
    double halfWidth(int d) {
        Arguments.that(family == Family.UNIFORM && mean == 0, "the scheme", "be centred uniform for halfWidth", name);
        return Math.sqrt(3 * weightVariance(d));
    }

    /**
     * Draws a rows×cols weight matrix W with fan-in d = cols. The stream is a
     * {@link SplittableRandom} seeded from {@code rng.nextLong()} (its Gaussians are a ziggurat,
     * several times faster than {@link Random#nextGaussian()}), so the draws are reproducible.
     *
     * @param rows fan-out d⁽ᵗ⁾, ≥ 1
     * @param cols fan-in d⁽ᵗ⁻¹⁾, ≥ 1
     * @param rng  the experiment's generator; advanced by one long
     */
    public DMatrixRMaj draw(int rows, int cols, Random rng) {
        Arguments.atLeast(rows, 1, "rows (fan-out)");
        Arguments.atLeast(cols, 1, "fan-in d");
        return drawInto(new DMatrixRMaj(rows, cols), rng.nextLong());
    }

    /**
     * Writes into {@code w} the weights {@link #draw} gives when {@code rng.nextLong()} returns
     * {@code seed} (fan-in = {@code w.numCols}); a net can keep the seed and draw W again when needed.
     */
    DMatrixRMaj drawInto(DMatrixRMaj w, long seed) {
        fill(w.data, weightMean(w.numCols), Math.sqrt(weightVariance(w.numCols)), new SplittableRandom(seed));
        return w;
    }

    /** Fills {@code out} with i.i.d. draws of mean m and standard deviation s of this family. */
    void fill(double[] out, double m, double s, SplittableRandom random) {
        if (family == Family.NORMAL) {
            for (int i = 0; i < out.length; i++) {
                out[i] = m + s * random.nextGaussian();
            }
        } else {
            double half = Math.sqrt(3) * s;
            for (int i = 0; i < out.length; i++) {
                out[i] = m + half * (2 * random.nextDouble() - 1);
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
