package dltheory.kernel.install;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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
        Path dir = Installer.install(o, jar).dir();
        JsonObject spec = JsonParser.parseString(Files.readString(dir.resolve("kernel.json"))).getAsJsonObject();
        assertEquals("Java", spec.get("display_name").getAsString());
        assertEquals("java", spec.get("language").getAsString());
        assertEquals("message", spec.get("interrupt_mode").getAsString());
        assertEquals("1", spec.getAsJsonObject("env").get("OPENBLAS_NUM_THREADS").getAsString());
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

    @Test
    void installingTheSameAgainWritesNothingAndAnyChangeReinstalls() throws Exception {
        Path jar = Files.writeString(tmp.resolve("k.jar"), "jar one");
        String prefix = tmp.resolve("pfx").toString();
        InstallOptions o = InstallOptions.parse(List.of("--prefix", prefix, "--no-cds"), Map.of(), tmp, "/opt/jdk/bin/java");
        assertFalse(Installer.install(o, jar).upToDate(), "first install");
        Path dir = o.specDir();
        Path json = dir.resolve("kernel.json");
        String written = Files.readString(json);
        FileTime then = Files.getLastModifiedTime(json);
        Files.setLastModifiedTime(json, FileTime.fromMillis(then.toMillis() - 60_000));
        assertTrue(Installer.install(o, jar).upToDate(), "same jar and options: up to date");
        assertEquals(then.toMillis() - 60_000, Files.getLastModifiedTime(json).toMillis(), "an up-to-date install writes nothing");

        Files.writeString(json, "{\"edited\": true}");
        assertFalse(Installer.install(o, jar).upToDate(), "a kernel.json edited by hand is rewritten");
        assertEquals(written, Files.readString(json));

        Files.writeString(jar, "jar two");
        assertFalse(Installer.install(o, jar).upToDate(), "a rebuilt jar reinstalls");
        assertEquals("jar two", Files.readString(dir.resolve("dltheory-kernel.jar")));
        assertTrue(Installer.install(o, jar).upToDate());

        InstallOptions heap = InstallOptions.parse(List.of("--prefix", prefix, "--no-cds", "--jvm-option", "-Xmx2g"),
                Map.of(), tmp, "/opt/jdk/bin/java");
        assertFalse(Installer.install(heap, jar).upToDate(), "other JVM options reinstall");
        assertTrue(Files.readString(dir.resolve("kernel.json")).contains("-Xmx2g"));
        InstallOptions otherJava = InstallOptions.parse(List.of("--prefix", prefix, "--no-cds", "--jvm-option", "-Xmx2g"),
                Map.of(), tmp, "/opt/jdk21/bin/java");
        assertFalse(Installer.install(otherJava, jar).upToDate(), "another java reinstalls");

        Files.delete(dir.resolve("kernel.json"));
        assertFalse(Installer.install(otherJava, jar).upToDate(), "a missing kernel.json reinstalls");
        assertTrue(Files.exists(dir.resolve("kernel.json")));
    }
}
