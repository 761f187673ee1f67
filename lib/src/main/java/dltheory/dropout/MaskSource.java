package dltheory.dropout;

import java.util.Random;

import dltheory.check.Arguments;

/**
 * The stream of Bernoulli(p) keep/drop decisions behind every dropout mask of notebook 02. It is
 * seeded by one {@code nextLong()} of the caller's generator (so the notebook's seed fixes every
 * mask) and draws with SplitMix64, the generator of {@link java.util.SplittableRandom} (the same
 * stream as {@code new SplittableRandom(seed)}), several times faster than {@link Random} for the
 * tens of millions of entries an experiment needs.
 */
final class MaskSource {

    /** SplittableRandom's increment for a generator made from one seed (GOLDEN_GAMMA). */
    private static final long GAMMA = 0x9e3779b97f4a7c15L;
    /** The state of {@code new SplittableRandom(seed)}, advanced by GAMMA per draw. */
    private long state;
    /** The p of the last call, and ⌈p·2⁵³⌉. */
    private double lastP = Double.NaN;
    private long threshold;

    MaskSource(Random rng) {
        Arguments.notNull(rng, "rng", "a generator");
        this.state = rng.nextLong();
    }

    /**
     * One Bernoulli(p) draw: true (keep) with probability p. The same decision, on the same
     * stream, as {@code new SplittableRandom(seed).nextDouble() < p} (SplitMix64: nextLong is
     * mix64 of the state advanced by GOLDEN_GAMMA; nextDouble is k·2⁻⁵³ with k its top 53 bits,
     * and k·2⁻⁵³ &lt; p exactly when k &lt; ⌈p·2⁵³⌉), written out so that the kernel's C1 compiler
     * inlines it: the SGD of notebook 02 draws 2×10⁷ of them.
     */
    boolean keep(double p) {
        if (p != lastP) {
            lastP = p;
            threshold = (long) Math.ceil(p * 0x1p53);
        }
        long z = state += GAMMA;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return ((z ^ (z >>> 31)) >>> 11) < threshold;
    }
}
