package dltheory.kernel;

import dltheory.kernel.server.Log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Makes the folder of this JVM's {@code -XX:ErrorFile} (which {@code install} points at the user's cache)
 * if it is missing. HotSpot does not create it: when the folder is gone at a crash (a cleaned
 * {@code ~/.cache}, an install made with another {@code XDG_CACHE_HOME}), it writes
 * {@code hs_err_pid*.log} into the working folder, which is the notebook's.
 */
final class CrashLogFolder {
    private CrashLogFolder() {
    }

    /** Creates the folder; returns it, or empty if the JVM has no {@code -XX:ErrorFile} or it cannot be made. */
    static Optional<Path> ensure() {
        return ProcessHandle.current().info().arguments()
                .flatMap(args -> folderOf(List.of(args)))
                .filter(CrashLogFolder::create);
    }

    /** The folder named by the last {@code -XX:ErrorFile=} among {@code jvmArguments} (the one the JVM uses). */
    static Optional<Path> folderOf(List<String> jvmArguments) {
        Path folder = null;
        for (String a : jvmArguments) {
            if (a.startsWith("-XX:ErrorFile=")) {
                Path parent = Path.of(a.substring("-XX:ErrorFile=".length())).getParent();
                folder = parent;
            } else if (a.equals("-jar") || a.equals("-cp") || a.equals("-classpath")) {
                break;   // the program's own arguments follow
            }
        }
        return Optional.ofNullable(folder);
    }

    private static boolean create(Path folder) {
        try {
            Files.createDirectories(folder);
            return true;
        } catch (IOException | RuntimeException e) {
            Log.warn("cannot make " + folder + " for crash logs (" + e + "): after a JVM crash, "
                    + "hs_err_pid*.log lands in the working folder");
            return false;
        }
    }
}
