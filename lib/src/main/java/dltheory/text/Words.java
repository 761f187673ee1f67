package dltheory.text;

import java.util.Locale;

/** Java names as a reader sees them in table headers. */
public final class Words {

    private Words() {
    }

    /**
     * A Java component name spelled out in words ({@code maxAbsError} → "max abs error",
     * {@code standardError} → "standard error"); any other text (a label in the notebook's
     * notation, a single word) is returned as written.
     */
    public static String spelled(String name) {
        if (name.matches("[a-z][a-z0-9]*([A-Z][a-z0-9]*)+")) {
            return name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        }
        return name;
    }
}
