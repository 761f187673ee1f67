package dltheory.kernel.magic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GlobsTest {
    @TempDir
    Path dir;

    @Test
    void relativeGlobsResolveAgainstTheBase() throws IOException {
        Path lib = Files.createDirectories(dir.resolve("lib/target"));
        Files.createFile(lib.resolve("b.jar"));
        Files.createFile(lib.resolve("a.jar"));
        Files.createFile(lib.resolve("notes.txt"));
        Path nb = Files.createDirectories(dir.resolve("notebooks"));
        assertEquals(List.of(lib.resolve("a.jar"), lib.resolve("b.jar")), Globs.resolve(nb, "../lib/target/*.jar"));
        assertEquals(List.of(lib.resolve("a.jar")), Globs.resolve(nb, "../lib/target/a.jar"));
        assertEquals(List.of(lib.resolve("a.jar"), lib.resolve("b.jar")), Globs.resolve(dir, "**.jar"));
    }

    @Test
    void nothingMatchingIsAnError() {
        assertThrows(IOException.class, () -> Globs.resolve(dir, "*.jar"));
        assertThrows(IOException.class, () -> Globs.resolve(dir, "missing.jar"));
    }
}
