package dltheory.kernel.eval;

import dltheory.kernel.runtime.CellInterruptedError;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Turns compile diagnostics and exceptions into {@link CellError}s: javac message with the cell line
 * and a caret; runtime exceptions with their simple class name and a traceback trimmed to user code.
 */
public final class ErrorReports {
    /** Error name used for compilation failures (IJava's name). */
    public static final String COMPILE_ENAME = "CompilationException";
    /** {@code ename} of a cell stopped by the timeout (JJava's name). */
    public static final String TIMEOUT_ENAME = "EvaluationTimeoutException";
    /** Error name used for interrupted cells. */
    public static final String INTERRUPT_ENAME = "InterruptedException";

    private static final String REPL_PACKAGE = "REPL.";

    private final SnippetOrigins origins;

    /** @param origins where snippets came from, for naming cell frames */
    public ErrorReports(SnippetOrigins origins) {
        this.origins = origins;
    }

    /** One compile diagnostic, positions are offsets into the cell text. */
    public record Problem(String message, int start, int position, int end) {
    }

    /** The end of the hint under an error about names that are not defined: the commonest cause in a notebook. */
    public static final String RUN_ABOVE_HINT = "in a cell above that has not been run? Run → Run All Above";

    /**
     * Names whose declaring cell did not compile, with that cell's execution count. JShell drops the
     * earlier declaration of a name when a new one is rejected (an answer cell edited to {@code Double
     * answer1 = 25;}), so the name is undefined although its cell has just been run: asking whether a
     * cell above has not been run would mislead (issue 33).
     */
    private final java.util.Map<String, Integer> rejected = new java.util.concurrent.ConcurrentHashMap<>();

    /** The declaration of {@code name} in cell {@code executionCount} did not compile. */
    public void declarationRejected(String name, int executionCount) {
        rejected.put(name, executionCount);
    }

    /** {@code name} is declared again (it compiled): it is no longer a rejected declaration. */
    public void declared(String name) {
        rejected.remove(name);
    }

    /**
     * The hint lines for names that are not defined: those whose declaring cell did not compile say so
     * and name the cell; the others ask whether a cell above has not been run.
     */
    List<String> undefinedHints(List<String> names) {
        List<String> failed = names.stream().filter(rejected::containsKey).toList();
        List<String> others = names.stream().filter(n -> !rejected.containsKey(n)).toList();
        List<String> lines = new ArrayList<>();
        if (failed.size() == 1) {
            lines.add("`" + failed.get(0) + "` is not defined: cell [" + rejected.get(failed.get(0))
                    + "] declares it but did not compile; correct that cell and re-run it, then this one");
        } else if (failed.size() > 1) {
            List<String> named = failed.stream().map(n -> "`" + n + "` (cell [" + rejected.get(n) + "])").toList();
            lines.add(and(named) + " are not defined: the cells that declare them did not compile; correct those "
                    + "cells and re-run them, then this one");
        }
        if (!others.isEmpty()) {
            lines.add(undefinedHint(others));
        }
        return lines;
    }

    private static String and(List<String> items) {
        return items.size() == 1 ? items.get(0)
                : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** {@code `SEED`, `rng` and `Seeded` are not defined: are they defined in a cell above ...}. */
    static String undefinedHint(List<String> names) {
        List<String> quoted = names.stream().map(n -> "`" + n + "`").toList();
        if (quoted.size() == 1) {
            return quoted.get(0) + " is not defined: is it defined " + RUN_ABOVE_HINT;
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1)
                + " are not defined: are they defined " + RUN_ABOVE_HINT;
    }

    private static final java.util.regex.Pattern SYMBOL =
            java.util.regex.Pattern.compile("symbol:\\s+(?:static\\s+)?\\w+\\s+([\\w$.]+)");
    private static final java.util.regex.Pattern PACKAGE =
            java.util.regex.Pattern.compile("^package ([\\w$.]+) does not exist");

    /** The name a "cannot find symbol" or "package ... does not exist" message is about, or null. */
    static String missingName(String message) {
        java.util.regex.Matcher pkg = PACKAGE.matcher(message);
        if (pkg.find()) {
            return pkg.group(1);
        }
        if (!message.startsWith("cannot find symbol")) {
            return null;
        }
        java.util.regex.Matcher m = SYMBOL.matcher(message);
        return m.find() ? m.group(1) : "?";
    }

    /**
     * A compile error for the given problems in {@code cell}. Names that are not defined (javac's
     * "cannot find symbol", "package ... does not exist") are reported once, at the first of them; the
     * others are listed on one line with a hint: a cell run before the set-up cells is the usual cause,
     * and one block per undefined name (8 for one cell in issue 33) hid it.
     */
    public CellError compile(SourceText cell, List<Problem> problems) {
        return compile(cell, problems, Set.of());
    }

    /**
     * As {@link #compile(SourceText, List)}, but the names in {@code declared} are not said to be
     * undefined: they are declared in the session, and the hint to run the cells above would mislead
     * (a declaration that no longer compiles, e.g. after an import made a type it uses ambiguous).
     */
    public CellError compile(SourceText cell, List<Problem> problems, Set<String> declared) {
        List<String> lines = new ArrayList<>();
        java.util.LinkedHashSet<String> missing = new java.util.LinkedHashSet<>();
        for (Problem p : problems) {
            String name = missingName(p.message());
            if (name != null && !missing.isEmpty()) {
                missing.add(name);
                continue;
            }
            if (name != null) {
                missing.add(name);
            }
            int at = p.start() >= 0 ? p.start() : p.position();
            lines.add("Compilation error, line " + cell.lineOf(at) + ": " + firstLine(p.message()));
            lines.add("    " + cell.lineText(at));
            lines.add("    " + cell.caret(at, p.end() > at ? p.end() : at + 1));
            List<String> rest = List.of(p.message().split("\n"));
            for (String extra : rest.subList(1, rest.size())) {
                if (!extra.strip().equals("location: class")) {
                    lines.add("    " + extra);
                }
            }
        }
        missing.removeAll(declared);
        if (!missing.isEmpty()) {
            lines.addAll(undefinedHints(List.copyOf(missing)));
        }
        String evalue = problems.isEmpty() ? "compilation failed" : firstLine(problems.get(0).message());
        return new CellError(COMPILE_ENAME, evalue, lines);
    }

    /** An error for code that is not a complete statement or declaration. */
    public CellError incomplete(SourceText cell, int offset) {
        String msg = "incomplete input: the cell ends in the middle of a statement or declaration";
        return new CellError(COMPILE_ENAME, msg, List.of(
                "Compilation error, line " + cell.lineOf(offset) + ": " + msg,
                "    " + cell.lineText(offset)));
    }

    /** An error for a declaration that uses names that are not defined yet. */
    public CellError unresolved(String what, List<String> missing) {
        String msg = what + " uses undefined " + String.join(", ", missing);
        List<String> names = missing.stream().map(n -> n.substring(n.lastIndexOf(' ') + 1)).toList();
        List<String> lines = new ArrayList<>(List.of("Compilation error: " + msg));
        lines.addAll(undefinedHints(names));
        return new CellError(COMPILE_ENAME, msg, lines);
    }

    /** The error reported for a cell stopped because one snippet ran longer than the timeout. */
    public CellError timedOut(java.time.Duration limit) {
        String msg = "a snippet ran longer than the timeout of " + limit.toMillis() + " ms (IJAVA_TIMEOUT) and was stopped";
        return new CellError(TIMEOUT_ENAME, msg, List.of(TIMEOUT_ENAME + ": " + msg));
    }

    /** The error reported for an interrupted cell. */
    public CellError interrupted() {
        String msg = new CellInterruptedError().getMessage();
        return new CellError(INTERRUPT_ENAME, msg, List.of(INTERRUPT_ENAME + ": " + msg));
    }

    /** A runtime error: simple class name, message, traceback with kernel and JShell frames removed. */
    public CellError runtime(Throwable t) {
        return runtime(t, null);
    }

    /**
     * A runtime error from cell code.
     *
     * @param t         the real exception
     * @param converted JShell's copy of it (its cell frames carry snippet ids and snippet line
     *                  numbers instead of wrapper-class lines), or null
     */
    public CellError runtime(Throwable t, Throwable converted) {
        if (t instanceof CellInterruptedError) {
            return interrupted();
        }
        String ename = t.getClass().getSimpleName().isEmpty() ? t.getClass().getName() : t.getClass().getSimpleName();
        String evalue = t.getMessage() == null ? "" : clean(t.getMessage());
        List<String> lines = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        String prefix = "";
        Throwable conv = converted;
        for (Throwable cur = t; cur != null && seen.add(cur); cur = cur.getCause()) {
            lines.add(prefix + cur.getClass().getName() + (cur.getMessage() == null ? "" : ": " + clean(cur.getMessage())));
            StackTraceElement[] real = cur.getStackTrace();
            // JShell's copy keeps the same frames, cut after the outermost cell frame.
            StackTraceElement[] mapped = conv != null ? conv.getStackTrace() : new StackTraceElement[0];
            for (int i : userFrames(real)) {
                lines.add("\tat " + describe(real[i], i < mapped.length ? mapped[i] : null));
            }
            prefix = "Caused by: ";
            conv = conv == null ? null : conv.getCause();
        }
        return new CellError(ename, evalue, lines);
    }

    /** Indexes of the frames from the top of the stack down to the outermost frame of cell code. */
    static List<Integer> userFrames(StackTraceElement[] stack) {
        int last = -1;
        for (int i = 0; i < stack.length; i++) {
            if (stack[i].getClassName().startsWith(REPL_PACKAGE)) {
                last = i;
            }
        }
        List<Integer> out = new ArrayList<>();
        int end = last >= 0 ? last + 1 : cutBeforeKernel(stack);
        for (int i = 0; i < end; i++) {
            if (!stack[i].getClassName().startsWith("dltheory.kernel.runtime.Guards")) {
                out.add(i);
            }
        }
        return out;
    }

    private static int cutBeforeKernel(StackTraceElement[] stack) {
        for (int i = 0; i < stack.length; i++) {
            String c = stack[i].getClassName();
            if (c.startsWith("jdk.internal.reflect.") || c.startsWith("java.lang.reflect.")
                    || c.startsWith("jdk.jshell.") || c.startsWith("dltheory.kernel.")) {
                return i;
            }
        }
        return stack.length;
    }

    private String describe(StackTraceElement frame, StackTraceElement mapped) {
        if (!frame.getClassName().startsWith(REPL_PACKAGE)) {
            return frame.toString();
        }
        String file = mapped == null ? null : mapped.getFileName();
        SnippetOrigins.Origin origin = file != null && file.startsWith("#") ? origins.get(file.substring(1)) : null;
        String method = frame.getMethodName();
        String where;
        if (origin != null && mapped.getLineNumber() > 0) {
            where = "cell [" + origin.executionCount() + "], line " + (origin.firstLine() + mapped.getLineNumber() - 1);
        } else {
            where = "cell code";
        }
        return method.equals("do_it$") || method.startsWith("lambda$do_it$") ? where : method + " (" + where + ")";
    }

    /** Removes JShell's wrapper class names ({@code REPL.$JShell$12.}) from messages. */
    static String clean(String message) {
        return message.replaceAll("REPL\\.\\$JShell\\$\\d+[\\w$]*\\.", "");
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
