package dltheory.kernel.eval;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The class path JShell compiles cells against: only the shared API (jjava-jupyter and the kernel's
 * {@code runtime} package), never the kernel's private dependencies.
 *
 * <p>When the kernel runs from its shaded jar, the shared classes are copied once into a small
 * "api" jar in a cache folder keyed by the kernel jar's size and modification time.
 */
public final class ApiClasspath {
    private ApiClasspath() {
    }

    /** Returns the compile class path for cells (one or more entries joined by the path separator). */
    public static String resolve() throws IOException {
        Path self = codeSource();
        if (Files.isRegularFile(self)) {
            return extract(self, cacheDir()).toString();
        }
        // Running from classes folders (unit tests, IDE): the folder itself plus the jjava-jupyter jar.
        String classpath = System.getProperty("java.class.path", "");
        return Stream.concat(Stream.of(self.toString()), Stream.of(classpath.split(File.pathSeparator))
                        .filter(e -> e.contains("jjava-jupyter")))
                .distinct()
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static Path codeSource() {
        try {
            return Path.of(ApiClasspath.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path cacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        Path dir = base.resolve("dltheory-kernel");
        try {
            Files.createDirectories(dir);
            if (Files.isWritable(dir)) {
                return dir;
            }
        } catch (IOException e) {
            // fall through to the temporary folder
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** Copies the shared classes of {@code kernelJar} into {@code dir}, unless an up-to-date copy exists. */
    static Path extract(Path kernelJar, Path dir) throws IOException {
        String key = Files.size(kernelJar) + "-" + Files.getLastModifiedTime(kernelJar).toMillis();
        Path target = dir.resolve("cell-api-" + key + ".jar");
        if (Files.isRegularFile(target)) {
            return target;
        }
        Path tmp = Files.createTempFile(dir, "cell-api-", ".tmp");
        try (JarFile jar = new JarFile(kernelJar.toFile());
             JarOutputStream out = new JarOutputStream(Files.newOutputStream(tmp))) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (entry.isDirectory() || !name.endsWith(".class")
                        || !CellClassLoader.isShared(name.replace('/', '.'))) {
                    continue;
                }
                out.putNextEntry(new JarEntry(name));
                try (InputStream in = jar.getInputStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

}
