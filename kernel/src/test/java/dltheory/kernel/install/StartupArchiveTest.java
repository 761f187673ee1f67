package dltheory.kernel.install;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartupArchiveTest {
    private static final String JDK17 = """
            [Global flags]
                ccstr ArchiveClassesAtExit                     =                                           {product} {default}
                 bool UseSerialGC                              = false                                     {product} {default}
            openjdk version "17.0.15" 2025-04-15
            """;
    private static final String JDK25 = """
            [Global flags]
                ccstr AOTCache                                 =                                           {product} {default}
                ccstr AOTCacheOutput                           =                                           {product} {default}
                ccstr ArchiveClassesAtExit                     =                                           {product} {default}
            """;

    @Test
    void aJdkWithAnAotCacheGetsOneAndOlderJdksADynamicArchive() {
        assertEquals(Optional.of(StartupArchive.AOT_CACHE), StartupArchive.fromFlags(JDK25));
        assertEquals(Optional.of(StartupArchive.DYNAMIC_CDS), StartupArchive.fromFlags(JDK17));
        assertEquals(Optional.empty(), StartupArchive.fromFlags("    bool UseSerialGC = false {product} {default}\n"));
        assertEquals(Optional.empty(), StartupArchive.fromFlags("Error: could not create the Java Virtual Machine.\n"));
    }

    @Test
    void theRunningJdkIsAskedForItsFlags() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StartupArchive expected = Runtime.version().feature() >= 25 ? StartupArchive.AOT_CACHE : StartupArchive.DYNAMIC_CDS;
        assertEquals(Optional.of(expected), StartupArchive.supportedBy(java));
        assertEquals(Optional.empty(), StartupArchive.supportedBy("/nonexistent/bin/java"));
    }

    @Test
    void recordAndUseOptionsNameTheSameFile() {
        Path dir = Path.of("/k/java");
        Path aot = StartupArchive.AOT_CACHE.file(dir);
        assertEquals(List.of("-XX:AOTCacheOutput=/k/java/dltheory-kernel.aot", "-Ddltheory.warmup.rounds=40"),
                StartupArchive.AOT_CACHE.recordOptions(aot));
        assertEquals("-XX:AOTCache=/k/java/dltheory-kernel.aot", StartupArchive.AOT_CACHE.useOption(aot));
        Path jsa = StartupArchive.DYNAMIC_CDS.file(dir);
        assertTrue(StartupArchive.DYNAMIC_CDS.recordOptions(jsa).contains("-XX:ArchiveClassesAtExit=/k/java/dltheory-kernel.jsa"));
        assertEquals("-XX:SharedArchiveFile=/k/java/dltheory-kernel.jsa", StartupArchive.DYNAMIC_CDS.useOption(jsa));
    }
}
