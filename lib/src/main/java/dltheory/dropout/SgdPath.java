package dltheory.dropout;

import dltheory.check.Arguments;
import dltheory.linalg.Vectors;

/**
 * The iterates of one SGD-with-dropout run (notebook 02, equation (2.8)) recorded at some steps.
 *
 * @param steps    the steps t at which the iterate was recorded (increasing)
 * @param iterates {@code iterates[k]} = w after {@code steps[k]} steps
 */
public record SgdPath(double[] steps, double[][] iterates) {

    /** Validates lengths and stores copies. */
    public SgdPath {
        Arguments.nonEmpty(steps, "steps");
        Arguments.that(iterates.length == steps.length, "iterates", "hold one iterate per step ("
                + steps.length + ")", iterates.length);
        steps = steps.clone();
        iterates = Vectors.copy(iterates);
    }

    @Override
    public double[] steps() {
        return steps.clone();
    }

    @Override
    public double[][] iterates() {
        return Vectors.copy(iterates);
    }

    /** The last recorded iterate. */
    public double[] last() {
        return iterates[iterates.length - 1].clone();
    }

    /** ‖w_t − target‖ at every recorded step. */
    double[] distanceTo(double[] target) {
        double[] out = new double[steps.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = Vectors.distance(iterates[k], target);
        }
        return out;
    }
}
