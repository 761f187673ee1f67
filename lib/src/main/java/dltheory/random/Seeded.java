package dltheory.random;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.RandomMatrices_DDRM;
import dltheory.check.Arguments;

/**
 * Seeded random draws for the notebooks. Every notebook has one {@code SEED}; each experiment
 * draws from its own stream {@code rng(SEED, "name")}, so changing one experiment does not shift
 * the numbers of another, and every run prints the same numbers.
 *
 * <p>Matrices are EJML {@link DMatrixRMaj}; entries are drawn row by row.
 */
public final class Seeded {

    private Seeded() {
    }

    /** A generator for {@code seed}. */
    public static Random rng(long seed) {
        return new Random(seed);
    }

    /** A generator for the named stream of {@code seed}: {@code rng(derive(seed, stream))}. */
    public static Random rng(long seed, String stream) {
        return new Random(derive(seed, stream));
    }

    /**
     * A seed for the named stream of {@code seed}: SplitMix64's finaliser applied to the seed
     * mixed with the stream name's hash, so nearby seeds and names give unrelated streams.
     */
    static long derive(long seed, String stream) {
        Arguments.notNull(stream, "stream", "a name");
        long z = seed + 0x9E3779B97F4A7C15L * (stream.hashCode() + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A rows×cols matrix of i.i.d. N(mean, std²) entries. */
    public static DMatrixRMaj normal(int rows, int cols, double mean, double std, Random rng) {
        Arguments.atLeast(rows, 1, "rows");
        Arguments.atLeast(cols, 1, "cols");
        Arguments.nonNegative(std, "std");
        return RandomMatrices_DDRM.rectangleGaussian(rows, cols, mean, std, rng);
    }

    /** A rows×cols matrix of i.i.d. U(lo, hi) entries. */
    public static DMatrixRMaj uniform(int rows, int cols, double lo, double hi, Random rng) {
        Arguments.atLeast(rows, 1, "rows");
        Arguments.atLeast(cols, 1, "cols");
        Arguments.ordered(lo, hi, "lo", "hi");
        return RandomMatrices_DDRM.rectangle(rows, cols, lo, hi, rng);
    }

    /** A rows×cols matrix of i.i.d. Bernoulli(p) entries in {0, 1}: 1 with probability p. */
    static DMatrixRMaj bernoulli(int rows, int cols, double p, Random rng) {
        Arguments.atLeast(rows, 1, "rows");
        Arguments.atLeast(cols, 1, "cols");
        Arguments.inClosed(p, 0, 1, "p");
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        double[] data = m.data;
        for (int i = 0; i < rows * cols; i++) {
            data[i] = rng.nextDouble() < p ? 1.0 : 0.0;
        }
        return m;
    }

    /** A vector of n i.i.d. N(mean, std²) draws. */
    public static double[] normal(int n, double mean, double std, Random rng) {
        Arguments.atLeast(n, 1, "n (the number of draws)");
        return normal(n, 1, mean, std, rng).data;
    }

    /** A vector of n i.i.d. U(lo, hi) draws (the same draws as the n×1 matrix). */
    public static double[] uniform(int n, double lo, double hi, Random rng) {
        Arguments.atLeast(n, 1, "n (the number of draws)");
        return uniform(n, 1, lo, hi, rng).data;
    }

    /** A vector's length, named as its caller names it (not the rows of the n×1 matrix it is drawn as). */
}
