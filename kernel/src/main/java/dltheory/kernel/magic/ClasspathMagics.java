package dltheory.kernel.magic;

import dltheory.kernel.eval.CellError;
import dltheory.kernel.runtime.MagicException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code %jars <globs>} and {@code %classpath <paths>}: add jars and class folders to the cells' class path. */
final class ClasspathMagics {
    private final MagicHost host;

    ClasspathMagics(MagicHost host) {
        this.host = host;
    }

    /** {@code %jars}: the files matching each glob; returns their absolute paths (IJava's value). */
    List<String> jars(List<String> args) throws CellError {
        return add("%jars", args);
    }

    /** {@code %classpath}: like {@code %jars}, and an argument may be a path-separator list of entries. */
    List<String> classpath(List<String> args) throws CellError {
        List<String> entries = new ArrayList<>();
        for (String arg : args) {
            entries.addAll(List.of(arg.split(File.pathSeparator)));
        }
        return add("%classpath", entries);
    }

    private List<String> add(String magic, List<String> patterns) throws CellError {
        if (patterns.stream().allMatch(String::isBlank)) {
            throw new MagicException(magic + " <paths or globs>: no path given");
        }
        List<Path> paths = new ArrayList<>();
        for (String pattern : patterns) {
            if (pattern.isBlank()) {
                continue;
            }
            try {
                paths.addAll(Globs.resolve(host.workingDirectory(), pattern));
            } catch (IOException e) {
                throw new MagicException(magic + ": " + e.getMessage() + " (paths are resolved against "
                        + host.workingDirectory() + ")", e);
            }
        }
        host.addToClasspath(paths);
        List<String> out = new ArrayList<>();
        paths.forEach(p -> out.add(p.toAbsolutePath().toString()));
        return out;
    }
}
