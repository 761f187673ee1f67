package dltheory.kernel.magic;

import dltheory.kernel.eval.CellError;
import dltheory.kernel.eval.Evaluator;
import dltheory.kernel.runtime.MagicException;
import dltheory.kernel.runtime.MagicSink;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.magic.UndefinedMagicException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The kernel's magic registry, with IJava's names and meaning:
 * <ul>
 *   <li>{@code %jars <globs>}, {@code %classpath <paths>}: add to the class path (and install extensions);</li>
 *   <li>{@code %maven <coordinates>} (also {@code %addMavenDependency}, {@code %addMavenDependencies}),
 *       {@code %mavenRepo <id> <url>} (also {@code %addMavenRepo}), {@code %loadFromPOM <pom> [scopes]} and
 *       {@code %%loadFromPOM [scopes]}: Maven dependencies ({@link MavenMagics});</li>
 *   <li>{@code %load <file>}: run a source file or a notebook's code cells ({@link LoadMagic});</li>
 *   <li>{@code %time <code>} and {@code %%time}: run code and show its CPU and wall times ({@link TimeMagic});</li>
 *   <li>JShell's commands {@code %vars}, {@code %methods}, {@code %types}, {@code %imports}, {@code %list}
 *       and {@code %jshell /vars} ({@link JShellMagics});</li>
 *   <li>IPython's {@code %%html}, {@code %%markdown}, {@code %%latex}, {@code %%bash} and
 *       {@code %%writefile} ({@link TextCellMagics}).</li>
 * </ul>
 * Magics that an {@code Extension} registers in jjava's {@link MagicsRegistry} are found there when
 * no built-in magic has the name. A magic written on a line of its own runs from the kernel's shell
 * thread; one on the right of an assignment ({@code List<String> added = %jars *.jar;}) is rewritten to
 * a call of {@code Notebook.lineMagic} ({@link ExpressionMagics}) and reaches {@link #line(String, List)}
 * from the cell's code.
 */
public final class Magics implements MagicSink {
    /** A line magic: arguments to value (null if none). */
    @FunctionalInterface
    public interface Line {
        Object run(List<String> args) throws Exception;
    }

    /** A cell magic: arguments of the first line and the rest of the cell, to value (null if none). */
    @FunctionalInterface
    public interface Cell {
        Object run(List<String> args, String body) throws Exception;
    }

    /** A registered magic and whether a cell that is only this magic shows its value. */
    private record Entry<F>(F magic, boolean showsValue) {
    }

    private final Map<String, Entry<Line>> lineMagics = new LinkedHashMap<>();
    private final Map<String, Entry<Cell>> cellMagics = new LinkedHashMap<>();
    private final MagicsRegistry extensions;
    private final BaseKernel kernel;

    /**
     * Registers the built-in magics.
     *
     * @param host       the kernel side the magics act on
     * @param extensions jjava's registry, where extensions register their magics (may be null)
     * @param kernel     the kernel passed to extension magics (may be null when {@code extensions} is)
     */
    public Magics(MagicHost host, MagicsRegistry extensions, BaseKernel kernel) {
        this.extensions = extensions;
        this.kernel = kernel;
        ClasspathMagics classpath = new ClasspathMagics(host);
        registerLine("jars", false, classpath::jars);
        registerLine("classpath", false, classpath::classpath);
        MavenMagics maven = new MavenMagics(host);
        for (String name : List.of("maven", "addMavenDependency", "addMavenDependencies")) {
            registerLine(name, false, maven::addDependencies);
        }
        for (String name : List.of("mavenRepo", "addMavenRepo")) {
            registerLine(name, false, maven::addRepository);
        }
        registerLine("loadFromPOM", false, maven::loadFromPomFile);
        registerCell("loadFromPOM", false, maven::loadFromPom);
        LoadMagic load = new LoadMagic(host);
        registerLine("load", true, load::load);
        TimeMagic time = new TimeMagic(host);
        registerLine("time", true, time::line);
        registerCell("time", true, time::cell);
        JShellMagics jshell = new JShellMagics(host::jshell);
        for (String command : JShellMagics.COMMANDS) {
            registerLine(command, false, args -> jshell.run(command));
        }
        registerLine("jshell", false, jshell::jshell);
        TextCellMagics text = new TextCellMagics(host);
        registerCell("html", false, text::html);
        registerCell("markdown", false, text::markdown);
        registerCell("latex", false, text::latex);
        registerCell("bash", false, text::bash);
        registerCell("writefile", false, text::writefile);
    }

    /** Registers (or replaces) a line magic; {@code showsValue}: a cell that is only this magic shows its value. */
    public void registerLine(String name, boolean showsValue, Line magic) {
        lineMagics.put(name, new Entry<>(magic, showsValue));
    }

    /** Registers (or replaces) a cell magic; {@code showsValue}: the cell shows the magic's value. */
    public void registerCell(String name, boolean showsValue, Cell magic) {
        cellMagics.put(name, new Entry<>(magic, showsValue));
    }

    /** Names of the line magics, built-in and from extensions, sorted. */
    public List<String> lineNames() {
        TreeSet<String> names = new TreeSet<>(lineMagics.keySet());
        if (extensions != null) {
            names.addAll(extensions.getLineMagicNames());
        }
        return List.copyOf(names);
    }

    /** Names of the cell magics, built-in and from extensions, sorted. */
    public List<String> cellNames() {
        TreeSet<String> names = new TreeSet<>(cellMagics.keySet());
        if (extensions != null) {
            names.addAll(extensions.getCellMagicNames());
        }
        return List.copyOf(names);
    }

    /**
     * Runs a line magic written on a line of its own.
     *
     * @return the value to show: that of {@code %time} and {@code %load}, and any non-null value of an
     * extension's magic; none for the magics that add to the class path
     * @throws CellError the error of code the magic ran, or a {@code MagicException} naming the line
     */
    public Evaluator.Result line(MagicLine m) throws CellError {
        Entry<Line> entry = lineMagics.get(m.name());
        try {
            if (entry != null) {
                Object value = entry.magic().run(m.args());
                return shown(entry, value);
            }
            if (extensions != null && extensions.getLineMagicNames().contains(m.name())) {
                Object value = extensions.evalLineMagic(kernel, m.name(), m.args());
                return new Evaluator.Result(value != null, value);
            }
        } catch (CellError e) {
            throw e;
        } catch (Exception e) {
            throw failed(m, "%", e);
        }
        throw unknown("%" + m.name(), lineNames(), cellNames());
    }

    /** Runs a cell magic on the cell body (the rest of the cell, padded to keep its line numbers). */
    public Evaluator.Result cell(MagicLine m, String body) throws CellError {
        Entry<Cell> entry = cellMagics.get(m.name());
        try {
            if (entry != null) {
                Object value = entry.magic().run(m.args(), body);
                return shown(entry, value);
            }
            if (extensions != null && extensions.getCellMagicNames().contains(m.name())) {
                Object value = extensions.evalCellMagic(kernel, m.name(), m.args(), body.startsWith("\n") ? body.substring(1) : body);
                return new Evaluator.Result(value != null, value);
            }
        } catch (CellError e) {
            throw e;
        } catch (Exception e) {
            throw failed(m, "%%", e);
        }
        throw unknown("%%" + m.name(), lineNames(), cellNames());
    }

    private static Evaluator.Result shown(Entry<?> entry, Object value) {
        return entry.showsValue() && value != null ? new Evaluator.Result(true, value) : new Evaluator.Result(false, null);
    }

    /**
     * Runs a line magic called from cell code ({@code Notebook.lineMagic}).
     *
     * @throws MagicException if the magic fails or is unknown
     */
    @Override
    public Object line(String name, List<String> args) {
        Entry<Line> entry = lineMagics.get(name);
        try {
            if (entry != null) {
                return entry.magic().run(List.copyOf(args));
            }
            if (extensions != null && extensions.getLineMagicNames().contains(name)) {
                return extensions.evalLineMagic(kernel, name, args);
            }
        } catch (Exception e) {
            throw asMagicException("%" + name, e);
        }
        throw new MagicException(unknown("%" + name, lineNames(), cellNames()).evalue());
    }

    /**
     * Runs a cell magic called from cell code ({@code Notebook.cellMagic}).
     *
     * @throws MagicException if the magic fails or is unknown
     */
    @Override
    public Object cell(String name, List<String> args, String body) {
        Entry<Cell> entry = cellMagics.get(name);
        try {
            if (entry != null) {
                return entry.magic().run(List.copyOf(args), body);
            }
            if (extensions != null && extensions.getCellMagicNames().contains(name)) {
                return extensions.evalCellMagic(kernel, name, args, body);
            }
        } catch (Exception e) {
            throw asMagicException("%%" + name, e);
        }
        throw new MagicException(unknown("%%" + name, lineNames(), cellNames()).evalue());
    }

    private static MagicException asMagicException(String written, Exception e) {
        if (e instanceof MagicException me) {
            return me;
        }
        if (e instanceof CellError ce) {
            return new MagicException(written + ": " + ce.ename() + ": " + ce.evalue(), ce);
        }
        if (e instanceof UndefinedMagicException) {
            return new MagicException(e.getMessage(), e);
        }
        return new MagicException(written + ": " + message(e), e);
    }

    /** The error of a magic that threw: its message and the line of the magic. */
    private static CellError failed(MagicLine m, String prefix, Exception e) {
        String msg = e instanceof MagicException ? e.getMessage() : prefix + m.name() + ": " + message(e);
        return new CellError("MagicException", msg, List.of("MagicException: " + msg, "    at magic, line " + m.line()));
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The error for an unknown magic; it lists the known ones. */
    public static CellError unknown(String written, List<String> lineNames, List<String> cellNames) {
        List<String> known = new ArrayList<>();
        lineNames.forEach(n -> known.add("%" + n));
        cellNames.forEach(n -> known.add("%%" + n));
        String msg = "unknown magic " + written + ". Known magics: " + String.join(", ", known);
        return new CellError("UndefinedMagicException", msg, List.of("UndefinedMagicException: " + msg));
    }
}
