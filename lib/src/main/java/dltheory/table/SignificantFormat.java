package dltheory.table;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/**
 * Formats numbers with a fixed count of significant digits: plain notation for magnitudes in
 * [1e-3, 1e6), scientific notation (e.g. {@code 1.234e-07}) outside it, so that a column whose
 * values span decades stays readable.
 */
public final class SignificantFormat extends NumberFormat {

    private static final long serialVersionUID = 1L;
    private final int digits;

    /** @param digits significant digits, 1 to 17 */
    public SignificantFormat(int digits) {
        if (digits < 1 || digits > 17) {
            throw new IllegalArgumentException("digits must be in [1, 17], got " + digits);
        }
        this.digits = digits;
    }

    /** Formats one value, e.g. {@code format(0.0123456) = "0.01235"} with 4 digits. */
    public static String format(double value, int digits) {
        return new SignificantFormat(digits).format(value);
    }

    @Override
    public StringBuffer format(double v, StringBuffer out, FieldPosition pos) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return out.append(v);
        }
        if (v == 0) {
            return out.append('0');
        }
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e6) {
            BigDecimal rounded = new BigDecimal(v).round(new MathContext(digits));
            return out.append(rounded.stripTrailingZeros().toPlainString());
        }
        return out.append(String.format(Locale.ROOT, "%." + (digits - 1) + "e", v));
    }

    @Override
    public StringBuffer format(long v, StringBuffer out, FieldPosition pos) {
        return out.append(v);
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
        throw new UnsupportedOperationException("SignificantFormat only formats");
    }
}
