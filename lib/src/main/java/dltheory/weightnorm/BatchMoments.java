package dltheory.weightnorm;

/**
 * The statistics batch normalization uses for one pre-activation y over a batch (notebook 04,
 * eq. 3): the batch mean and the batch standard deviation (the variance divides by the batch size
 * n, as in Ioffe and Szegedy 2015).
 *
 * @param n    batch size
 * @param mean μ_y = (1/n) Σ yᵢ
 * @param std  σ_y = √((1/n) Σ (yᵢ − μ_y)²)
 */
public record BatchMoments(int n, double mean, double std) {
}
