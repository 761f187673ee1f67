package dltheory.kernel.magic;

import java.util.List;

/**
 * Magics used as values, as in IJava: a line magic on the right of an assignment,
 * {@code List<String> added = %jars lib/*.jar;} or {@code var files = %maven g:a:1.0}, is rewritten to a
 * call of {@code Notebook.lineMagic(name, args)}, which runs the magic and returns its value. The magic
 * reaches to the end of its line; a final {@code ;} (and a {@code //} comment after it) ends the
 * statement and is not an argument. The rewritten line stays one line, so cell line numbers hold.
 * Strings, character literals, text blocks and comments are left alone.
 */
public final class ExpressionMagics {
    /** The method a magic is rewritten to call. */
    static final String CALL = "dltheory.kernel.runtime.Notebook.lineMagic";

    private ExpressionMagics() {
    }

    private enum State { CODE, LINE_COMMENT, BLOCK_COMMENT, STRING, CHAR, TEXT_BLOCK }

    /** Called at each character of code proper; returns the index to go on from (past text it consumed). */
    @FunctionalInterface
    private interface CodeVisitor {
        int at(int index);
    }

    /**
     * The one pass over Java source that both {@link #rewrite} and {@link #openDepth} make: it tracks
     * comments, string and character literals and text blocks, and hands every other character to
     * {@code visitor}.
     */
    private static void scan(String code, CodeVisitor visitor) {
        State state = State.CODE;
        int n = code.length();
        int i = 0;
        while (i < n) {
            char c = code.charAt(i);
            switch (state) {
                case CODE -> {
                    if (code.startsWith("//", i)) {
                        state = State.LINE_COMMENT;
                        i += 2;
                    } else if (code.startsWith("/*", i)) {
                        state = State.BLOCK_COMMENT;
                        i += 2;
                    } else if (code.startsWith("\"\"\"", i)) {
                        state = State.TEXT_BLOCK;
                        i += 3;
                    } else if (c == '"') {
                        state = State.STRING;
                        i++;
                    } else if (c == '\'') {
                        state = State.CHAR;
                        i++;
                    } else {
                        i = visitor.at(i);
                    }
                }
                case LINE_COMMENT -> {
                    if (c == '\n') {
                        state = State.CODE;
                    }
                    i++;
                }
                case BLOCK_COMMENT -> {
                    if (code.startsWith("*/", i)) {
                        state = State.CODE;
                        i += 2;
                    } else {
                        i++;
                    }
                }
                case STRING, CHAR -> {
                    if (c == '\\') {
                        i += 2;
                    } else {
                        if ((state == State.STRING && c == '"') || (state == State.CHAR && c == '\'') || c == '\n') {
                            state = State.CODE;
                        }
                        i++;
                    }
                }
                case TEXT_BLOCK -> {
                    if (c == '\\') {
                        i += 2;
                    } else if (code.startsWith("\"\"\"", i)) {
                        state = State.CODE;
                        i += 3;
                    } else {
                        i++;
                    }
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
    }

    /** True if {@code code} has a magic on the right of an assignment. */
    public static boolean hasAny(String code) {
        return !rewrite(code).equals(code);
    }

    /** The code with every magic on the right of an assignment replaced by a call. */
    public static String rewrite(String code) {
        if (code.indexOf('%') < 0) {
            return code;
        }
        StringBuilder out = new StringBuilder(code.length() + 64);
        int[] copied = {0};
        scan(code, i -> {
            if (code.charAt(i) == '=' && isAssignment(code, i)) {
                int end = magicEnd(code, i + 1);
                if (end > 0) {
                    int percent = skipBlanks(code, i + 1);
                    out.append(code, copied[0], percent).append(call(code.substring(percent + 1, end)));
                    copied[0] = end;
                    return end;
                }
            }
            return i + 1;
        });
        return copied[0] == 0 ? code : out.append(code, copied[0], code.length()).toString();
    }

    /**
     * How many brackets ({@code ( [ {}) are open at the end of {@code code}, outside strings, character
     * literals, text blocks and comments: a magic line met at a positive depth is inside a statement or
     * a block.
     */
    public static int openDepth(String code) {
        int[] depth = {0};
        scan(code, i -> {
            char c = code.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth[0]++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth[0]--;
            }
            return i + 1;
        });
        return depth[0];
    }

    /**
     * A line magic written as a statement, for a magic line inside a block ({@code if (...) {} / %jars x.jar /
     * {@code }}), where IJava too runs it as a call in place: the line's indentation, then the call.
     */
    static String statement(String magicLine) {
        int indent = 0;
        while (indent < magicLine.length() && Character.isWhitespace(magicLine.charAt(indent))) {
            indent++;
        }
        return magicLine.substring(0, indent) + call(magicLine.substring(indent + 1));
    }

    /** True if the {@code =} at {@code at} is a plain assignment (not {@code ==}, {@code <=}, {@code +=}, ...). */
    private static boolean isAssignment(String code, int at) {
        char before = at > 0 ? code.charAt(at - 1) : ' ';
        char after = at + 1 < code.length() ? code.charAt(at + 1) : ' ';
        return "=!<>+-*/%&|^".indexOf(before) < 0 && after != '=';
    }

    /** If blanks then {@code %name} follow {@code from} (and not {@code %%}), the end of that line; else -1. */
    private static int magicEnd(String code, int from) {
        int p = skipBlanks(code, from);
        if (p + 1 >= code.length() || code.charAt(p) != '%' || !Character.isLetter(code.charAt(p + 1))) {
            return -1;
        }
        int nl = code.indexOf('\n', p);
        return nl < 0 ? code.length() : nl;
    }

    private static int skipBlanks(String code, int from) {
        int p = from;
        while (p < code.length() && (code.charAt(p) == ' ' || code.charAt(p) == '\t')) {
            p++;
        }
        return p;
    }

    /** The call for {@code name args... [; [// comment]]} (the text after {@code %}). */
    static String call(String magicText) {
        String text = magicText.stripTrailing();
        String tail = "";
        int semi = text.lastIndexOf(';');
        while (semi >= 0) {
            String after = text.substring(semi + 1).strip();
            if (after.isEmpty() || after.startsWith("//")) {
                tail = text.substring(semi + 1);
                text = text.substring(0, semi).stripTrailing();
                break;
            }
            semi = text.lastIndexOf(';', semi - 1);
        }
        MagicLine m = MagicLine.parse("%" + text, 0);
        StringBuilder sb = new StringBuilder(CALL).append('(').append(literal(m.name())).append(", java.util.List.of(");
        List<String> args = m.args();
        for (int k = 0; k < args.size(); k++) {
            sb.append(k == 0 ? "" : ", ").append(literal(args.get(k)));
        }
        return sb.append("));").append(tail).toString();
    }

    /** A Java string literal for {@code s}. */
    static String literal(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
