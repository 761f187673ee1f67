package dltheory.kernel.eval;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Evaluates Java source with JShell, one snippet after another, in the kernel's JVM.
 *
 * <p>Thread safe where it needs to be: cells run on the shell thread, while completion and
 * inspection requests and the analysis warm-up use JShell from other threads; every use of JShell
 * holds one lock ({@code session}), taken by cells and requests before any warm-up step.
 * Interrupts go to the {@link CellRunner} and may come from any thread.
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
    /** Held by whoever uses JShell: a cell (the shell thread) or a request's analysis, or a warm-up step. */
    private final ReentrantLock session = new ReentrantLock();
    /** Cells and requests about to take or waiting for {@link #session}: a warm-up step never goes first. */
    private final java.util.concurrent.atomic.AtomicInteger waiting = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean inCell;
    private volatile long lastUse = System.nanoTime();
    private AnalysisWarmup warmup;

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
        lastUse = System.nanoTime();
    }

    /**
     * Warms JShell's source analysis in the background once the kernel has been idle for a moment
     * ({@link AnalysisWarmup}), so that the user's first completion and inspection are fast.
     */
    public void warmAnalysisWhenIdle() {
        if (warmup == null) {
            warmup = AnalysisWarmup.start(this);
        }
    }

    /** Number of warm-up questions asked so far (for tests). */
    int warmupDone() {
        return warmup == null ? 0 : warmup.done();
    }

    /**
     * Call before a cell runs: JShell's class-path indexing waits ({@link IndexingGate}).
     * Pair with {@link #cellFinished()}.
     */
    public void cellStarting() {
        lockSession();
        inCell = true;
        indexing.hold();
        runner.beginCell();
    }

    /** Call after a cell: JShell may index again once the kernel has been idle for a second. */
    public void cellFinished() {
        inCell = false;
        lastUse = System.nanoTime();
        indexing.releaseWhenIdle();
        session.unlock();
    }

    /**
     * Asks JShell's source analysis something (completion, documentation, completeness), not while a
     * warm-up step runs. Code of a running cell may call it too (the cell already has JShell to itself).
     */
    public <T> T analyze(Function<SourceCodeAnalysis, T> question) {
        if (inCell) {
            return question.apply(analysis);
        }
        lockSession();
        try {
            return question.apply(analysis);
        } finally {
            lastUse = System.nanoTime();
            session.unlock();
        }
    }

    /**
     * Runs {@code step} with JShell to itself if nothing has used JShell for {@code idleMillis} ms and no
     * cell runs; otherwise does nothing.
     *
     * @return true if the step ran
     */
    boolean whenIdle(long idleMillis, Runnable step) {
        if (inCell || waiting.get() > 0 || !session.tryLock()) {
            return false;
        }
        try {
            // tryLock takes a free lock even from a thread queued for it: check again once it is held
            if (inCell || waiting.get() > 0 || System.nanoTime() - lastUse < idleMillis * 1_000_000L) {
                return false;
            }
            step.run();
            return true;
        } finally {
            session.unlock();
        }
    }

    /** Takes {@link #session} for a cell or a request, announced so that no warm-up step barges in first. */
    private void lockSession() {
        waiting.incrementAndGet();
        try {
            session.lock();
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Nanosecond time of the last use of JShell by a cell or a request. */
    long lastUse() {
        return lastUse;
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

    /** The JShell session (for JShell's commands as magics: {@code %vars}, {@code %list}, ...). */
    public JShell jshell() {
        return shell;
    }

    /** JShell's source analysis; see {@link #analyze} for use outside a cell. */
    public SourceCodeAnalysis analysis() {
        return analysis;
    }

    /** Adds jars or folders to what cells compile against and load from. */
    public void addToClasspath(List<Path> paths) {
        for (Path p : paths) {
            shell.addToClasspath(p.toAbsolutePath().normalize().toString());
        }
        SourcePath.add(analysis, paths);
    }

    /**
     * Evaluates a piece of a cell.
     *
     * @param code           the Java source; callers pad it with blank lines so that its line numbers
     *                       are the cell's
     * @param executionCount the cell's execution count, for tracebacks
     * @return the value of the last snippet if it is an expression with a value (a trailing semicolon
     *         does not hide it, as in IJava and JJava)
     * @throws CellError compile error, runtime exception or interrupt
     */
    public Result eval(String code, int executionCount) throws CellError {
        SourceText text = new SourceText(code);
        String remaining = code;
        Result result = Result.NONE;
        while (true) {
            if (runner.wasInterrupted()) {
                throw stopped();
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
            String source = info.source();
            String oneLine = oneLineImport(source);
            if (oneLine != null) {
                start += leadingBlankOrComment(source);
                source = oneLine;
            }
            result = evalSnippet(source, text, start, executionCount, last);
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
            throw stopped();
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
        if (SnippetNotices.hitLimit(shell, events)) {
            if (shell.diagnostics(snippet).anyMatch(SnippetNotices::isLimit)) {
                throw beyondLimit(snippet, text, start);
            }
            generated.renewCompilerContexts();   // a snippet recompiled because of this one hit it
        }
        SnippetNotices.resets(events).forEach(System.err::println);
        if (main.status() == Snippet.Status.REJECTED) {
            if (snippet instanceof DeclarationSnippet rejected) {
                reports.declarationRejected(rejected.name(), executionCount);
            }
            List<String> notes = new ArrayList<>();
            java.util.Set<String> broken = new java.util.HashSet<>();
            waitingDeclarations(source, notes, broken);
            CellError e = reports.compile(text, problems(snippet, start), broken);
            if (notes.isEmpty()) {
                throw e;
            }
            List<String> traceback = new ArrayList<>(e.traceback());
            traceback.addAll(notes);
            throw new CellError(e.ename(), e.evalue(), traceback);
        }
        if (snippet instanceof DeclarationSnippet declared && main.status().isDefined()) {
            reports.declared(declared.name());
        }
        if (main.exception() != null) {
            CellError error = failure(main);
            dropFinished(events);
            throw error;
        }
        if (main.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED && !(snippet instanceof MethodSnippet)
                && !(snippet instanceof TypeDeclSnippet) && snippet instanceof DeclarationSnippet decl) {
            // A variable whose type or initializer is missing would hold nothing: an error, as a typo
            // should be. Methods and classes wait for what they use (JShell's RECOVERABLE statuses),
            // as in IJava and JJava; calling them before it exists fails naming what is missing.
            List<String> missing = shell.unresolvedDependencies(decl).toList();
            dropFinished(events);
            throw reports.unresolved(describe(decl), missing);
        }
        noLongerCompiling(events).forEach(System.err::println);
        Result result = wantValue && hasShownValue(snippet) && control.hasValue() && control.value() != null
                && !isEchoOfPrinting(source, control.value()) ? new Result(true, control.value()) : Result.NONE;
        dropFinished(events);
        return result;
    }

    /**
     * Notes for a compile error in {@code source}: the classes, interfaces, methods and variables it names
     * that were declared but wait for something missing (JShell's RECOVERABLE_NOT_DEFINED), which javac
     * reports only as "cannot find symbol"; or that no longer compile (a later import made a name they use
     * ambiguous, as {@code import java.awt.*;} does for {@code List}), with javac's reason. The names of
     * the latter go to {@code broken}: they are defined, so the hint to run the cells above is not given.
     */
    private void waitingDeclarations(String source, List<String> notes, java.util.Set<String> broken) {
        shell.snippets()
                .filter(s -> s instanceof DeclarationSnippet && shell.status(s) == Snippet.Status.RECOVERABLE_NOT_DEFINED)
                .map(s -> (DeclarationSnippet) s)
                .filter(d -> java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(d.name()) + "\\b")
                        .matcher(source).find())
                .forEach(d -> {
                    List<String> missing = shell.unresolvedDependencies(d).toList();
                    if (missing.isEmpty()) {
                        broken.add(d.name());
                        notes.addAll(brokenDeclaration(d));
                    } else {
                        notes.add("    " + describe(d) + " cannot be used until " + String.join(", ", missing) + " is defined");
                    }
                });
    }

    /** {@code var xs (cell [1]) no longer compiles: reference to List is ambiguous}, and javac's other lines. */
    private List<String> brokenDeclaration(DeclarationSnippet d) {
        SnippetOrigins.Origin origin = origins.get(d.id());
        String where = origin == null ? "" : " (cell [" + origin.executionCount() + "])";
        List<String> reasons = shell.diagnostics(d).filter(Diag::isError).map(x -> x.getMessage(Locale.ROOT))
                .distinct().toList();
        List<String> lines = new ArrayList<>();
        lines.add("    " + describe(d) + where + " no longer compiles" + (reasons.isEmpty() ? "" : ":"));
        for (String r : reasons) {
            for (String line : r.split("\n")) {
                lines.add("      " + line.strip());
            }
        }
        return lines;
    }

    /**
     * Notes on the declarations that {@code events} made unusable: a snippet (typically an import that
     * makes a name ambiguous) after which an earlier declaration no longer compiles. One note per
     * declaration, with javac's reason, printed on the cell's stderr.
     */
    private List<String> noLongerCompiling(List<SnippetEvent> events) {
        List<String> out = new ArrayList<>();
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null && e.snippet() instanceof DeclarationSnippet d
                    && e.previousStatus().isDefined() && !e.status().isDefined()
                    && e.status() != Snippet.Status.OVERWRITTEN   // replaced by a new declaration, not broken
                    && shell.unresolvedDependencies(d).findAny().isEmpty()) {
                List<String> lines = brokenDeclaration(d);
                out.add("note: after this cell, " + lines.get(0).strip() + "\n" + String.join("\n", lines.subList(1, lines.size()))
                        + "\n  it cannot be used until its declaration is changed (e.g. a fully qualified name) and run again");
            } else if (e.causeSnippet() instanceof ImportSnippet imp && e.snippet() instanceof VarSnippet v
                    && e.previousStatus().isActive() && e.status().isActive() && e.isSignatureChange()) {
                // JShell compiled the variable again with the import (its type may now name another class)
                // and, as this JVM cannot redefine its class, gave it a new one: the value is gone
                SnippetOrigins.Origin origin = origins.get(v.id());
                out.add("note: variable " + v.name() + (origin == null ? "" : " (cell [" + origin.executionCount() + "])")
                        + " was reset to " + defaultValue(v.typeName()) + ": after " + imp.source().strip()
                        + " its declaration was compiled again, as " + v.typeName() + " " + v.name()
                        + "; run its cell again to give it a value");
            }
        }
        return out;
    }

    private static String defaultValue(String type) {
        return switch (type) {
            case "boolean" -> "false";
            case "byte", "short", "int", "long", "float", "double", "char" -> "0";
            default -> "null";
        };
    }

    private static String describe(DeclarationSnippet d) {
        String kind = d instanceof TypeDeclSnippet ? "class" : d.kind().toString().toLowerCase(Locale.ROOT);
        return kind + " " + d.name();
    }

    /** The error of a cell stopped by an interrupt or by the timeout. */
    private CellError stopped() {
        return runner.timedOut() ? reports.timedOut(runner.timeout()) : reports.interrupted();
    }

    /**
     * A snippet beyond one of javac's class-file limits (a string constant over 65,535 bytes, a method
     * over 64 KB of bytecode): JShell keeps it as if it waited for a definition ("uses undefined", or
     * "cannot find symbol" at a call), and javac's reused context keeps the failure, so that every later
     * cell failed. The snippet is dropped, javac's contexts are renewed and javac's reason is reported.
     */
    private CellError beyondLimit(Snippet snippet, SourceText text, int start) {
        List<ErrorReports.Problem> problems = new ArrayList<>();
        for (Diag d : shell.diagnostics(snippet).filter(SnippetNotices::isLimit).toList()) {
            problems.add(new ErrorReports.Problem(d.getMessage(Locale.ROOT), start + (int) d.getStartPosition(),
                    start + (int) d.getPosition(), start + (int) d.getEndPosition()));
        }
        if (shell.status(snippet).isActive()) {
            shell.drop(snippet);
        }
        generated.renewCompilerContexts();
        return reports.compile(text, problems);
    }

    private CellError failure(SnippetEvent event) {
        if (event.exception() instanceof UnresolvedReferenceException ure) {
            List<String> missing = shell.unresolvedDependencies(ure.getSnippet()).toList();
            if (missing.isEmpty()) {
                return SnippetNotices.noLongerCompiles(shell, ure.getSnippet());
            }
            return reports.unresolved(describe(ure.getSnippet()), missing);
        }
        Throwable real = control.failure();
        if (real != null) {
            return reports.runtime(real, event.exception());
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

    /**
     * True for the snippets whose value a cell shows, as in IJava and JJava: an expression with a value
     * ({@code 1 + 1}, {@code f(x)} for a non-void {@code f}, {@code x}), whether or not a semicolon ends
     * it. Declarations, assignments ({@code x = 2}) and statements (including calls of void methods) show
     * nothing.
     */
    static boolean hasShownValue(Snippet s) {
        return switch (s.subKind()) {
            case TEMP_VAR_EXPRESSION_SUBKIND, VAR_VALUE_SUBKIND, OTHER_EXPRESSION_SUBKIND -> true;
            default -> false;
        };
    }

    private static final java.util.regex.Pattern DISPLAY_CALL =
            java.util.regex.Pattern.compile("^\\s*(?:[\\w$]+\\s*\\.\\s*)*display\\s*\\(");

    /**
     * True for values a cell does not show although its last snippet is an expression: the
     * {@code PrintStream} that {@code System.out.printf(...)}, {@code format} and {@code append} return,
     * and the display id that {@code display(x)} returns (IJava and JJava show both, as
     * {@code java.io.PrintStream@1b2c3d} and a UUID). A {@code PrintWriter} or a {@code StringBuilder}
     * still shows, and so does a display id kept in a variable and written alone.
     */
    static boolean isEchoOfPrinting(String source, Object value) {
        if (value instanceof PrintStream) {
            return true;
        }
        return dltheory.kernel.runtime.Notebook.isLastDisplayId(value) && DISPLAY_CALL.matcher(source).find();
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

    private static final java.util.regex.Pattern COMMENT =
            java.util.regex.Pattern.compile("/\\*[\\s\\S]*?\\*/|//[^\n\r]*");

    /** {@code source} with its comments replaced by spaces (imports hold no string literals). */
    private static String maskComments(String source) {
        return COMMENT.matcher(source).replaceAll(m -> " ".repeat(m.group().length()));
    }

    /** Length of the blanks and comments {@code source} starts with. */
    static int leadingBlankOrComment(String source) {
        return leadingBlank(maskComments(source));
    }

    /**
     * An import snippet written on one line without comments ({@code import java.time.*;}), or null if
     * {@code source} is not an import or is one already. JShell writes every import into the source of
     * every snippet class it compiles, one after the other on one line; an import whose text holds a line
     * break (the blank line before it in a cell, a comment line above it) shifts the line numbers of
     * every class recompiled after it, so their bytecode changes, and a class that has changed must be
     * redefined: which execution in this JVM cannot do, so JShell replaces the class of every variable
     * declared before the import by a new one, whose field holds null or 0.
     */
    static String oneLineImport(String source) {
        String masked = maskComments(source).strip();
        if (!masked.startsWith("import") || masked.length() < 7 || !Character.isWhitespace(masked.charAt(6))) {
            return null;
        }
        String line = masked.replaceAll("\\s*\\.\\s*", ".").replaceAll("\\s*;$", ";").replaceAll("\\s+", " ");
        return line.equals(source) ? null : line;
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

    @Override
    public void close() {
        if (warmup != null) {
            warmup.stop();
        }
        indexing.close();
        shell.close();
        runner.close();
    }
}
