package dltheory.weightnorm;

import dltheory.check.Arguments;
import java.util.List;
import java.util.function.Function;

/**
 * The six input cases of notebook 04, Q4.1, read by name rather than by position: one value per
 * case (a {@link Case}, or the {@link Comparison} computed from it).
 *
 * @param white          E[x] = 0, Cov[x] = I, u random
 * @param whitened       the correlated batch after whitening, u random
 * @param correlated     unit variances with correlation c between every pair, u random
 * @param correlatedOnes the same batch with u = (1,…,1)
 * @param shifted        mean m·1 and Cov[x] = I, u random
 * @param shiftedOnes    the same batch with u = (1,…,1)
 * @param <T>            what is held per case
 */
public record CaseSet<T>(T white, T whitened, T correlated, T correlatedOnes, T shifted, T shiftedOnes) {

    /** Requires a value for every case. */
    public CaseSet {
        for (T v : java.util.Arrays.asList(white, whitened, correlated, correlatedOnes, shifted, shiftedOnes)) {
            Arguments.that(v != null, "every case", "have a value", null);
        }
    }

    /** The six values in the order of the table: white, whitened, correlated, correlatedOnes, shifted, shiftedOnes. */
    public List<T> all() {
        return List.of(white, whitened, correlated, correlatedOnes, shifted, shiftedOnes);
    }

    /** {@code f} applied to every case, keeping the names. */
    public <R> CaseSet<R> map(Function<? super T, ? extends R> f) {
        return new CaseSet<>(f.apply(white), f.apply(whitened), f.apply(correlated), f.apply(correlatedOnes),
                f.apply(shifted), f.apply(shiftedOnes));
    }
}
