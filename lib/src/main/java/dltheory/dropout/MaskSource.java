package dltheory.dropout;

import java.util.Random;
import java.util.SplittableRandom;

import dltheory.check.Arguments;

/**
 * The stream of Bernoulli(p) keep/drop decisions behind every dropout mask of notebook 02. It is
 * seeded by one {@code nextLong()} of the caller's generator (so the notebook's seed fixes every
 * mask) and draws with {@link SplittableRandom}, several times faster than {@link Random} for the
 * tens of millions of entries an experiment needs.
 */
final class MaskSource {

    private final SplittableRandom random;

    MaskSource(Random rng) {
        Arguments.notNull(rng, "rng", "a generator");
        this.random = new SplittableRandom(rng.nextLong());
    }

    /** One Bernoulli(p) draw: true (keep) with probability p. */
    boolean keep(double p) {
        return random.nextDouble() < p;
    }
}
