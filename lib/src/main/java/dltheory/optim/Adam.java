package dltheory.optim;

import dltheory.check.Arguments;

/**
 * Adam, the link at the end of notebook 03 (step 4): two running averages of Q3.1's form,
 * m_t = β₁ m_{t−1} + (1 − β₁) g_t and s_t = β₂ s_{t−1} + (1 − β₂) g_t² (elementwise), m_0 = s_0 = 0,
 * bias-corrected as in Q3.3, m̂_t = m_t/(1 − β₁ᵗ), ŝ_t = s_t/(1 − β₂ᵗ), and the step
 * Δθ_t = −η m̂_t/(√ŝ_t + ε̂). Without bias correction m_t and s_t are used as they are.
 */
public final class Adam implements Optimizer {

    private final double eta;
    private final double beta1;
    private final double beta2;
    private final double epsHat;
    private final boolean biasCorrection;
    private double[] m;
    private double[] s;
    private int t;

    /**
     * @param eta            the step size η, finite and &gt; 0
     * @param beta1          the first-moment rate β₁, in [0, 1)
     * @param beta2          the second-moment rate β₂, in [0, 1)
     * @param epsHat         the floor ε̂ added to √ŝ_t, finite and ≥ 0
     * @param biasCorrection whether to divide by 1 − β₁ᵗ and 1 − β₂ᵗ
     */
    public Adam(double eta, double beta1, double beta2, double epsHat, boolean biasCorrection) {
        this.eta = Arguments.positive(eta, "eta");
        this.beta1 = Arguments.inClosedOpen(beta1, 0, 1, "beta1");
        this.beta2 = Arguments.inClosedOpen(beta2, 0, 1, "beta2");
        this.epsHat = Arguments.nonNegative(epsHat, "epsHat");
        this.biasCorrection = biasCorrection;
    }

    /** Updates m_t and s_t; returns Δθ_t = −η m̂_t/(√ŝ_t + ε̂) (m_t, s_t without correction). */
    @Override
    public double[] update(double[] g) {
        Arguments.nonEmpty(g, "g");
        if (m != null) {
            Arguments.length(g, m.length, "g", "as at the first step");
        }
        if (m == null) {
            m = new double[g.length];
            s = new double[g.length];
        }
        t++;
        double c1 = biasCorrection ? Averages.biasFactor(beta1, t) : 1;
        double c2 = biasCorrection ? Averages.biasFactor(beta2, t) : 1;
        double[] step = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            m[i] = beta1 * m[i] + (1 - beta1) * g[i];
            s[i] = beta2 * s[i] + (1 - beta2) * g[i] * g[i];
            step[i] = -eta * (m[i] / c1) / (Math.sqrt(s[i] / c2) + epsHat);
        }
        return step;
    }

    /** The raw first moment m_t (a copy; null before the first step). */
    public double[] firstMoment() {
        return m == null ? null : m.clone();
    }

    /** The raw second moment s_t (a copy; null before the first step). */
    public double[] secondMoment() {
        return s == null ? null : s.clone();
    }

    /** m̂_t = m_t/(1 − β₁ᵗ) (a copy; null before the first step), whatever {@code biasCorrection} is. */
    double[] correctedFirstMoment() {
        return m == null ? null : Averages.biasCorrected(beta1, t, m);
    }

    /** ŝ_t = s_t/(1 − β₂ᵗ) (a copy; null before the first step), whatever {@code biasCorrection} is. */
    double[] correctedSecondMoment() {
        return s == null ? null : Averages.biasCorrected(beta2, t, s);
    }

    @Override
    public int t() {
        return t;
    }

    @Override
    public String name() {
        return "Adam " + (biasCorrection ? "with" : "without") + " bias correction";
    }

    /**
     * For a constant gradient and ε̂ = 0, the uncorrected step divided by the corrected one:
     * (1 − β₁ᵗ)/√(1 − β₂ᵗ) (notebook 03, step 4). The corrected step is η·sign(g) at every t.
     *
     * @param beta1 in [0, 1)
     * @param beta2 in [0, 1)
     * @param t     the step, ≥ 1
     */
    static double uncorrectedStepRatio(double beta1, double beta2, int t) {
        return Averages.biasFactor(beta1, t) / Math.sqrt(Averages.biasFactor(beta2, t));
    }

    /** {@link #uncorrectedStepRatio} for t = 1…steps (steps ≥ 1). */
    static double[] uncorrectedStepRatios(double beta1, double beta2, int steps) {
        Arguments.atLeast(steps, 1, "steps");
        double[] r = new double[steps];
        for (int t = 1; t <= steps; t++) {
            r[t - 1] = uncorrectedStepRatio(beta1, beta2, t);
        }
        return r;
    }

    /**
     * The step sizes |Δθ_t|/η, t = 1…steps, of a fresh Adam fed the same scalar gradient g at
     * every step (notebook 03, step 4: the size of Adam's first steps).
     *
     * @param eta            η, &gt; 0
     * @param beta1          β₁ in [0, 1)
     * @param beta2          β₂ in [0, 1)
     * @param epsHat         ε̂ ≥ 0
     * @param biasCorrection with or without correction
     * @param g              the constant gradient, finite and non-zero
     * @param steps          the number of steps, ≥ 1
     */
    static double[] constantGradientSteps(double eta, double beta1, double beta2, double epsHat,
                                                 boolean biasCorrection, double g, int steps) {
        Arguments.finite(g, "g");
        Arguments.that(g != 0, "g", "be non-zero", g);
        Arguments.atLeast(steps, 1, "steps");
        Adam adam = new Adam(eta, beta1, beta2, epsHat, biasCorrection);
        double[] sizes = new double[steps];
        double[] grad = {g};
        for (int i = 0; i < steps; i++) {
            sizes[i] = Math.abs(adam.update(grad)[0]) / eta;
        }
        return sizes;
    }
}
