package dltheory.rnn;

/**
 * The squashing functions σ of the recurrent-net notebooks (05 and 06), each with its derivative
 * and γ = sup|σ′|, the constant in the vanishing-gradient bound of Q5.2.
 */
public enum Activation {

    /** σ(x) = 1/(1 + e⁻ˣ); σ′ = σ(1 − σ); γ = ¼ (at x = 0). */
    SIGMOID(0.25) {
        @Override
        public double value(double x) {
            return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
        }

        @Override
        public double derivative(double x) {
            double s = value(x);
            return s * (1 - s);
        }
    },

    /** σ(x) = tanh x; σ′ = 1 − tanh²x; γ = 1 (at x = 0). */
    TANH(1.0) {
        @Override
        public double value(double x) {
            return Math.tanh(x);
        }

        @Override
        public double derivative(double x) {
            double t = Math.tanh(x);
            return 1 - t * t;
        }
    };

    private final double gamma;

    Activation(double gamma) {
        this.gamma = gamma;
    }

    /** σ(x). */
    public abstract double value(double x);

    /** σ′(x). */
    public abstract double derivative(double x);

    /** γ = sup over x of |σ′(x)|. */
    public double gamma() {
        return gamma;
    }

    /** σ applied to every entry of {@code x}; {@code x} is not modified. */
    public double[] apply(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = value(x[i]);
        }
        return y;
    }

    /** σ′ at every entry of {@code x}; {@code x} is not modified. */
    public double[] derivative(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = derivative(x[i]);
        }
        return y;
    }
}
