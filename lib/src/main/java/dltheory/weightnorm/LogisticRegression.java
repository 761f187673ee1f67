package dltheory.weightnorm;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;

import dltheory.random.Seeded;
import dltheory.linalg.Vectors;
import dltheory.check.Arguments;

/**
 * The model trained in notebook 04 (Q4.3): one weight-normalized unit {@code z = wᵀx + β} with
 * the logistic loss {@code L(w, β) = (1/n) Σ [log(1 + e^{zᵢ}) − tᵢ zᵢ]} on labels tᵢ ∈ {0, 1}.
 * Its gradient is {@code ∇_w L = (1/n) Xᵀ(σ(z) − t)} and {@code ∂L/∂β = (1/n) Σ (σ(zᵢ) − tᵢ)}.
 *
 * @param x the inputs, one example per row, shape (n, d); copied
 * @param t the labels, 0 or 1, length n; copied
 */
public record LogisticRegression(DMatrixRMaj x, double[] t) {

    /** Checks shapes and labels, and copies. */
    public LogisticRegression {
        Inputs.requireBatch(x, "x");
        Arguments.length(t, x.numRows, "t", "one label per row of x");
        for (int i = 0; i < t.length; i++) {
            Arguments.that(t[i] == 0 || t[i] == 1, "t[" + i + "]", "be 0 or 1", t[i]);
        }
        x = x.copy();
        t = t.clone();
    }

    /**
     * A seeded data set: n inputs x ~ N(0, I_d) and labels t ~ Bernoulli(σ(x·w*)) from a teacher
     * w* ~ N(0, I_d). The labels are noisy, so the loss stays above zero and its gradient is
     * informative for many steps.
     */
    public static LogisticRegression synthetic(int n, int d, Random rng) {
        Arguments.atLeast(n, 2, "n");
        Arguments.atLeast(d, 1, "d");
        DMatrixRMaj x = Seeded.normal(n, d, 0, 1, rng);
        double[] teacher = Seeded.normal(d, 0, 1, rng);
        double[] z = Inputs.project(x, teacher);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = rng.nextDouble() < sigmoid(z[i]) ? 1 : 0;
        }
        return new LogisticRegression(x, t);
    }

    /** The number of examples n. */
    public int n() {
        return x.numRows;
    }

    /** The input dimension d. */
    public int d() {
        return x.numCols;
    }

    /** A one-line summary (the data are too long to print). */
    @Override
    public String toString() {
        return "LogisticRegression[n=" + n() + ", d=" + d() + "]";
    }

    /** A copy of the inputs. */
    @Override
    public DMatrixRMaj x() {
        return x.copy();
    }

    /** A copy of the labels. */
    @Override
    public double[] t() {
        return t.clone();
    }

    /** {@code L(w, β) = (1/n) Σ [log(1 + e^{zᵢ}) − tᵢ zᵢ]}, z = Xw + β (computed stably). */
    public double loss(double[] w, double beta) {
        double[] z = logits(w, beta);
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            sum += softplus(z[i]) - t[i] * z[i];
        }
        return sum / z.length;
    }

    /** {@code ∇_w L = (1/n) Xᵀ(σ(Xw + β) − t)}. */
    public double[] gradientW(double[] w, double beta) {
        double[] r = residuals(w, beta);
        double[] g = new double[x.numCols];
        for (int i = 0; i < x.numRows; i++) {
            for (int j = 0; j < x.numCols; j++) {
                g[j] += x.get(i, j) * r[i];
            }
        }
        return Vectors.scale(1.0 / x.numRows, g);
    }

    /** {@code ∂L/∂β = (1/n) Σ (σ(zᵢ) − tᵢ)}. */
    double gradientBeta(double[] w, double beta) {
        double s = 0;
        for (double r : residuals(w, beta)) {
            s += r;
        }
        return s / x.numRows;
    }

    /** The loss as a function of the weight-normalized parameters, {@code L(γu/‖u‖, β)}. */
    public double lossOf(double[] u, double gamma, double beta) {
        return loss(WeightNorm.weight(u, gamma), beta);
    }

    private double[] residuals(double[] w, double beta) {
        double[] z = logits(w, beta);
        double[] r = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            r[i] = sigmoid(z[i]) - t[i];
        }
        return r;
    }

    private double[] logits(double[] w, double beta) {
        WeightNorm.requireVector(w, "w", x.numCols);
        Arguments.finite(beta, "beta");
        double[] z = Inputs.project(x, w);
        for (int i = 0; i < z.length; i++) {
            z[i] += beta;
        }
        return z;
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }
}
