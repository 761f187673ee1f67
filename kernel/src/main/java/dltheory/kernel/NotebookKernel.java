package dltheory.kernel;

import dltheory.kernel.display.DisplayPublisher;
import dltheory.kernel.display.ValueRenderer;
import dltheory.kernel.eval.CellClassLoader;
import dltheory.kernel.eval.CellError;
import dltheory.kernel.eval.CodeAnalysis;
import dltheory.kernel.eval.Evaluator;
import dltheory.kernel.magic.CellPlan;
import dltheory.kernel.magic.ExpressionMagics;
import dltheory.kernel.magic.MagicHost;
import dltheory.kernel.magic.MagicCompletion;
import dltheory.kernel.magic.Magics;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The kernel as extensions see it: a jjava {@link BaseKernel} (renderer registry, display) whose cells
 * are Java evaluated by {@link Evaluator}, with the magics of {@link Magics}.
 *
 * <p>All evaluation happens on the shell thread; {@link #interrupt()} may be called from any thread.
 */
public final class NotebookKernel extends BaseKernel implements MagicHost {
    /** Kernel implementation name reported in {@code kernel_info_reply}. */
    public static final String IMPLEMENTATION = "dltheory-kernel";
    /** Kernel version. */
    public static final String VERSION = "1.0.0";

    private final CompletableFuture<Evaluator> evaluator;
    private final CellClassLoader cellLoader;
    private final DisplayPublisher displays;
    private final Path workingDirectory;
    private final Magics magics;
    private final Set<Path> classpath = new HashSet<>();
    private int currentCount;
    private KernelSettings startup;
    private String startupProblem;

    /**
     * @param evaluator        the evaluator, possibly still starting
     * @param cellLoader       the cells' class loader (extensions are looked up there)
     * @param displays         publisher of display messages
     * @param workingDirectory folder for relative paths in magics
     */
    public NotebookKernel(CompletableFuture<Evaluator> evaluator, CellClassLoader cellLoader,
                          DisplayPublisher displays, Path workingDirectory) {
        super(IMPLEMENTATION, VERSION, languageInfo(), List.of(), null, new JupyterIO(StandardCharsets.UTF_8),
                new CommManager(), new ValueRenderer(), null, new MagicsRegistry(), false,
                new StringStyler("", "", "", i -> ""));
        this.evaluator = evaluator;
        this.cellLoader = cellLoader;
        this.displays = displays;
        this.workingDirectory = workingDirectory;
        this.magics = new Magics(this, getMagicsRegistry(), this);
    }

    /** The magic registry (built-in magics, then those extensions register in jjava's registry). */
    public Magics magics() {
        return magics;
    }

    /**
     * The {@code language_info} of {@code kernel_info_reply}. Its version is the JDK's major version
     * ({@code "17"}): JupyterLab copies {@code language_info} into the notebook's metadata when the kernel
     * connects and marks the notebook modified if it differs, so the full version ({@code 17.0.9+9})
     * dirtied every notebook saved on another update of the same JDK.
     */
    public static LanguageInfo languageInfo() {
        return new LanguageInfo("java", languageVersion(), "text/x-java-source", ".jshell",
                "java", "text/x-java", null);
    }

    /** The JDK's major version, as {@code language_info.version} reports it. */
    public static String languageVersion() {
        return String.valueOf(Runtime.version().feature());
    }

    /**
     * What to do before the first cell ({@code IJAVA_CLASSPATH}, startup scripts; {@link KernelSettings}),
     * and a problem with the settings to report then (or null).
     */
    void startWith(KernelSettings settings, String problem) {
        this.startup = settings.hasStartup() ? settings : null;
        this.startupProblem = problem;
    }

    /** The evaluator, waiting for start-up to finish if needed. */
    public Evaluator evaluator() {
        try {
            Evaluator ev = evaluator.get();
            if (startup != null || startupProblem != null) {
                runStartup(ev);
            }
            return ev;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while JShell was starting", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("JShell failed to start: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Adds the configured class path and runs the startup scripts, once, on the first request that needs
     * JShell (JJava's order: class path, then the scripts' files, then the script). A failure is printed
     * on the standard error of that request's cell and in the kernel's log; the kernel runs on.
     */
    private void runStartup(Evaluator ev) {
        KernelSettings s = startup;
        String problem = startupProblem;
        startup = null;
        startupProblem = null;
        if (problem != null) {
            System.err.println("kernel settings: " + problem);
        }
        if (s == null) {
            return;
        }
        ev.cellStarting();
        try {
            List<Path> entries = s.classpathEntries(workingDirectory);
            if (!entries.isEmpty()) {
                addToClasspath(entries);
            }
            for (String snippet : s.startupSnippets()) {
                run(snippet);
            }
        } catch (CellError | RuntimeException e) {
            String report = e instanceof CellError c ? String.join("\n", c.traceback()) : e.toString();
            System.err.println("startup script failed: " + report);
            dltheory.kernel.server.Log.warn("startup script failed: " + report);
        } finally {
            ev.cellFinished();
        }
    }

    /**
     * Runs one cell: magics and Java code in order.
     *
     * @param code           the cell text
     * @param executionCount its execution count (for tracebacks)
     * @return the value of the last expression, if any
     */
    public Evaluator.Result runCell(String code, int executionCount) throws CellError {
        Evaluator ev = evaluator();
        ev.cellStarting();
        currentCount = executionCount;
        try {
            return run(code);
        } finally {
            ev.cellFinished();
        }
    }

    @Override
    public Evaluator.Result run(String cellText) throws CellError {
        CellPlan plan = CellPlan.parse(cellText);
        if (plan.cellMagic() != null) {
            int nl = cellText.indexOf('\n');
            String body = nl < 0 ? "" : "\n" + cellText.substring(nl + 1);
            return magics.cell(plan.cellMagic(), body);
        }
        Evaluator.Result result = new Evaluator.Result(false, null);
        for (CellPlan.Part part : plan.parts()) {
            if (part instanceof CellPlan.Code c) {
                result = evaluator().eval(withMagicCalls(c.source()), currentCount);
            } else if (part instanceof CellPlan.Magic m) {
                result = magics.line(m.magic());
            }
        }
        return result;
    }

    /** The code with magics used as values ({@code var jars = %jars *.jar;}) turned into calls. */
    private static String withMagicCalls(String code) throws CellError {
        try {
            return ExpressionMagics.rewrite(code);
        } catch (IllegalArgumentException e) {
            throw new CellError("MagicException", e.getMessage(), List.of("MagicException: " + e.getMessage()));
        }
    }

    @Override
    public Path workingDirectory() {
        return workingDirectory;
    }

    @Override
    public void addToClasspath(List<Path> entries) throws CellError {
        List<Path> fresh = new ArrayList<>();
        for (Path p : entries) {
            Path abs = p.toAbsolutePath().normalize();
            if (classpath.add(abs)) {
                fresh.add(abs);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        try {
            fresh.forEach(dltheory.kernel.eval.ClasspathEntries::check);   // all or nothing
        } catch (IllegalArgumentException e) {
            classpath.removeAll(fresh);
            throw e;
        }
        evaluator().addToClasspath(fresh);
        fresh.forEach(cellLoader::addPath);
        installExtensions();
    }

    @Override
    public jdk.jshell.JShell jshell() {
        return evaluator().jshell();
    }

    @Override
    public boolean interrupted() {
        return evaluator().runner().wasInterrupted();
    }

    @Override
    public Thread cellThread() {
        return evaluator().runner().workerThread();
    }

    /** Installs every {@code Extension} service visible to the cells that is not installed yet. */
    public void installExtensions() throws CellError {
        ServiceLoader<Extension> loader = ServiceLoader.load(Extension.class, cellLoader);
        try {
            for (Extension ext : loader) {
                if (extensions.putIfAbsent(ext.getClass().getName(), ext) == null) {
                    ext.install(this);
                }
            }
        } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
            throw evaluator().reports().runtime(e);
        }
    }

    /** Stops the running cell (called from the control thread). */
    @Override
    public void interrupt() {
        if (evaluator.isDone() && !evaluator.isCompletedExceptionally()) {
            evaluator.join().runner().interrupt();
        }
    }

    @Override
    public void display(DisplayData data) {
        displays.display(data);
    }

    /** Renders the value of a cell's last expression. */
    public DisplayData renderResult(Object value) {
        return value instanceof DisplayData d ? d : getRenderer().render(value);
    }

    @Override
    public Object evalRaw(String source) {
        try {
            Evaluator.Result r = run(source);
            return r.hasValue() ? r.value() : null;
        } catch (CellError e) {
            // The whole report (javac's message with the line and caret, or the exception and its cell
            // frames) becomes the message: the caller's cell shows it as the cause of its own failure.
            throw new IllegalStateException(String.join("\n", e.traceback()));
        }
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        String doc = evaluator().analyze(a -> new CodeAnalysis(a).documentation(CellPlan.codeOnly(code), at, extraDetail));
        return doc.isEmpty() ? null : new DisplayData(doc);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        ReplacementOptions names = MagicCompletion.complete(code, at, magics.lineNames(), magics.cellNames());
        if (names != null) {
            return names;
        }
        CodeAnalysis.Matches m = evaluator().analyze(a -> new CodeAnalysis(a).complete(CellPlan.codeOnly(code), at));
        return new ReplacementOptions(m.matches(), m.start(), m.end());
    }

    /** The cell as JShell's analysis should see it: magic lines blanked, magics used as values turned into calls. */
    public static String codeForAnalysis(String code) {
        String blanked = CellPlan.codeOnly(code);
        try {
            return ExpressionMagics.rewrite(blanked);
        } catch (IllegalArgumentException e) {
            return blanked;
        }
    }

    @Override
    public String isComplete(String code) {
        CodeAnalysis.Verdict v = evaluator().analyze(a -> new CodeAnalysis(a).isComplete(codeForAnalysis(code)));
        return switch (v.status()) {
            case "complete" -> IS_COMPLETE_YES;
            case "invalid" -> IS_COMPLETE_BAD;
            default -> v.indent();
        };
    }
}
