package dltheory.dropout;

/**
 * The ridge solution closest to dropout's test-time weights (notebook 02, section 5): the strength
 * λ_L2 that minimises ‖p·w_drop − w_L2(λ_L2)‖ over λ_L2 > 0, and that smallest distance. The distance
 * is 0 when every column of X has the same squared norm c (then λ_L2 = λ·c); on other designs it
 * measures how far dropout is from every ridge solution.
 *
 * @param p        keep probability
 * @param lambdaL2 the best-matched ridge strength
 * @param distance ‖p·w_drop − w_L2(lambdaL2)‖
 * @param relative distance / ‖p·w_drop‖
 */
public record RidgeMatch(double p, double lambdaL2, double distance, double relative) {
}
