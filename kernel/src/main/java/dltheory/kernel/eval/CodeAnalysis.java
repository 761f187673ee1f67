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

    /** A completion's kind as ipykernel names them ({@code function}, {@code class}, ...) and its signature. */
    public record Typed(String text, String type, String signature) {
    }

    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "var", "record", "yield", "true", "false", "null");

    /**
     * The kind of each completion of {@code m}, as the completion reply's
     * {@code metadata._jupyter_types_experimental} carries them (JupyterLab shows the kind beside each match):
     * {@code function} for a method (the continuation ends with {@code (}), {@code class} for a capitalised
     * name, {@code keyword}, {@code magic}, {@code module} for a package after {@code import}, else
     * {@code instance}. Methods also get their signature(s) from JShell, as long as
     * {@code budgetNanos} lasts (JupyterLab drops a reply slower than 1 s), then only their kind.
     */
    public List<Typed> types(String code, Matches m, long budgetNanos) {
        long deadline = System.nanoTime() + budgetNanos;
        int[] span = snippetAround(code, m.start());
        String before = code.substring(span[0], m.start());
        boolean importing = before.stripLeading().startsWith("import ");
        List<Typed> out = new ArrayList<>();
        for (String text : m.matches()) {
            String type;
            String signature = "";
            if (text.startsWith("%")) {
                type = "magic";
            } else if (text.endsWith("(") || text.endsWith("()")) {
                type = "function";
                if (System.nanoTime() < deadline) {
                    String call = before + (text.endsWith("()") ? text.substring(0, text.length() - 1) : text);
                    List<String> sigs = new ArrayList<>();
                    for (SourceCodeAnalysis.Documentation d : analysis.documentation(call, call.length(), false)) {
                        sigs.add(d.signature());
                    }
                    signature = String.join("\n", sigs);
                }
            } else if (KEYWORDS.contains(text)) {
                type = "keyword";
            } else if (importing && !text.isEmpty() && Character.isLowerCase(text.charAt(0))) {
                type = "module";
            } else if (!text.isEmpty() && Character.isUpperCase(text.charAt(0)) && !text.equals(text.toUpperCase())) {
                type = "class";
            } else {
                type = "instance";
            }
            out.add(new Typed(text, type, signature));
        }
        return out;
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
                String text = readable(d.javadoc());
                sb.append("\n").append(detail ? text : firstParagraph(text));
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

    private static final char PARAGRAPH = '\u0001';
    private static final char LINE = '\u0002';
    private static final char LT = '\u0003';
    private static final char GT = '\u0004';

    /**
     * Javadoc as text, as JShell's own {@code /doc} shows it rather than as the source holds it:
     * {@code {@code x}} and {@code {@literal x}} become x, {@code {@link A#b(int) label}} its label (or
     * A.b(int)), paragraphs ({@code <p>}, blank lines) a blank line, list items "- " lines, block tags
     * ({@code @param}) lines of their own; other HTML tags are dropped and entities decoded. JShell hands
     * the comment over raw, so Shift-Tab showed "a {@code double} value".
     */
    static String readable(String javadoc) {
        String s = javadoc;
        // code is literal text: its < and > (List<String>) are not HTML tags
        s = java.util.regex.Pattern.compile("\\{@(?:code|literal)\\s+((?:[^{}]|\\{[^{}]*\\})*)\\}").matcher(s)
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1).replace('<', LT).replace('>', GT)));
        s = java.util.regex.Pattern.compile("\\{@link(?:plain)?\\s+([^\\s{}]+)(?:\\s+([^{}]*))?\\}").matcher(s)
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(2) != null && !m.group(2).isBlank()
                        ? m.group(2).strip() : m.group(1).replaceFirst("^#", "").replace('#', '.')));
        s = s.replaceAll("\\{@inheritDoc\\s*\\}", "");
        s = java.util.regex.Pattern.compile("\\{@\\w+\\s*([^{}]*)\\}").matcher(s)
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1).strip().replace('#', '.')));
        s = s.replaceAll("\\n[ \\t]*\\n", String.valueOf(PARAGRAPH));
        s = s.replaceAll("\\n[ \\t]*(@\\w+)", LINE + "$1");
        s = s.replaceAll("(?i)</?(?:ul|ol|dl)(?:\\s[^<>]*)?>", "");
        s = s.replaceAll("(?i)<p(?:\\s[^<>]*)?/?>|</p>", String.valueOf(PARAGRAPH));
        s = s.replaceAll("(?i)<li(?:\\s[^<>]*)?>", LINE + "- ");
        s = s.replaceAll("(?i)<br\\s*/?>|<d[td](?:\\s[^<>]*)?>", String.valueOf(LINE));
        s = s.replaceAll("</?[a-zA-Z][\\w-]*(?:\\s[^<>]*)?/?>", "");
        s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&nbsp;", " ").replace("&amp;", "&");
        s = s.replaceAll("[ \\t\\r\\n]+", " ");
        s = s.replaceAll(" ?([" + PARAGRAPH + LINE + "]) ?", "$1");
        s = s.replaceAll(PARAGRAPH + "[" + PARAGRAPH + LINE + "]*", String.valueOf(PARAGRAPH));
        s = s.replaceAll("[" + PARAGRAPH + LINE + "]+$|^[" + PARAGRAPH + LINE + "]+", "");
        return s.replace(String.valueOf(PARAGRAPH), "\n\n").replace(String.valueOf(LINE), "\n")
                .replace(LT, '<').replace(GT, '>').strip();
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
