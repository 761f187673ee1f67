package dltheory.dropout;

import java.util.List;

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

    /** The row of design {@code data} at keep probability p in a table of matches. */
    public static RidgeMatch of(List<RidgeMatch> rows, String data, double p) {
        return rows.stream().filter(r -> r.data().equals(data) && r.p() == p).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no row for data " + data + " at p = " + p + " among "
                        + rows.stream().map(r -> r.data() + " " + r.p()).toList()));
    }
}
