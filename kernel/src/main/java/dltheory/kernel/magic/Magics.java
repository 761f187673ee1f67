package dltheory.kernel.magic;

import dltheory.kernel.eval.CellError;
import dltheory.kernel.eval.Evaluator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The kernel's magics, with IJava's names and meaning:
 * <ul>
 *   <li>{@code %jars <globs>}: add jars to the class path (and install their extensions);</li>
 *   <li>{@code %classpath <paths>}: add jars or class folders (path-separator lists or globs);</li>
 *   <li>{@code %load <file>}: run the Java source of a file;</li>
 *   <li>{@code %time <code>} and {@code %%time}: run code and print the wall-clock time.</li>
 * </ul>
 */
public final class Magics {
    /** Names of the line magics. */
    public static final List<String> LINE = List.of("jars", "classpath", "load", "time");
    /** Names of the cell magics. */
    public static final List<String> CELL = List.of("time");

    private final MagicHost host;

    /** @param host the kernel side the magics act on */
    public Magics(MagicHost host) {
        this.host = host;
    }

    /** Runs a line magic; returns the value to show (or none). */
    public Evaluator.Result line(MagicLine m) throws CellError {
        switch (m.name()) {
            case "jars":
                host.addToClasspath(paths(m, m.args()));
                return new Evaluator.Result(false, null);
            case "classpath": {
                List<String> entries = new ArrayList<>();
                for (String arg : m.args()) {
                    entries.addAll(List.of(arg.split(java.io.File.pathSeparator)));
                }
                host.addToClasspath(paths(m, entries));
                return new Evaluator.Result(false, null);
            }
            case "load":
                return load(m);
            case "time":
                return timed(String.join(" ", m.args()));
            default:
                throw unknown("%" + m.name());
        }
    }

    /** Runs a cell magic on the cell body; returns the value to show (or none). */
    public Evaluator.Result cell(MagicLine m, String body) throws CellError {
        if (m.name().equals("time")) {
            return timed(body);
        }
        throw unknown("%%" + m.name());
    }

    private Evaluator.Result load(MagicLine m) throws CellError {
        if (m.args().size() != 1) {
            throw usage(m, "%load <file>");
        }
        Path file = host.workingDirectory().resolve(m.args().get(0)).normalize();
        try {
            return host.run(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw usage(m, "%load <file>: cannot read " + file + " (" + e.getMessage() + ")");
        }
    }

    private Evaluator.Result timed(String code) throws CellError {
        long start = System.nanoTime();
        try {
            return host.run(code);
        } finally {
            double ms = (System.nanoTime() - start) / 1e6;
            System.out.println(String.format(Locale.ROOT, "Wall time: %.1f ms", ms));
        }
    }

    private List<Path> paths(MagicLine m, List<String> patterns) throws CellError {
        if (patterns.isEmpty()) {
            throw usage(m, "%" + m.name() + " <paths or globs>");
        }
        List<Path> out = new ArrayList<>();
        for (String pattern : patterns) {
            if (pattern.isBlank()) {
                continue;
            }
            try {
                out.addAll(Globs.resolve(host.workingDirectory(), pattern));
            } catch (IOException e) {
                throw new CellError("MagicException", "%" + m.name() + ": " + e.getMessage(),
                        List.of("Magic error, line " + m.line() + ": %" + m.name() + ": " + e.getMessage(),
                                "    paths are resolved against " + host.workingDirectory()));
            }
        }
        return out;
    }

    private static CellError usage(MagicLine m, String message) {
        return new CellError("MagicException", message, List.of("Magic error, line " + m.line() + ": " + message));
    }

    /** The error for an unknown magic; it lists the known ones. */
    public static CellError unknown(String written) {
        List<String> known = new ArrayList<>();
        LINE.forEach(n -> known.add("%" + n));
        CELL.forEach(n -> known.add("%%" + n));
        String msg = "unknown magic " + written + ". Known magics: " + String.join(", ", known);
        return new CellError("UndefinedMagicException", msg, List.of("UndefinedMagicException: " + msg));
    }
}
