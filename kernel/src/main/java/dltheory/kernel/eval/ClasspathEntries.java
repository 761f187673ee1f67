package dltheory.kernel.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;

/**
 * Checks a class-path entry before JShell sees it. JShell hands every entry to javac, which, given a
 * file that is not a zip (an HTML error page saved as {@code .jar}, an empty file, a truncated download),
 * fails inside its own set-up with {@code InternalError: starImportScope is null} at every later
 * compilation: one bad entry, which cannot be removed again, would break every cell until a restart.
 */
public final class ClasspathEntries {
    private ClasspathEntries() {
    }

    /**
     * @param entry a jar or a folder of classes
     * @throws IllegalArgumentException naming the entry and what is wrong with it: missing, unreadable,
     *                                  or a file that is not a readable jar (zip) file
     */
    public static void check(Path entry) {
        if (Files.isDirectory(entry)) {
            if (!Files.isReadable(entry)) {
                throw new IllegalArgumentException("cannot read the folder " + entry);
            }
            return;
        }
        if (!Files.isRegularFile(entry)) {
            throw new IllegalArgumentException("no such file: " + entry);
        }
        try (ZipFile zip = new ZipFile(entry.toFile())) {
            zip.size();
        } catch (IOException | RuntimeException e) {
            long size = -1;
            try {
                size = Files.size(entry);
            } catch (IOException ignored) {
                // the size is only a hint
            }
            throw new IllegalArgumentException(entry + " is not a jar (zip) file: " + reason(e)
                    + (size >= 0 ? " (" + size + " bytes" + (size == 0 ? ", empty" : "") + head(entry, size) + ")" : "")
                    + "; nothing was added to the class path", e);
        }
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** ", starting with <html" and the like: what the file holds instead, when it is text. */
    private static String head(Path entry, long size) {
        if (size <= 0) {
            return "";
        }
        try (var in = Files.newInputStream(entry)) {
            byte[] b = in.readNBytes(24);
            String text = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1).strip();
            return text.chars().allMatch(c -> c >= 0x20 && c < 0x7f) && !text.isEmpty()
                    ? ", starting with \"" + text + "\"" : "";
        } catch (IOException e) {
            return "";
        }
    }
}
