package dltheory.kernel.magic;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Resolves path patterns such as {@code ../lib/target/*.jar} or {@code libs/**.jar} against a base
 * folder. A pattern without wildcards names one file, which must exist.
 */
public final class Globs {
    private Globs() {
    }

    /**
     * @param base    folder relative patterns are resolved against (the kernel's working folder)
     * @param pattern the pattern
     * @return matching regular files (or the named file or folder), sorted
     * @throws IOException if nothing matches or the folder cannot be read
     */
    public static List<Path> resolve(Path base, String pattern) throws IOException {
        String p = expandHome(pattern);
        if (!hasWildcard(p)) {
            Path file = base.resolve(p).normalize();
            if (!Files.exists(file)) {
                throw new IOException("no such file: " + file);
            }
            return List.of(file);
        }
        String[] parts = p.replace('\\', '/').split("/", -1);
        int fixed = 0;
        while (fixed < parts.length - 1 && !hasWildcard(parts[fixed])) {
            fixed++;
        }
        String root = String.join("/", java.util.Arrays.copyOfRange(parts, 0, fixed));
        Path dir = p.startsWith("/")
                ? Path.of(root.isEmpty() ? "/" : root).normalize()
                : base.resolve(root.isEmpty() ? "." : root).normalize();
        String rest = String.join("/", java.util.Arrays.copyOfRange(parts, fixed, parts.length));
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        int depth = rest.contains("**") ? Integer.MAX_VALUE : parts.length - fixed;
        List<Path> out = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            final Path from = dir;
            try (Stream<Path> walk = Files.walk(from, depth)) {
                walk.filter(Files::isRegularFile)
                        .filter(f -> matcher.matches(from.relativize(f)))
                        .sorted()
                        .forEach(out::add);
            }
        }
        if (out.isEmpty()) {
            throw new IOException("no file matches " + pattern + " (in " + dir + ")");
        }
        return out;
    }

    static boolean hasWildcard(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
    }

    static String expandHome(String s) {
        return s.equals("~") || s.startsWith("~/") ? System.getProperty("user.home") + s.substring(1) : s;
    }
}
