package dltheory.dropout;

import java.util.Arrays;
import java.util.List;

import org.ejml.data.DMatrixRMaj;

import dltheory.check.Check;

/**
 * The ridge solution closest to dropout's test-time weights (notebook 02, sections 3 and 5): the
 * strength λ_L2 that minimises ‖p·w_drop − w_L2(λ_L2)‖ over λ_L2 > 0, and that smallest distance. The
 * distance is 0 when every column of X has the same squared norm c (then λ_L2 = λ·c); on other
 * designs it measures how far dropout is from every ridge solution.
 *
 * @param data     the design's name
 * @param p        keep probability
 * @param lambdaL2 the best-matched ridge strength
 * @param distance ‖p·w_drop − w_L2(lambdaL2)‖
 * @param relative distance / ‖p·w_drop‖
 */
public record RidgeMatch(String data, double p, double lambdaL2, double distance, double relative) {

    /**
     * Checks where the closest strength lies (notebook 02, section 3): between λ·min_j ‖x_j‖² and
     * λ·max_j ‖x_j‖², λ = (1 − p)/p, the strengths at which ridge reproduces dropout on each column
     * alone. With orthogonal columns coordinate j of p·w_drop is x_jᵀy / (‖x_j‖²(1 + λ)) and that of
     * w_L2(μ) is x_jᵀy / (‖x_j‖² + μ), equal at μ = λ‖x_j‖²; below the smallest of these strengths
     * every coordinate of w_L2 is too large, above the largest every one too small, so the distance
     * is smallest between them. Nearly orthogonal columns (notebook 02's data) keep the bracket; its
     * width is the spread of the column norms, which the closeness of λ_L2 to λn reflects.
     *
     * @param X the design the match was computed on
     */
    public void checkBetweenColumnStrengths(DMatrixRMaj X) {
        double[] norms = DropoutRegression.gammaSquared(X);
        double lambda = DropoutRegression.lambda(p);
        Check.atLeast(lambdaL2, lambda * Arrays.stream(norms).min().orElseThrow(), "closest λ_L2 against λ·min ‖x_j‖²");
        Check.atMost(lambdaL2, lambda * Arrays.stream(norms).max().orElseThrow(), "closest λ_L2 against λ·max ‖x_j‖²");
    }

    /** The row of design {@code data} at keep probability p in a table of matches. */
    public static RidgeMatch of(List<RidgeMatch> rows, String data, double p) {
        return rows.stream().filter(r -> r.data().equals(data) && r.p() == p).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no row for data " + data + " at p = " + p + " among "
                        + rows.stream().map(r -> r.data() + " " + r.p()).toList()));
    }
}
