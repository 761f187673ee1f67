package dltheory.plot;

import java.awt.Font;
import java.util.Locale;

/**
 * Font families for charts and drawings. A physical family name matters for speed: XChart's SVG
 * output (VectorGraphics2D) resolves a logical family such as {@code SansSerif} to a physical
 * font on every string it draws, tens of milliseconds each, so a chart with a few dozen labels
 * took seconds; with a named installed family it takes milliseconds.
 */
public final class Fonts {

    /** The charts' sans-serif family: DejaVu Sans where installed (Debian's default fonts). */
    public static final String SANS = installed(Font.SANS_SERIF, "DejaVu Sans", "Liberation Sans", "Arial", "Helvetica");

    /** A serif family for drawings that set mathematical symbols. */
    public static final String SERIF = installed(Font.SERIF, "DejaVu Serif", "Liberation Serif", "Times New Roman", "Noto Serif");

    private Fonts() {
    }

    /** The first of {@code candidates} that is installed, else {@code fallback}. */
    public static String installed(String fallback, String... candidates) {
        for (String family : candidates) {
            // an unknown name falls back to the logical Dialog family, so the family name tells
            if (new Font(family, Font.PLAIN, 10).getFamily(Locale.ROOT).equals(family)) {
                return family;
            }
        }
        return fallback;
    }
}
