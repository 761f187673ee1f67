package dltheory.dropout;

import java.util.List;
import dltheory.table.Tables;
import tech.tablesaw.api.Table;

import dltheory.check.Arguments;

/**
 * An entrywise Monte Carlo check of a matrix expectation (notebook 02, equations (2.2) and (2.3)).
 *
 * @param quantity         what was estimated, e.g. {@code E[R⊙X]}
 * @param masks            N, the number of masks averaged
 * @param entries          how many entries were compared
 * @param maxAbsError      the largest |Monte Carlo mean − closed form| over the entries
 * @param maxStandardError the largest standard error over the entries
 * @param maxZ             the largest |Monte Carlo mean − closed form| / standard error
 */
public record MomentCheck(String quantity, int masks, int entries, double maxAbsError, double maxStandardError,
                          double maxZ) {

    /**
     * The number of standard errors to allow for the largest of {@code entries} simultaneous
     * z-scores: the smallest k ≥ 4 with entries·2Φ(−k) ≤ 2Φ(−4), so that the chance of a false
     * alarm over all entries is no larger than that of one 4-SE check (Bonferroni).
     */
    public static double simultaneousK(int entries) {
        Arguments.atLeast(entries, 1, "entries");
        double target = 2 * upperTail(4);
        double lo = 4;
        double hi = 40;
        if (entries * 2 * upperTail(lo) <= target) {
            return lo;
        }
        for (int it = 0; it < 100; it++) {
            double mid = (lo + hi) / 2;
            if (entries * 2 * upperTail(mid) <= target) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    /** {@link #simultaneousK(int)} for this check's number of entries. */
    public double allowedZ() {
        return simultaneousK(entries);
    }

    /** Φ(−z) = erfc(z/√2)/2 for z ≥ 0 (Numerical Recipes' erfc, relative error below 1.2·10⁻⁷). */
    static double upperTail(double z) {
        double x = z / Math.sqrt(2);
        double t = 1 / (1 + 0.5 * x);
        double erfc = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return erfc / 2;
    }

    /** Builds the check from running sums Σx and Σx² of N samples per entry and the exact means. */
    static MomentCheck of(String quantity, int masks, double[] sum, double[] sumSq, double[] expected) {
        double maxAbs = 0;
        double maxSe = 0;
        double maxZ = 0;
        for (int k = 0; k < sum.length; k++) {
            double mean = sum[k] / masks;
            double var = Math.max(0, (sumSq[k] - masks * mean * mean) / (masks - 1));
            double se = Math.sqrt(var / masks);
            double err = Math.abs(mean - expected[k]);
            maxAbs = Math.max(maxAbs, err);
            maxSe = Math.max(maxSe, se);
            double z = se == 0 ? (err < 1e-12 * (1 + Math.abs(expected[k])) ? 0 : Double.POSITIVE_INFINITY) : err / se;
            maxZ = Math.max(maxZ, z);
        }
        return new MomentCheck(quantity, masks, sum.length, maxAbs, maxSe, maxZ);
    }

    /**
     * A table of the Monte Carlo moment checks, one row per record, headed in notebook 02's notation.
     *
     * @param caption the table's caption
     * @param rows    the rows, at least one
     */
    public static Table table(String caption, List<MomentCheck> rows) {
        return Tables.of(caption, rows, "quantity", "masks N", "entries", "max |error|", "max SE", "max |z|");
    }
}
