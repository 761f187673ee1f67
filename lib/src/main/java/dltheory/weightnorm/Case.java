package dltheory.weightnorm;

import dltheory.check.Arguments;
/**
 * One comparison of Q4.1 (notebook 04): a batch of inputs and the direction {@code u} of the unit
 * whose weight-normalized and batch-normalized outputs are compared.
 *
 * @param name   the label in tables and plots, e.g. {@code "correlated, u = 1"}
 * @param inputs the batch and the moments of its source distribution
 * @param u      the direction, non-zero, of the inputs' dimension; copied
 */
public record Case(String name, InputSample inputs, double[] u) {

    /** Checks and copies; see the class description. */
    public Case {
        Arguments.nonBlank(name, "name");
        Arguments.notNull(inputs, "inputs", "an InputSample");
        WeightNorm.requireDirection(u, "u");
        WeightNorm.requireVector(u, "u", inputs.d());
        u = u.clone();
    }

    /** A one-line summary: the name and the batch's summary. */
    @Override
    public String toString() {
        return "Case[" + name + ", " + inputs + "]";
    }

    /** A copy of u. */
    @Override
    public double[] u() {
        return u.clone();
    }
}
