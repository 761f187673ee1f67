package dltheory.kernel.eval;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Completeness;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Completeness, completion and documentation for cell text, on top of JShell's source analysis.
 * Cell text may hold several snippets; each question is asked about the snippet under the cursor.
 */
public final class CodeAnalysis {
    /** Answer of {@link #isComplete}: status ({@code complete}, {@code incomplete}, {@code invalid}) and indent. */
    public record Verdict(String status, String indent) {
    }

    /** Completion matches replacing {@code [start, end)} of the cell. */
    public record Matches(List<String> matches, int start, int end) {
    }

    private final SourceCodeAnalysis analysis;

    /** @param analysis JShell's analysis of the running session */
    public CodeAnalysis(SourceCodeAnalysis analysis) {
        this.analysis = analysis;
    }

    /** Classifies cell text (magic lines already blanked). */
    public Verdict isComplete(String code) {
        CompletionInfo info = analysis.analyzeCompletion(code);
        while (info.completeness().isComplete() && !info.remaining().isBlank()) {
            info = analysis.analyzeCompletion(info.remaining());
        }
        return classify(info.completeness(), info.remaining());
    }

    /** Maps JShell's completeness to the protocol's; UNKNOWN (not parseable) is {@code invalid}. */
    static Verdict classify(Completeness c, String remaining) {
        return switch (c) {
            case COMPLETE, COMPLETE_WITH_SEMI, EMPTY -> new Verdict("complete", "");
            case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> new Verdict("incomplete", indent(remaining));
            case UNKNOWN -> new Verdict("invalid", "");
        };
    }

    /** Indentation for the next line: the last line's, plus four spaces after an opening brace or paren. */
    static String indent(String source) {
        String text = source.stripTrailing();
        int nl = text.lastIndexOf('\n');
        String last = text.substring(nl + 1);
        int i = 0;
        while (i < last.length() && (last.charAt(i) == ' ' || last.charAt(i) == '\t')) {
            i++;
        }
        String base = last.substring(0, i);
        String trimmed = last.strip();
        boolean opens = trimmed.endsWith("{") || trimmed.endsWith("(") || trimmed.endsWith("[");
        return opens ? base + "    " : base;
    }

    /** Completion at {@code cursor} of the cell. */
    public Matches complete(String code, int cursor) {
        int[] span = snippetAround(code, cursor);
        String snippet = code.substring(span[0], cursor);
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions = analysis.completionSuggestions(snippet, snippet.length(), anchor);
        Set<String> matches = new LinkedHashSet<>();
        for (SourceCodeAnalysis.Suggestion s : suggestions) {
            if (s.matchesType()) {
                matches.add(s.continuation());
            }
        }
        for (SourceCodeAnalysis.Suggestion s : suggestions) {
            matches.add(s.continuation());
        }
        return new Matches(new ArrayList<>(matches), span[0] + anchor[0], cursor);
    }

    /**
     * Signature(s) and Javadoc (when the JDK's sources are installed) of the element at {@code cursor}.
     * The cursor may be anywhere in the identifier, not only after it (Shift+Tab in {@code Math.s|qrt}).
     */
    public String documentation(String code, int cursor, boolean detail) {
        cursor = identifierEnd(code, cursor);
        int[] span = snippetAround(code, cursor);
        String snippet = code.substring(span[0], cursor);
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(snippet, snippet.length(), true);
        if (docs.isEmpty()) {
            docs = analysis.documentation(snippet + "(", snippet.length() + 1, true);
        }
        StringBuilder sb = new StringBuilder();
        for (SourceCodeAnalysis.Documentation d : docs) {
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            sb.append(d.signature());
            if (d.javadoc() != null && !d.javadoc().isBlank()) {
                sb.append("\n").append(detail ? d.javadoc() : firstParagraph(d.javadoc()));
            }
        }
        return sb.toString();
    }

    /** The end of the identifier that contains or ends at {@code cursor}; {@code cursor} if there is none. */
    static int identifierEnd(String code, int cursor) {
        int end = Math.min(cursor, code.length());
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        return end;
    }

    private static String firstParagraph(String javadoc) {
        int cut = javadoc.indexOf("\n\n");
        return cut < 0 ? javadoc : javadoc.substring(0, cut);
    }

    /** Start and end offsets of the snippet of {@code code} that contains {@code cursor}. */
    int[] snippetAround(String code, int cursor) {
        int start = 0;
        String remaining = code;
        while (true) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (!info.completeness().isComplete() || info.remaining().isEmpty()) {
                return new int[]{start, code.length()};
            }
            int end = start + remaining.length() - info.remaining().length();
            if (end >= cursor) {
                return new int[]{start, end};
            }
            start = end;
            remaining = info.remaining();
        }
    }
}
