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
 * One number format for a whole column, chosen from its values so that the decimal points line
 * up: fixed decimals with thousands separators ({@code 12,345.68}, {@code 0.002687}) when every
 * nonzero value lies in [10⁻³, 10⁶), giving its smallest value four significant digits (at most
 * six decimals, fewer when they show every value exactly: 1 and 0.5 as 1.0 and 0.5); otherwise {@code 3.875×10⁻⁴} with three decimals for every value.
 */
public final class ColumnFormat extends NumberFormat {

    private static final long serialVersionUID = 1L;
    private final DecimalFormat fixed;
    private final boolean scientific;

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
        if (min >= 1e-3 && max < 1e6) {
            int decimals = (int) Math.max(0, Math.min(6, 3 - Math.floor(Math.log10(min))));
            return new ColumnFormat(pattern(Math.min(decimals, exactDecimals(values))), false);
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
            while (k < 7 && Math.abs(Math.round(v * Math.pow(10, k)) / Math.pow(10, k) - v) > 1e-12 * Math.max(1, Math.abs(v))) {
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

    @Override
    public StringBuffer format(double v, StringBuffer out, FieldPosition pos) {
        if (Double.isNaN(v)) {
            return out.append("–");
        }
        if (Double.isInfinite(v)) {
            return out.append(v > 0 ? "∞" : "−∞");
        }
        if (!scientific || v == 0) {
            return out.append((fixed != null ? fixed : pattern(3)).format(v));
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
