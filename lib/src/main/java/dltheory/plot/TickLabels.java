package dltheory.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import dltheory.text.Scripts;
import dltheory.text.SignificantFormat;

/** The tick labels of the house style: plain decimals on linear axes, powers of ten on log axes. */
final class TickLabels {

    private TickLabels() {
    }

    /** A tick value as printed on a linear axis: −0.25 → "-0.25", 1500 → "1,500", 2·10⁻⁶ → "2×10⁻⁶". */
    static String linear(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v == 0 ? "0" : Double.toString(v);
        }
        // ticks are multiples of a round step; 12 significant digits drop the step's rounding error
        BigDecimal d = new BigDecimal(v).round(new MathContext(12)).stripTrailingZeros();
        if (Math.abs(v) < 1e-4) {
            // as many decimals as the rounded value has digits after its first: 2×10⁻⁶, 2.5×10⁻⁶
            return SignificantFormat.scientific(d.doubleValue(), d.precision() - 1);
        }
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setMaximumFractionDigits(Math.max(0, d.scale()));
        f.setMinimumFractionDigits(Math.max(0, d.scale()));
        return f.format(d);
    }

    /** A tick of a log axis drawn over log₁₀ of the data: 10ᵏ for a whole k, else 10ᵛ to two significant digits. */
    static String powerOfTen(double v) {
        long k = Math.round(v);
        if (Math.abs(v - k) < 1e-6) {
            return "10" + Scripts.superscript(k);
        }
        return SignificantFormat.format(Math.pow(10, v), 2);
    }
}
