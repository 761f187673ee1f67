package dltheory.dropout;

/**
 * How much each method shrinks feature j's coefficient relative to ordinary least squares
 * (notebook 02, the erratum): 1 means not shrunk, 0 means shrunk to zero.
 *
 * @param j                 the feature (column of X), from 1
 * @param columnSquaredNorm ‖x_j‖², the j-th entry of Γ²
 * @param dropout           (p·w_drop)_j / w_OLS,j
 * @param ridge             w_L2,j / w_OLS,j
 */
public record Shrinkage(int j, double columnSquaredNorm, double dropout, double ridge) {
}
