package dltheory.text;

/**
 * Integers in Unicode sub- and superscript digits, as the notebooks' text, tables, check lines and
 * chart labels write indices and exponents: x₁₂, 10⁻⁷, a⁽³⁷⁾.
 */
public final class Scripts {

    private static final String SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    private static final String SUBSCRIPT = "₀₁₂₃₄₅₆₇₈₉";

    private Scripts() {
    }

    /** An integer in Unicode superscript digits, with a superscript minus: −7 → ⁻⁷. */
    public static String superscript(long k) {
        return digits(k, SUPERSCRIPT, '⁻');
    }

    /** An integer in Unicode subscript digits, with a subscript minus: 12 → ₁₂. */
    public static String subscript(long k) {
        return digits(k, SUBSCRIPT, '₋');
    }

    private static String digits(long k, String digits, char minus) {
        StringBuilder out = new StringBuilder(k < 0 ? String.valueOf(minus) : "");
        for (char c : Long.toString(Math.abs(k)).toCharArray()) {
            out.append(digits.charAt(c - '0'));
        }
        return out.toString();
    }
}
