package dltheory.kernel;

import dltheory.kernel.server.Log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Deletes the copies of native libraries that this process extracted into the temporary folder and
 * loaded: netlib's BLAS writes {@code libnetlibblasjni.so<random>} there and asks for its deletion with
 * {@code deleteOnExit}, which never runs because the kernel ends with {@code Runtime.halt}; one file was
 * left per kernel run. Only files mapped by this process (Linux {@code /proc/self/maps}) are deleted.
 */
final class NativeCopies {
    private NativeCopies() {
    }

    /** Deletes them; returns what was deleted. */
    static List<Path> deleteLoaded() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        Set<Path> deleted = new LinkedHashSet<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
                int slash = line.indexOf('/');
                if (slash < 0) {
                    continue;
                }
                Path file = Path.of(line.substring(slash).replace(" (deleted)", ""));
                String name = file.getFileName().toString();
                if (file.getParent() != null && file.getParent().equals(tmp) && name.startsWith("libnetlib")
                        && name.contains("jni.so") && Files.deleteIfExists(file)) {
                    deleted.add(file);
                }
            }
        } catch (IOException | RuntimeException e) {
            Log.debug("native library copies not deleted: " + e);
        }
        return List.copyOf(deleted);
    }
}
