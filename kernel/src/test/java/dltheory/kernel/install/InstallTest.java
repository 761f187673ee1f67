package dltheory.kernel.install;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstallTest {
    @TempDir
    Path tmp;

    @Test
    void locations() {
        Path home = Path.of("/home/u");
        assertEquals(Path.of("/home/u/.local/share/jupyter/kernels/java"),
                InstallOptions.parse(List.of(), Map.of(), home, "/j").specDir());
        assertEquals(Path.of("/x/share/jupyter/kernels/java"),
                InstallOptions.parse(List.of("--user"), Map.of("XDG_DATA_HOME", "/x/share"), home, "/j").specDir());
        assertEquals(Path.of("/p/share/jupyter/kernels/java"),
                InstallOptions.parse(List.of("--prefix", "/p"), Map.of(), home, "/j").specDir());
        assertEquals(Path.of("/venv/share/jupyter/kernels/java"),
                InstallOptions.parse(List.of("--sys-prefix"), Map.of("VIRTUAL_ENV", "/venv"), home, "/j").specDir());
        assertThrows(IllegalArgumentException.class, () -> InstallOptions.parse(List.of("--prefix"), Map.of(), home, "/j"));
        assertThrows(IllegalArgumentException.class, () -> InstallOptions.parse(List.of("--bogus"), Map.of(), home, "/j"));
    }

    @Test
    void installWritesTheKernelspecAndUninstallRemovesIt() throws Exception {
        Path jar = Files.writeString(tmp.resolve("k.jar"), "jar");
        InstallOptions o = InstallOptions.parse(List.of("--prefix", tmp.resolve("pfx").toString(), "--no-cds"), Map.of(),
                tmp, "/opt/jdk/bin/java");
        Path dir = Installer.install(o, jar);
        JsonObject spec = JsonParser.parseString(Files.readString(dir.resolve("kernel.json"))).getAsJsonObject();
        assertEquals("Java", spec.get("display_name").getAsString());
        assertEquals("java", spec.get("language").getAsString());
        assertEquals("message", spec.get("interrupt_mode").getAsString());
        List<String> argv = spec.getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList();
        assertEquals("/opt/jdk/bin/java", argv.get(0));
        assertTrue(argv.contains("-Djava.awt.headless=true"));
        assertTrue(argv.stream().anyMatch(a -> a.startsWith("-Xmx")));
        assertEquals(dir.resolve("dltheory-kernel.jar").toString(), argv.get(argv.size() - 2));
        assertEquals("{connection_file}", argv.get(argv.size() - 1));
        assertTrue(Files.exists(dir.resolve("dltheory-kernel.jar")));
        assertTrue(Installer.uninstall(o));
        assertFalse(Files.exists(dir));
        assertFalse(Installer.uninstall(o));
    }
}
