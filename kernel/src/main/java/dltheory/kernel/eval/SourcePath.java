package dltheory.kernel.eval;

import jdk.jshell.SourceCodeAnalysis;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipFile;

/**
 * Where Shift-Tab's Javadoc comes from for the jars cells add. JShell reads Javadoc from sources only:
 * the JDK's {@code lib/src.zip} (when the JDK ships it) and nothing else, as its source path is the
 * list its analysis builds once ({@code SourceCodeAnalysisImpl.findSources}, reached by reflection as
 * the kernel's other clean-ups are, with {@code --add-opens jdk.jshell/jdk.jshell}). For each added jar
 * {@code x.jar} this adds {@code x-sources.jar} beside it, or the jar itself if it holds {@code .java}
 * files. Without the reflective access, only the JDK's Javadoc shows.
 */
final class SourcePath {
    private SourcePath() {
    }

    /** The sources of {@code jar}: {@code name-sources.jar} beside it, or the jar if it holds sources. */
    static Optional<Path> sourcesOf(Path jar) {
        String name = jar.getFileName().toString();
        if (!name.endsWith(".jar") || name.endsWith("-sources.jar")) {
            return Optional.empty();
        }
        Path beside = jar.resolveSibling(name.substring(0, name.length() - 4) + "-sources.jar");
        if (Files.isRegularFile(beside)) {
            return Optional.of(beside);
        }
        if (Files.isRegularFile(jar)) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                if (zip.stream().anyMatch(e -> e.getName().endsWith(".java"))) {
                    return Optional.of(jar);
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * Adds the sources of each jar to JShell's documentation source path.
     *
     * @return the source jars added
     */
    @SuppressWarnings("unchecked")
    static List<Path> add(SourceCodeAnalysis analysis, List<Path> jars) {
        List<Path> sources = jars.stream().map(SourcePath::sourcesOf).flatMap(Optional::stream).toList();
        if (sources.isEmpty()) {
            return List.of();
        }
        try {
            Method find = analysis.getClass().getDeclaredMethod("findSources");
            find.setAccessible(true);
            List<Path> path = new java.util.ArrayList<>((List<Path>) find.invoke(analysis));
            // javac reads sources from a jar on its source path, as JShell passes a non-modular src.zip
            path.addAll(sources);
            java.lang.reflect.Field cached = analysis.getClass().getDeclaredField("availableSources");
            cached.setAccessible(true);
            cached.set(analysis, path);
            return sources;
        } catch (ReflectiveOperationException | RuntimeException e) {
            dltheory.kernel.server.Log.debug("no Javadoc from added sources: " + e);
            return List.of();
        }
    }
}
