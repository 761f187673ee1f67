package dltheory.kernel;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CrashLogFolderTest {
    @Test
    void theLastErrorFileBeforeTheJarWins() {
        assertEquals(Optional.of(Path.of("/b")), CrashLogFolder.folderOf(List.of("-Xmx1g",
                "-XX:ErrorFile=/a/hs_err_pid%p.log", "-XX:ErrorFile=/b/hs_err_pid%p.log", "-jar", "k.jar",
                "-XX:ErrorFile=/c/x.log")));
    }

    @Test
    void noErrorFileNoFolder() {
        assertEquals(Optional.empty(), CrashLogFolder.folderOf(List.of("-Xmx1g", "-jar", "k.jar", "-f", "c.json")));
        assertEquals(Optional.empty(), CrashLogFolder.folderOf(List.of("-XX:ErrorFile=hs_err.log", "-jar", "k.jar")));
    }
}
