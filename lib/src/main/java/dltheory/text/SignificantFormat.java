package dltheory.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/**
 * Formats numbers with a fixed count of significant digits: plain notation for magnitudes in
 * [1e-3, 1e6), scientific notation outside it, written as everywhere a reader sees numbers (check
 * lines, tables, tick labels): {@code 1.235×10⁻⁷} ({@link #scientific}).
 */
public final class SignificantFormat extends NumberFormat {

    private static final long serialVersionUID = 1L;
    private final int digits;

    /** @param digits significant digits, 1 to 17 */
    public SignificantFormat(int digits) {
        // written by hand: check (Check) writes its lines with text, so text cannot depend on check
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
        return out.append(scientific(v, digits - 1));
    }

    /**
     * {@code v} as m×10ᵏ with 1 ≤ |m| &lt; 10 written to {@code decimals} decimals and the
     * exponent in superscript digits: {@code scientific(1.23456e-7, 3) = "1.235×10⁻⁷"}. The one
     * scientific notation of the collection.
     */
    public static String scientific(double v, int decimals) {
        if (v == 0 || !Double.isFinite(v)) {
            return String.format(Locale.ROOT, "%." + decimals + "f", v);
        }
        int exponent = (int) Math.floor(Math.log10(Math.abs(v)));
        double mantissa = v / Math.pow(10, exponent);
        double scale = Math.pow(10, decimals);
        if (Math.abs(Math.round(mantissa * scale) / scale) >= 10) {
            mantissa /= 10;
            exponent++;
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", mantissa) + "×10" + Scripts.superscript(exponent);
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
