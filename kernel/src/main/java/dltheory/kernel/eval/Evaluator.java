package dltheory.kernel.eval;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.UnresolvedReferenceException;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Evaluates Java source with JShell, one snippet after another, in the kernel's JVM.
 *
 * <p>Not thread safe: the kernel calls it from its shell thread only. Interrupts go to the
 * {@link CellRunner} and may come from any thread.
 */
public final class Evaluator implements AutoCloseable {
    /** Imports every cell starts with: JShell's defaults plus the display functions. */
    public static final List<String> STARTUP_IMPORTS = List.of(
            "import java.io.*;", "import java.math.*;", "import java.net.*;", "import java.nio.file.*;",
            "import java.util.*;", "import java.util.concurrent.*;", "import java.util.function.*;",
            "import java.util.prefs.*;", "import java.util.regex.*;", "import java.util.stream.*;",
            "import static dltheory.kernel.runtime.Notebook.*;");

    /** Result of evaluating source: the value of its last expression, if it has one to show. */
    public record Result(boolean hasValue, Object value) {
        static final Result NONE = new Result(false, null);
    }

    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final CellExecutionControl control;
    private final CellRunner runner;
    private final SnippetOrigins origins = new SnippetOrigins();
    private final ErrorReports reports = new ErrorReports(origins);
    private final GeneratedClasses generated;
    private final IndexingGate indexing;

    /**
     * Creates JShell with cell execution in this JVM.
     *
     * @param loader        the cells' class loader
     * @param runner        the worker that runs cell code
     * @param apiClasspath  what cells compile against (see {@link ApiClasspath})
     * @param compilerFlags extra javac flags, e.g. {@code -Xlint:none}
     */
    public Evaluator(CellClassLoader loader, CellRunner runner, String apiClasspath, List<String> compilerFlags) {
        this.runner = runner;
        this.control = new CellExecutionControl(new CellLoaderDelegate(loader), runner);
        // JShell's compiler reads its class path from this property when JShell is built; the kernel's
        // own class loader was fixed at JVM start-up, so changing it only affects what cells see.
        System.setProperty("java.class.path", apiClasspath);
        this.shell = JShell.builder()
                .executionEngine(new CellExecutionProvider(control), java.util.Map.of())
                .in(new ByteArrayInputStream(new byte[0]))
                .out(new PrintStream(PrintStream.nullOutputStream()))
                .err(new PrintStream(PrintStream.nullOutputStream()))
                .compilerOptions(compilerFlags.toArray(String[]::new))
                .build();
        this.analysis = shell.sourceCodeAnalysis();
        this.indexing = IndexingGate.of(analysis);
        indexing.hold();
        this.generated = GeneratedClasses.of(shell);
    }

    /** Runs the start-up imports. */
    public void start() throws CellError {
        for (String imp : STARTUP_IMPORTS) {
            eval(imp, 0);
        }
        indexing.releaseWhenIdle();
    }

    /**
     * Call before a cell runs: JShell's class-path indexing waits ({@link IndexingGate}).
     * Pair with {@link #cellFinished()}.
     */
    public void cellStarting() {
        indexing.hold();
        runner.beginCell();
    }

    /** Call after a cell: JShell may index again once the kernel has been idle for a second. */
    public void cellFinished() {
        indexing.releaseWhenIdle();
    }

    /** The gate of JShell's class-path indexing (for tests). */
    IndexingGate indexing() {
        return indexing;
    }

    /** The runner executing cell code (for interrupts). */
    public CellRunner runner() {
        return runner;
    }

    /** Error formatting shared with the kernel. */
    public ErrorReports reports() {
        return reports;
    }

    /** JShell's source analysis, for completion and inspection. */
    public SourceCodeAnalysis analysis() {
        return analysis;
    }

    /** Adds jars or folders to what cells compile against and load from. */
    public void addToClasspath(List<Path> paths) {
        for (Path p : paths) {
            shell.addToClasspath(p.toAbsolutePath().normalize().toString());
        }
    }

    /** The current cells' class path entries added so far, joined with the path separator. */
    public static String join(List<Path> paths) {
        List<String> parts = new ArrayList<>();
        paths.forEach(p -> parts.add(p.toString()));
        return String.join(File.pathSeparator, parts);
    }

    /**
     * Evaluates a piece of a cell.
     *
     * @param code           the Java source; callers pad it with blank lines so that its line numbers
     *                       are the cell's
     * @param executionCount the cell's execution count, for tracebacks
     * @return the value of the last snippet if it is an expression not ended by a semicolon
     * @throws CellError compile error, runtime exception or interrupt
     */
    public Result eval(String code, int executionCount) throws CellError {
        SourceText text = new SourceText(code);
        String remaining = code;
        Result result = Result.NONE;
        while (true) {
            if (runner.wasInterrupted()) {
                throw reports.interrupted();
            }
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            int base = code.length() - remaining.length();
            switch (info.completeness()) {
                case EMPTY:
                    return result;
                case COMPLETE:
                case COMPLETE_WITH_SEMI:
                case UNKNOWN:
                    break;
                default:
                    throw reports.incomplete(text, base + leadingBlank(remaining));
            }
            String consumed = remaining.substring(0, remaining.length() - info.remaining().length());
            int start = base + locate(consumed, info.source());
            boolean last = info.remaining().isBlank();
            boolean show = !endsWithSemicolon(consumed);
            result = evalSnippet(info.source(), text, start, executionCount, last && show);
            remaining = info.remaining();
            if (last) {
                return result;
            }
        }
    }

    private Result evalSnippet(String source, SourceText text, int start, int executionCount, boolean wantValue) throws CellError {
        control.reset();
        List<SnippetEvent> events = shell.eval(source);
        if (runner.wasInterrupted()) {
            dropFinished(events);
            throw reports.interrupted();
        }
        SnippetEvent main = null;
        for (SnippetEvent e : events) {
            if (e.causeSnippet() == null) {
                main = e;
                break;
            }
        }
        if (main == null) {
            return Result.NONE;
        }
        Snippet snippet = main.snippet();
        origins.put(snippet.id(), new SnippetOrigins.Origin(executionCount, text.lineOf(start + leadingBlank(source))));
        if (main.status() == Snippet.Status.REJECTED) {
            throw reports.compile(text, problems(snippet, start));
        }
        if (main.exception() != null) {
            CellError error = failure(main);
            dropFinished(events);
            throw error;
        }
        if (main.status() == Snippet.Status.RECOVERABLE_DEFINED || main.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
            if (snippet instanceof DeclarationSnippet decl) {
                List<String> missing = shell.unresolvedDependencies(decl).toList();
                if (!missing.isEmpty()) {
                    throw reports.unresolved(decl.kind().toString().toLowerCase(Locale.ROOT) + " " + decl.name(), missing);
                }
            }
        }
        Result result = wantValue && isExpression(snippet) && control.hasValue() && control.value() != null
                ? new Result(true, control.value()) : Result.NONE;
        dropFinished(events);
        return result;
    }

    private CellError failure(SnippetEvent event) {
        Throwable real = control.failure();
        if (real != null) {
            return reports.runtime(real, event.exception());
        }
        if (event.exception() instanceof UnresolvedReferenceException ure) {
            List<String> missing = shell.unresolvedDependencies(ure.getSnippet()).toList();
            return reports.unresolved(ure.getSnippet().kind().toString().toLowerCase(Locale.ROOT) + " "
                    + ure.getSnippet().name(), missing);
        }
        if (event.exception() instanceof EvalException ee) {
            String name = ee.getExceptionClassName();
            String simple = name.substring(name.lastIndexOf('.') + 1);
            String msg = ee.getMessage() == null ? "" : ee.getMessage();
            return new CellError(simple, msg, List.of(name + (msg.isEmpty() ? "" : ": " + msg)));
        }
        return reports.runtime(event.exception());
    }

    /**
     * Drops what no later snippet can refer to: statements and expressions that have run and temporary
     * variables ($1, $2, ...); then removes their classes, and those of declarations replaced by a newer
     * one, from what javac is shown ({@link GeneratedClasses}), so that a long session does not slow
     * every later compilation down.
     *
     * <p>A replaced declaration is not dropped through JShell: it is already inactive, and dropping it
     * would recompile every snippet that uses its name (every snippet, for a star import). Its class is
     * forgotten only if no live snippet still has that class name: JShell gives a redeclaration with the
     * same signature (the same text, re-run) the class name of the declaration it replaces.
     */
    private void dropFinished(List<SnippetEvent> events) {
        List<Snippet> replaced = new ArrayList<>();
        for (SnippetEvent e : events) {
            Snippet s = e.snippet();
            if (e.status() == Snippet.Status.OVERWRITTEN) {
                replaced.add(s);
                continue;
            }
            boolean temporary = s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
            boolean finished = temporary || s.kind() == Snippet.Kind.STATEMENT || s.kind() == Snippet.Kind.EXPRESSION;
            if (finished && shell.status(s).isActive()) {
                shell.drop(s);
                generated.forget(s, List.of());
                if (temporary) {
                    origins.remove(s.id());
                }
            }
        }
        if (!replaced.isEmpty()) {
            List<Snippet> live = shell.snippets().filter(s -> shell.status(s).isActive()).toList();
            replaced.forEach(s -> generated.forget(s, live));
        }
    }

    /** The snippet classes javac is shown (for tests of long sessions). */
    GeneratedClasses generated() {
        return generated;
    }

    private static boolean isExpression(Snippet s) {
        return switch (s.subKind()) {
            case TEMP_VAR_EXPRESSION_SUBKIND, VAR_VALUE_SUBKIND, OTHER_EXPRESSION_SUBKIND, ASSIGNMENT_SUBKIND -> true;
            default -> false;
        };
    }

    private List<ErrorReports.Problem> problems(Snippet snippet, int start) {
        List<ErrorReports.Problem> out = new ArrayList<>();
        for (Diag d : shell.diagnostics(snippet).toList()) {
            if (!d.isError()) {
                continue;
            }
            out.add(new ErrorReports.Problem(d.getMessage(Locale.ROOT),
                    start + (int) d.getStartPosition(),
                    start + (int) d.getPosition(),
                    start + (int) d.getEndPosition()));
        }
        return out;
    }

    /** True if the snippet text, ignoring trailing blanks and comments, ends with ';' (its value is not shown). */
    static boolean endsWithSemicolon(String text) {
        String s = text.strip();
        while (true) {
            if (s.endsWith("*/") && s.contains("/*")) {
                s = s.substring(0, s.lastIndexOf("/*")).strip();
                continue;
            }
            int nl = s.lastIndexOf('\n');
            String last = s.substring(nl + 1);
            int comment = last.indexOf("//");
            if (comment >= 0 && !last.substring(0, comment).contains("\"")) {
                s = (s.substring(0, nl + 1) + last.substring(0, comment)).strip();
                continue;
            }
            return s.endsWith(";");
        }
    }

    private static int leadingBlank(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Offset of the snippet's source inside the consumed text (JShell trims it and may add a ';'). */
    static int locate(String consumed, String source) {
        String probe = source.endsWith(";") ? source.substring(0, source.length() - 1) : source;
        int at = probe.isBlank() ? -1 : consumed.indexOf(probe);
        if (at < 0 && !probe.isBlank()) {
            at = consumed.indexOf(probe.strip()) - (probe.length() - probe.stripLeading().length());
        }
        return at >= 0 ? at : leadingBlank(consumed);
    }

    /** The snippets that currently define names (for completion of identifiers). */
    public JShell shell() {
        return shell;
    }

    @Override
    public void close() {
        indexing.close();
        shell.close();
    }
}
