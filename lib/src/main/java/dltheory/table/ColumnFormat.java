package dltheory.table;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

import dltheory.text.SignificantFormat;
import tech.tablesaw.api.DoubleColumn;

/**
 * One number format for a whole column, chosen from its values, so that a reader compares the
 * numbers of a column at a glance (issue 34: one notation and one count of decimals per column):
 * <ul>
 * <li>values that are short decimals (parameters such as p, α, β, t: every value exact with at
 * most six decimals, all below 10⁶) are shown exactly, with thousands separators: with the same
 * decimals when four or fewer show them all ({@code 1.00, 1.25, 2.00}), else each in its shortest
 * form ({@code 0.000001, 0.01, 0.999, 1}) rather than {@code 1.000×10⁻⁶ … 1.000×10⁰};</li>
 * <li>measured values within two decades of each other (below 10⁶) get the fixed decimals that
 * give the largest value four significant digits and the smallest three, at most six decimals:
 * four or five digits in every row ({@code 0.19273} and {@code 0.00819}, not {@code 0.192726}
 * beside {@code 0.008192});</li>
 * <li>any other column (more than two decades apart, or beyond [10⁻³, 10⁶)) is written
 * {@code 3.875×10⁻⁴} with three decimals in every row, a zero as {@code 0}. Every cell carries
 * its power of ten, {@code ×10⁰} included ({@code 1.024×10⁰} above {@code 3.340×10⁻¹}), as pandas
 * writes {@code e+00} in such a column: a bare {@code 1.024} there would read as another notation.
 * The mantissa alone is written only when the whole column agrees, that is, when every value is
 * within [1, 10), and such a column takes the fixed format above.</li>
 * </ul>
 * tests/notebooks/test_table_formats.py holds every table of the executed notebooks to these rules.
 */
public final class ColumnFormat extends NumberFormat {

    private static final long serialVersionUID = 1L;
    private final DecimalFormat fixed;
    private final boolean scientific;
    /** Most decimals of a column shown exactly (p = 0.000001). */
    private static final int MOST_DECIMALS = 6;
    /** An exact column needing at most this many decimals shows them in every row (1.00, 1.25). */
    private static final int ALIGNED_EXACT = 4;

    private ColumnFormat(DecimalFormat fixed, boolean scientific) {
        this.fixed = fixed;
        this.scientific = scientific;
    }

    /** The format for the values of {@code column}. */
    public static ColumnFormat of(DoubleColumn column) {
        return of(column.asDoubleArray());
    }

    /** The format for {@code values} (see the class comment). */
    public static ColumnFormat of(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double v : values) {
            double a = Math.abs(v);
            if (a > 0 && Double.isFinite(a)) {
                min = Math.min(min, a);
                max = Math.max(max, a);
            }
        }
        if (max == 0) {
            return new ColumnFormat(pattern(0), false);
        }
        int exact = exactDecimals(values);
        if (exact <= MOST_DECIMALS && max < 1e6) {
            return new ColumnFormat(exact <= ALIGNED_EXACT ? pattern(exact) : shortest(exact), false);
        }
        int top = (int) Math.floor(Math.log10(max));
        int bottom = (int) Math.floor(Math.log10(min));
        int decimals = Math.max(0, Math.max(3 - top, 2 - bottom));
        if (max < 1e6 && top - bottom <= 2 && decimals <= MOST_DECIMALS) {
            return new ColumnFormat(pattern(decimals), false);
        }
        return new ColumnFormat(null, true);
    }

    /** The fewest decimals (≤ 7) that show every value exactly: 1 and 0.25 need 2. */
    static int exactDecimals(double[] values) {
        int most = 0;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                continue;
            }
            int k = 0;
            // relative to the value: 10⁻¹⁶ is not 0 to seven decimals
            while (k < 7 && Math.abs(Math.round(v * Math.pow(10, k)) / Math.pow(10, k) - v) > 1e-12 * Math.abs(v)) {
                k++;
            }
            most = Math.max(most, k);
        }
        return most;
    }

    /** Whole numbers with thousands separators. */
    public static ColumnFormat integers() {
        return new ColumnFormat(pattern(0), false);
    }

    private static DecimalFormat pattern(int decimals) {
        DecimalFormat f = new DecimalFormat("#,##0" + (decimals > 0 ? "." + "0".repeat(decimals) : ""),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setNegativePrefix("−");
        return f;
    }

    /** Up to {@code decimals} decimals, as many as the value needs (0.5, 0.999, 1). */
    private static DecimalFormat shortest(int decimals) {
        DecimalFormat f = new DecimalFormat("#,##0." + "#".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setNegativePrefix("−");
        return f;
    }

    @Override
    public StringBuffer format(double v, StringBuffer out, FieldPosition pos) {
        if (Double.isNaN(v)) {
            return out.append("–");
        }
        if (Double.isInfinite(v)) {
            return out.append(v > 0 ? "∞" : "−∞");
        }
        if (scientific && v == 0) {
            return out.append('0');
        }
        if (!scientific) {
            return out.append(fixed.format(v));
        }
        // a minus sign in the mantissa: the exponent's is a superscript minus already
        return out.append(SignificantFormat.scientific(v, 3).replace('-', '−'));
    }

    @Override
    public StringBuffer format(long v, StringBuffer out, FieldPosition pos) {
        return format((double) v, out, pos);
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
        throw new UnsupportedOperationException("ColumnFormat only formats");
    }
}
