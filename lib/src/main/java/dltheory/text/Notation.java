package dltheory.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The notebooks' inline notation written the TeX way ({@code u_{t+1}}, {@code δ^T},
 * {@code w_drop}) turned into what a reader should see: Unicode sub- and superscripts in plain
 * text (uₜ₊₁, δᵀ), {@code <sub>}/{@code <sup>} in HTML (w<sub>drop</sub>).
 */
public final class Notation {

    private static final Pattern SCRIPT = Pattern.compile("([_^])(\\{([^{}]*)\\}|([\\p{L}\\p{N}′]+))");
    private static final String PLAIN = "0123456789+-−=()aehijklmnoprstuvxβγρφχ";
    private static final String SUB = "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵪ";
    private static final String PLAIN_UP = "0123456789+-−=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVWβγδθφχ";
    private static final String SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂᵝᵞᵟᶿᵠᵡ";

    private Notation() {
    }

    /**
     * Plain text with Unicode scripts: {@code u_{t+1}} → uₜ₊₁, {@code δ^T} → δᵀ. A script with a
     * character that has no Unicode form is kept in parentheses: {@code w_drop} → w(drop).
     */
    public static String unicode(String text) {
        Matcher m = SCRIPT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            boolean sub = m.group(1).equals("_");
            String body = m.group(3) != null ? m.group(3) : m.group(4);
            String mapped = map(body, sub ? PLAIN : PLAIN_UP, sub ? SUB : SUP);
            String shown = mapped != null ? mapped : (sub ? "(" + body + ")" : "^(" + body + ")");
            m.appendReplacement(out, Matcher.quoteReplacement(shown));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** HTML-escaped text with {@code <sub>}/{@code <sup>} for TeX-like scripts. */
    public static String html(String text) {
        Matcher m = SCRIPT.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(escape(text.substring(last, m.start())));
            String body = m.group(3) != null ? m.group(3) : m.group(4);
            String tag = m.group(1).equals("_") ? "sub" : "sup";
            out.append('<').append(tag).append('>').append(escape(body)).append("</").append(tag).append('>');
            last = m.end();
        }
        out.append(escape(text.substring(last)));
        return out.toString();
    }

    /** Text with {@code & < >} escaped for HTML. */
    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** {@code body} with every character mapped from {@code from} to {@code to}, or null. */
    private static String map(String body, String from, String to) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == ' ') {
                continue;
            }
            int k = from.indexOf(c);
            if (k < 0) {
                return null;
            }
            out.append(to.charAt(k));
        }
        return out.toString();
    }
}
