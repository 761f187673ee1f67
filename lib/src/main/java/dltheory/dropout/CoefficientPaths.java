package dltheory.dropout;

import dltheory.check.Arguments;
import dltheory.linalg.Vectors;

/**
 * Coefficient paths of notebook 02: {@code coefficients[j][k]} is coefficient j + 1 at
 * {@code x[k]} (a keep probability p for dropout, a λ for ridge).
 */
public record CoefficientPaths(double[] x, double[][] coefficients) {

    /** Validates shapes and stores copies. */
    public CoefficientPaths {
        Arguments.nonEmpty(x, "x");
        x = x.clone();
        for (int j = 0; j < coefficients.length; j++) {
            Arguments.length(coefficients[j], x.length, "coefficients[" + j + "]",
                    "one value per x");
        }
        coefficients = Vectors.copy(coefficients);
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[][] coefficients() {
        return Vectors.copy(coefficients);
    }

    /** The path of coefficient j (from 1). */
    public double[] path(int j) {
        Arguments.inRange(j, 1, coefficients.length, "j");
        return coefficients[j - 1].clone();
    }

    /** The number of coefficients d. */
    public int d() {
        return coefficients.length;
    }
}
