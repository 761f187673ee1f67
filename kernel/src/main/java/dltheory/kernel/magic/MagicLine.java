package dltheory.kernel.magic;

import java.util.ArrayList;
import java.util.List;

/**
 * One magic invocation: {@code %name args...} (line magic) or {@code %%name args...} (cell magic).
 *
 * @param name magic name without the percent signs
 * @param args arguments, split like a shell does (quotes group, backslash escapes)
 * @param line 1-based line of the cell where the magic is written
 */
public record MagicLine(String name, List<String> args, int line) {

    /** True if {@code text} (one line) is a line magic: optional indentation, {@code %}, a letter. */
    public static boolean isLineMagic(String text) {
        String s = text.stripLeading();
        return s.length() > 1 && s.charAt(0) == '%' && Character.isLetter(s.charAt(1));
    }

    /** True if {@code text} (one line) is a cell magic header: {@code %%} then a letter. */
    public static boolean isCellMagic(String text) {
        String s = text.stripLeading();
        return s.length() > 2 && s.startsWith("%%") && Character.isLetter(s.charAt(2));
    }

    /** Parses a magic line (either kind). */
    public static MagicLine parse(String text, int line) {
        String s = text.strip();
        s = s.startsWith("%%") ? s.substring(2) : s.substring(1);
        List<String> words = split(s);
        return new MagicLine(words.get(0), List.copyOf(words.subList(1, words.size())), line);
    }

    /** Splits arguments: whitespace separates, single and double quotes group, backslash escapes. */
    public static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < s.length()) {
                    cur.append(s.charAt(++i));
                } else {
                    cur.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < s.length()) {
                cur.append(s.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed quote in magic arguments: " + s);
        }
        if (inWord) {
            out.add(cur.toString());
        }
        return out;
    }
}
