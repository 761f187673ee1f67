package dltheory.kernel.eval;

import jdk.jshell.SourceCodeAnalysis.Suggestion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JShell's class-path indexing waits while cells run and resumes once the kernel is idle. */
class IndexingGateTest {
    private static Evaluator ev;

    @BeforeAll
    static void start() throws Exception {
        CellClassLoader loader = new CellClassLoader(IndexingGateTest.class.getClassLoader());
        ev = new Evaluator(loader, new CellRunner(loader, 16L << 20), ApiClasspath.resolve(), List.of("-Xlint:none"));
        ev.start();
    }

    @AfterAll
    static void stop() {
        ev.close();
    }

    @Test
    void heldFromStartUpUntilTheKernelIsIdle() throws Exception {
        IndexingGate gate = ev.indexing();
        assertTrue(gate.works(), "the surefire JVM opens jdk.jshell, as the kernel jar's manifest does");
        ev.cellStarting();
        assertTrue(gate.isHeld());
        ev.cellFinished();
        assertTrue(gate.isHeld(), "released only after " + IndexingGate.IDLE_MILLIS + " ms without a cell");
        ev.cellStarting();
        Thread.sleep(IndexingGate.IDLE_MILLIS + 300);
        assertTrue(gate.isHeld(), "a pending release is cancelled by the next cell");
        ev.cellFinished();
        long deadline = System.nanoTime() + 20_000_000_000L;   // the release is a timer: late on a busy machine
        while (gate.isHeld() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(gate.isHeld(), "released once the kernel has been idle for " + IndexingGate.IDLE_MILLIS + " ms");
    }

    @Test
    void aHeldIndexDoesNotSeeANewJarUntilReleased(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("src/gateprobe/Probe.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package gateprobe; public class Probe {}");
        Path classes = dir.resolve("classes");
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "-d", classes.toString(), source.toString()));

        ev.cellStarting();
        ev.addToClasspath(List.of(classes));
        Thread.sleep(2000);
        assertFalse(packagesCompleting("import gatepr").contains("gateprobe."),
                "JShell indexed the new folder while a cell was running");
        ev.cellFinished();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!packagesCompleting("import gatepr").contains("gateprobe.") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(packagesCompleting("import gatepr").contains("gateprobe."),
                "the new folder is indexed once the kernel is idle");
    }

    @Test
    void closingWhileHeldLeavesTheSharedIndexerToTheNextShell() throws Exception {
        CellClassLoader loader = new CellClassLoader(IndexingGateTest.class.getClassLoader());
        Evaluator closed = new Evaluator(loader, new CellRunner(loader, 16L << 20), ApiClasspath.resolve(),
                List.of("-Xlint:none"));
        closed.start();
        closed.cellStarting();   // held, as while a cell runs
        assertTrue(closed.indexing().isHeld());
        closed.close();
        assertFalse(closed.indexing().isHeld(), "a closed shell still holds JShell's shared indexing thread");
    }

    private static List<String> packagesCompleting(String code) {
        return ev.analysis().completionSuggestions(code, code.length(), new int[1]).stream()
                .map(Suggestion::continuation).toList();
    }
}
