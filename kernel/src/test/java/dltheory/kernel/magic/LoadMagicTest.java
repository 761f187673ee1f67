package dltheory.kernel.magic;

import dltheory.kernel.eval.CellError;
import dltheory.kernel.eval.Evaluator;
import dltheory.kernel.runtime.MagicException;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoadMagicTest {
    @TempDir
    Path dir;
    FakeHost host;
    Magics magics;

    @BeforeEach
    void kernel() {
        host = new FakeHost(dir);
        magics = new Magics(host, new MagicsRegistry(), null);
        host.magics = magics;
    }

    private Evaluator.Result load(String arg) throws CellError {
        return magics.line(MagicLine.parse("%load " + arg, 1));
    }

    @Test
    void aFileAsWritten() throws Exception {
        Files.writeString(dir.resolve("helper.txt"), "int helper = 1;");
        assertEquals(new Evaluator.Result(true, "int helper = 1;"), load("helper.txt"));
    }

    @Test
    void withoutAnExtensionTheJShellAndJavaExtensionsAreTriedInIJavasOrder() throws Exception {
        for (String ext : List.of(".ijava", ".java", ".jshell", ".jsh")) {
            Files.writeString(dir.resolve("util" + ext), "from" + ext);
            assertEquals("from" + ext, load("util").value(), "the first of .jsh, .jshell, .java, .ijava that exists");
        }
    }

    @Test
    void aNotebooksCodeCellsRunInOrderWithTheirMagics() throws Exception {
        Files.createFile(dir.resolve("dep.jar"));
        Files.writeString(dir.resolve("setup.ipynb"), """
                {"cells": [
                  {"cell_type": "markdown", "source": ["# Title\\n"]},
                  {"cell_type": "code", "source": ["%jars dep.jar\\n", "int a = 1;"], "outputs": []},
                  {"cell_type": "raw", "source": "int never = 0;"},
                  {"cell_type": "code", "source": "int b = a + 1;", "outputs": []}
                ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
                """);
        Evaluator.Result r = load("setup");
        assertEquals(List.of("int a = 1;", "int b = a + 1;"), host.ran, "code cells only, .ipynb tried last");
        assertEquals(List.of(dir.resolve("dep.jar")), host.classpath, "the notebook's magics ran");
        assertEquals("int b = a + 1;", r.value(), "the value of the last cell");
    }

    @Test
    void aFailingNotebookCellSaysWhichOne() throws Exception {
        Files.writeString(dir.resolve("bad.ipynb"), """
                {"cells": [{"cell_type": "code", "source": "int ok = 1;"}, {"cell_type": "code", "source": "throw now;"}]}
                """);
        CellError e = assertThrows(CellError.class, () -> load("bad.ipynb"));
        assertTrue(e.traceback().get(e.traceback().size() - 1).contains("code cell 2 of " + dir.resolve("bad.ipynb")), e.traceback().toString());
    }

    @Test
    void aNotebookThatLoadsItselfStops() throws Exception {
        Files.writeString(dir.resolve("loop.ipynb"), """
                {"cells": [{"cell_type": "code", "source": "%load loop.ipynb"}]}
                """);
        CellError e = assertThrows(CellError.class, () -> load("loop.ipynb"));
        assertTrue(e.evalue().contains("already being loaded"), e.evalue());
    }

    @Test
    void codeWithoutAValueShowsNothing() throws Exception {
        Files.writeString(dir.resolve("empty.jsh"), "");
        assertEquals(new Evaluator.Result(false, null), load("empty.jsh"));
    }

    @Test
    void aMissingFileListsTheExtensionsTried() {
        CellError e = assertThrows(CellError.class, () -> load("absent"));
        assertTrue(e.evalue().contains(".jsh, .jshell, .java, .ijava, .ipynb"), e.evalue());
        assertThrows(MagicException.class, () -> magics.line("load", List.of()));
    }

    @Test
    void notANotebook() throws Exception {
        Files.writeString(dir.resolve("broken.ipynb"), "{not json");
        CellError e = assertThrows(CellError.class, () -> load("broken.ipynb"));
        assertTrue(e.evalue().contains("is not a notebook"), e.evalue());
    }
}
