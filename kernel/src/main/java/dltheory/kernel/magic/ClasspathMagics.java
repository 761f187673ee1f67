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
     * is refused (it would add classes, not the jars in it); what was added is printed in one line
     * ({@link #addedLine}), since the cell shows no value.
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
        System.out.println(addedLine(added));
        return added;
    }

    /**
     * What {@code %jars} says it added, as pip says what it installed: {@code %jars added 1 jar:
     * ../lib/target/dltheory-lib.jar}: each path relative to the notebook's folder where that is shorter
     * (as a notebook names it, and the same on every machine), else absolute.
     */
    String addedLine(List<String> added) {
        Path here = host.workingDirectory().toAbsolutePath().normalize();
        List<String> shown = new ArrayList<>();
        for (String a : added) {
            Path p = Path.of(a);
            String relative = p.isAbsolute() && p.getRoot().equals(here.getRoot()) ? here.relativize(p).toString() : a;
            shown.add(relative.length() < a.length() ? relative : a);
        }
        return "%jars added " + added.size() + (added.size() == 1 ? " jar: " : " jars: ") + String.join(", ", shown);
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
