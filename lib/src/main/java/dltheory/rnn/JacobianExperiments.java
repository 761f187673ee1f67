package dltheory.rnn;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import dltheory.check.Arguments;
import dltheory.random.Seeded;
import dltheory.text.SignificantFormat;

/**
 * The experiments of notebook 05 on ∂h_T/∂h_0: each builds a net and a run, then measures the
 * Jacobians of {@link Jacobians} along it and returns a result record ({@link NormCurve},
 * {@link LayoutComparison}).
 */
public final class JacobianExperiments {

    private JacobianExperiments() {
    }

    /**
     * The experiment of Q5.2 for one σ: W with ‖W‖ = δ/γ (so λ₁(WᵀW) = δ²/γ²), random U, b, h_0 ~
     * N(0, I) and inputs x_t ~ N(0, I); returns ‖∂h_t/∂h_0‖ for t = 1 … T (notebook 05, eq. 25).
     *
     * @param delta δ in (0, 1]
     * @param n     hidden units, ≥ 1
     * @param m     input size, ≥ 1
     * @param T     steps, ≥ 1
     */
    public static NormCurve vanishing(Activation sigma, double delta, int n, int m, int T, Random rng) {
        Arguments.inOpenClosed(delta, 0, 1, "delta");
        Arguments.atLeast(T, 1, "T");
        double wNorm = VanishingBound.maxSpectralNorm(sigma, delta);
        Recurrences.Weights w = Recurrences.Weights.random(n, m, wNorm, rng);
        DMatrixRMaj X = Seeded.normal(T, m, 0, 1, rng);
        double[] h0 = Seeded.normal(n, 0, 1, rng);
        DMatrixRMaj states = Recurrences.h(w, sigma, h0, X);
        return curve(sigma.name().toLowerCase() + ", ‖W‖ = δ/γ = " + fmt(wNorm), w.W(), sigma, states);
    }

    /**
     * The curve of a net started at a fixed point h* with zero inputs (notebook 05, Q5.3):
     * b = h* − Wσ(h*), h_0 = h*, so ∂h_t/∂h_0 = (W diag σ′(h*))ᵗ.
     *
     * @param label the series name
     * @param W     n×n; not modified
     * @param hStar the fixed point (length n); not modified
     * @param T     steps, ≥ 1
     */
    public static NormCurve atFixedPoint(String label, DMatrixRMaj W, Activation sigma, double[] hStar, int T) {
        Arguments.finite(Arguments.square(W, "W"), "W");
        DMatrixRMaj X = Recurrences.zeroInputs(T, 1);
        Recurrences.Weights w = new Recurrences.Weights(W, new DMatrixRMaj(W.numRows, 1),
                Recurrences.fixedPointBias(W, sigma, hStar));
        DMatrixRMaj states = Recurrences.h(w, sigma, hStar, X);
        return curve(label, W, sigma, states);
    }

    /**
     * The curve of a net driven by inputs x_t ~ N(0, I) from h_0 ~ N(0, I) (notebook 05, Q5.3).
     *
     * @param label the series name
     * @param w     the weights (W, U, b)
     * @param T     steps, ≥ 1
     */
    public static NormCurve driven(String label, Recurrences.Weights w, Activation sigma, int T, Random rng) {
        Arguments.atLeast(T, 1, "T");
        DMatrixRMaj X = Seeded.normal(T, w.m(), 0, 1, rng);
        double[] h0 = Seeded.normal(w.n(), 0, 1, rng);
        DMatrixRMaj states = Recurrences.h(w, sigma, h0, X);
        return curve(label, w.W(), sigma, states);
    }

    /**
     * Compares the two layouts against central differences (notebook 05, "Where the reference text
     * errs"): J_T ⋯ J_1 (numerator layout), the text's product diag σ′(h_0)Wᵀ ⋯ diag σ′(h_{T−1})Wᵀ
     * (denominator layout, eq. 23), and that product transposed.
     *
     * @param h0  the initial state; not modified
     * @param X   inputs, T×m with T ≥ 1; not modified
     * @param eps the central-difference step, &gt; 0
     */
    public static LayoutComparison compareLayouts(Recurrences.Weights w, Activation sigma, double[] h0,
                                                 DMatrixRMaj X, double eps) {
        DMatrixRMaj measured = Jacobians.centralDifference(w, sigma, h0, X, eps);
        DMatrixRMaj states = Recurrences.h(w, sigma, h0, X);
        DMatrixRMaj ours = Jacobians.product(w.W(), sigma, states);
        DMatrixRMaj text = Jacobians.productDenominator(w.W(), sigma, states);
        DMatrixRMaj textT = CommonOps_DDRM.transpose(text, null);
        return new LayoutComparison(
                new LayoutComparison.Row("our product of Jₜ = W diag σ′(hₜ₋₁), latest step first (numerator layout)",
                        Jacobians.relativeError(ours, measured), SpectralMatrices.norm(ours)),
                new LayoutComparison.Row("the text's product of diag σ′(hₜ₋₁) Wᵀ, earliest step first (denominator layout)",
                        Jacobians.relativeError(text, measured), SpectralMatrices.norm(text)),
                new LayoutComparison.Row("the text's product, transposed",
                        Jacobians.relativeError(textT, measured), SpectralMatrices.norm(textT)));
    }

    private static NormCurve curve(String label, DMatrixRMaj W, Activation sigma, DMatrixRMaj states) {
        return new NormCurve(label, sigma, SpectralMatrices.norm(W), SpectralMatrices.spectralRadius(W),
                Jacobians.norms(W, sigma, states), Jacobians.stepNorms(W, sigma, states));
    }

    private static String fmt(double v) {
        return SignificantFormat.format(v, 3);
    }
}
