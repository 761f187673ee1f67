package dltheory.kernel.eval;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;
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

    private static Path cacheDir() throws IOException {
        return cacheDir(System.getenv("XDG_CACHE_HOME"), Path.of(System.getProperty("user.home")),
                Path.of(System.getProperty("java.io.tmpdir")), System.getProperty("user.name"));
    }

    /**
     * The folder of the cached api jar: {@code $XDG_CACHE_HOME/dltheory-kernel} or
     * {@code ~/.cache/dltheory-kernel}; if that cannot be written, a private folder
     * {@code <tmp>/dltheory-kernel-<user>}, created with mode 0700, used only if it belongs to the user
     * and no one else may write it (a file planted in a shared folder would be trusted otherwise, and a
     * bad api jar fails every cell).
     *
     * @throws IOException with the reason, if neither folder is usable
     */
    static Path cacheDir(String xdg, Path home, Path tmp, String user) throws IOException {
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : home.resolve(".cache");
        Path dir = base.resolve("dltheory-kernel");
        try {
            Files.createDirectories(dir);
            if (Files.isWritable(dir)) {
                return dir;
            }
        } catch (IOException | RuntimeException e) {
            // a private folder in the temporary folder instead
        }
        return privateDir(tmp.resolve("dltheory-kernel-" + user.replaceAll("[^A-Za-z0-9._-]", "_")), dir);
    }

    private static Path privateDir(Path dir, Path preferred) throws IOException {
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException e) {
            // checked below
        } catch (UnsupportedOperationException e) {
            throw new IOException("cannot write " + preferred + " and cannot make a private folder in "
                    + dir.getParent() + " on this file system; set XDG_CACHE_HOME to a writable folder");
        }
        String problem = null;
        if (Files.isSymbolicLink(dir) || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            problem = "is not a folder";
        } else {
            UserPrincipal me = dir.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
            UserPrincipal owner = Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS);
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
            if (!owner.equals(me)) {
                problem = "belongs to " + owner.getName() + ", not to " + me.getName();
            } else if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                problem = "can be used by other users (" + PosixFilePermissions.toString(perms) + ")";
            }
        }
        if (problem != null) {
            throw new IOException("cannot write " + preferred + ", and " + dir + " " + problem
                    + ": the kernel does not trust it; set XDG_CACHE_HOME to a writable folder of yours");
        }
        return dir;
    }

    /** Copies the shared classes of {@code kernelJar} into {@code dir}, unless an up-to-date copy exists. */
    static Path extract(Path kernelJar, Path dir) throws IOException {
        String key = Files.size(kernelJar) + "-" + Files.getLastModifiedTime(kernelJar).toMillis();
        Path target = dir.resolve("cell-api-" + key + ".jar");
        if (Files.isRegularFile(target)) {
            try {
                ClasspathEntries.check(target);
                return target;
            } catch (IllegalArgumentException broken) {
                // a truncated copy (a full disk): made again below
            }
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
