package dltheory.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void scriptsWriteIntegersInUnicodeDigits() {
        assertEquals("⁻⁷", Scripts.superscript(-7));
        assertEquals("¹²³⁴⁵⁶⁷⁸⁹⁰", Scripts.superscript(1234567890));
        assertEquals("₁₂", Scripts.subscript(12));
        assertEquals("₋₃", Scripts.subscript(-3));
    }

    @Test
    void oneScientificNotationForChecksTablesAndTicks() {
        assertEquals("1.235×10⁻⁷", SignificantFormat.scientific(1.23456e-7, 3));
        assertEquals("-2.000×10⁹", SignificantFormat.scientific(-2e9, 3));
        assertEquals("1.0×10⁻⁶", SignificantFormat.scientific(9.99e-7, 1), "the carry moves to the exponent");
        assertEquals("3.97×10⁻⁶", SignificantFormat.format(3.966e-6, 3));
        assertEquals("0.001234", SignificantFormat.format(0.0012344, 4), "plain inside [10⁻³, 10⁶)");
    }

    @Test
    void javaNamesAreSpelledInWordsAndLabelsKeptAsWritten() {
        assertEquals("standard error", Words.spelled("standardError"));
        assertEquals("max abs error", Words.spelled("maxAbsError"));
        assertEquals("Var[a]", Words.spelled("Var[a]"));
        assertEquals("t", Words.spelled("t"));
    }
}
