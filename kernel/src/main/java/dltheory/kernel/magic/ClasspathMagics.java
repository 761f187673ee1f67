package dltheory.kernel.magic;

import dltheory.kernel.eval.CellError;
import dltheory.kernel.runtime.MagicException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code %jars <globs>} and {@code %classpath <paths>}: add jars and class folders to the cells' class path. */
final class ClasspathMagics {
    private final MagicHost host;

    ClasspathMagics(MagicHost host) {
        this.host = host;
    }

    /**
     * {@code %jars}: the files matching each glob; returns their absolute paths (IJava's value). A folder
     * is refused (it would add classes, not the jars in it); a glob's matches are printed, since the cell
     * shows no value.
     */
    List<String> jars(List<String> args) throws CellError {
        for (String arg : args) {
            if (!arg.isBlank() && !Globs.hasWildcard(arg)) {
                Path named = host.workingDirectory().resolve(Globs.expandHome(arg)).normalize();
                if (Files.isDirectory(named)) {
                    throw new MagicException("%jars: " + named + " is a folder, and %jars adds jar files: "
                            + "use %jars " + arg.replaceAll("/+$", "") + "/*.jar for the jars in it, or "
                            + "%classpath " + arg + " for a folder of classes");
                }
            }
        }
        List<String> added = add("%jars", args);
        if (args.stream().anyMatch(Globs::hasWildcard)) {
            System.out.println("%jars added " + added.size() + (added.size() == 1 ? " jar: " : " jars: ")
                    + String.join(", ", added));
        }
        return added;
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
