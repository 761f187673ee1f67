package dltheory.kernel.eval;

/**
 * Line and column arithmetic on a cell's text, used to point at errors.
 */
public final class SourceText {
    private final String text;

    /** @param text the full cell text */
    public SourceText(String text) {
        this.text = text;
    }

    /** 1-based line number of a character offset. */
    public int lineOf(int offset) {
        int line = 1;
        int end = Math.min(Math.max(offset, 0), text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Offset of the first character of the line containing {@code offset}. */
    public int lineStart(int offset) {
        int end = Math.min(Math.max(offset, 0), text.length());
        int nl = text.lastIndexOf('\n', end - 1);
        return nl + 1;
    }

    /** The text of the line containing {@code offset}, without its line break. */
    public String lineText(int offset) {
        int start = lineStart(offset);
        int nl = text.indexOf('\n', start);
        String line = text.substring(start, nl < 0 ? text.length() : nl);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /**
     * A caret line marking {@code [start, end)} under {@link #lineText(int)} of {@code start};
     * at least one caret, never past the end of the line. Tabs are kept so the carets line up.
     */
    public String caret(int start, int end) {
        int lineStart = lineStart(start);
        String line = lineText(start);
        int col = Math.min(start - lineStart, line.length());
        int width = Math.max(1, Math.min(end, lineStart + line.length()) - start);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < col; i++) {
            sb.append(line.charAt(i) == '\t' ? '\t' : ' ');
        }
        sb.append("^".repeat(width));
        return sb.toString();
    }
}
