package dltheory.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KernelSettingsTest {
    @TempDir
    Path dir;

    @Test
    void noVariablesMeansNoSettings() {
        KernelSettings s = KernelSettings.from(Map.of(), dir);
        assertEquals(KernelSettings.NONE, s);
        assertFalse(s.hasStartup());
    }

    @Test
    void ijavaNamesAreRead() throws Exception {
        Files.writeString(dir.resolve("a.jar"), "");
        Files.writeString(dir.resolve("b.jar"), "");
        Files.writeString(dir.resolve("one.jsh"), "int one = 1;");
        KernelSettings s = KernelSettings.from(Map.of(
                "IJAVA_COMPILER_OPTS", "-Xlint:all  -Dx=\"a b\"",
                "IJAVA_CLASSPATH", "*.jar" + File.pathSeparator + "missing.jar",
                "IJAVA_STARTUP_SCRIPTS_PATH", "*.jsh",
                "IJAVA_STARTUP_SCRIPT", "int two = 2;",
                "IJAVA_TIMEOUT", "1500"), dir);
        assertEquals(List.of("-Xlint:all", "-Dx=a b"), s.compilerOptions());
        assertEquals(List.of(dir.resolve("a.jar"), dir.resolve("b.jar")), s.classpathEntries(dir));
        assertEquals(List.of("int one = 1;", "int two = 2;"), s.startupSnippets(), "files first, then the script");
        assertEquals(Duration.ofMillis(1500), s.timeout());
        assertTrue(s.hasStartup());
    }

    @Test
    void jjavaNamesWinOverIjavaNames() {
        KernelSettings s = KernelSettings.from(Map.of(
                "IJAVA_TIMEOUT", "5", "JJAVA_TIMEOUT", "2 SECONDS",
                "IJAVA_STARTUP_SCRIPT", "int i = 1;", "JJAVA_STARTUP_SCRIPT", "int j = 1;",
                "JJAVA_COMPILER_OPTS", "-g"), dir);
        assertEquals(Duration.ofSeconds(2), s.timeout());
        assertEquals(List.of("int j = 1;"), s.startupSnippets());
        assertEquals(List.of("-g"), s.compilerOptions());
    }

    @Test
    void timeoutBelowOneMeansNone() {
        assertEquals(Duration.ZERO, KernelSettings.timeout(Map.of("IJAVA_TIMEOUT", "-1")));
        assertEquals(Duration.ZERO, KernelSettings.timeout(Map.of("IJAVA_TIMEOUT", "0")));
        assertEquals(Duration.ofMinutes(3), KernelSettings.timeout(Map.of("IJAVA_TIMEOUT", "3 minutes")));
    }

    @Test
    void badTimeoutNamesTheVariable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KernelSettings.timeout(Map.of("JJAVA_TIMEOUT", "soon")));
        assertTrue(e.getMessage().contains("JJAVA_TIMEOUT"), e.getMessage());
        IllegalArgumentException unit = assertThrows(IllegalArgumentException.class,
                () -> KernelSettings.timeout(Map.of("IJAVA_TIMEOUT", "3 fortnights")));
        assertTrue(unit.getMessage().contains("IJAVA_TIMEOUT") && unit.getMessage().contains("fortnights"));
    }

    @Test
    void optionsSplitLikeAShell() {
        assertEquals(List.of("-a", "b c", "d\"e"), KernelSettings.splitOptions("  -a \"b c\"\td\\\"e "));
        assertEquals(List.of(), KernelSettings.splitOptions("   "));
    }
}
