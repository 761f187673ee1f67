package dltheory.dropout;

/**
 * One feature's coefficients in notebook 02.
 *
 * @param j                 the feature (column of X), from 1
 * @param columnSquaredNorm ‖x_j‖², the j-th entry of Γ²
 * @param ols               ordinary least squares
 * @param wDrop             w_drop, the minimiser of E_R[L] (what dropout training reaches), equation (2.7)
 * @param pwDrop            p·w_drop, the quantity of equation (2.6): the test-time weights
 * @param ridge             the ridge solution, equation (2.9)
 */
public record Coefficient(int j, double columnSquaredNorm, double ols, double wDrop, double pwDrop, double ridge) {
}
