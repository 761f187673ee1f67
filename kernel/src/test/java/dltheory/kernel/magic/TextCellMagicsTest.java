package dltheory.kernel.magic;

import dltheory.kernel.eval.CellError;
import dltheory.kernel.runtime.MagicException;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cell magics and JShell's commands as magics, registered and parsed, without a kernel. */
class TextCellMagicsTest {
    @TempDir
    Path dir;

    private FakeHost host() {
        FakeHost host = new FakeHost(dir);
        host.magics = new Magics(host, null, null);
        return host;
    }

    @Test
    void theNewMagicsAreRegistered() {
        Magics m = host().magics;
        assertTrue(m.lineNames().containsAll(List.of("vars", "methods", "types", "imports", "list", "jshell")));
        assertTrue(m.cellNames().containsAll(List.of("bash", "html", "markdown", "latex", "writefile")));
    }

    @Test
    void displayMagicsPublishTheCellAsTheirType() throws CellError {
        FakeHost host = host();
        for (String[] c : new String[][] {{"html", "text/html"}, {"markdown", "text/markdown"}, {"latex", "text/latex"}}) {
            host.displayed.clear();
            var r = host.magics.cell(MagicLine.parse("%%" + c[0], 1), "\n<i>a</i> $b$\n");
            assertFalse(r.hasValue(), "shown as display_data, not as the cell's result");
            assertEquals("<i>a</i> $b$\n", host.displayed.get(0).getData(MIMEType.parse(c[1])));
        }
    }

    @Test
    void writefileWritesAppendsAndNeedsOneName() throws Exception {
        Magics m = host().magics;
        m.cell(MagicLine.parse("%%writefile out/a.txt", 1), "\none\n");
        m.cell(MagicLine.parse("%%writefile -a out/a.txt", 1), "\ntwo\n");
        assertEquals("one\ntwo\n", Files.readString(dir.resolve("out/a.txt")));
        CellError e = assertThrows(CellError.class, () -> m.cell(MagicLine.parse("%%writefile", 1), "\nx"));
        assertTrue(e.evalue().contains("one file name"), e.evalue());
    }

    @Test
    void bashRunsInTheNotebooksFolderAndFailsOnANonZeroStatus() throws Exception {
        Magics m = host().magics;
        m.cell(MagicLine.parse("%%bash", 1), "\necho hi > made-by-bash.txt\n");
        assertEquals("hi\n", Files.readString(dir.resolve("made-by-bash.txt")));
        CellError e = assertThrows(CellError.class, () -> m.cell(MagicLine.parse("%%bash", 1), "\nexit 4\n"));
        assertTrue(e.evalue().contains("status 4"), e.evalue());
    }

    @Test
    void jshellAliasNeedsAKnownCommand() {
        JShellMagics magics = new JShellMagics(() -> null);
        MagicException e = assertThrows(MagicException.class, () -> magics.jshell(List.of("/drop", "x")));
        assertTrue(e.getMessage().contains("/vars, /methods, /types, /imports, /list"), e.getMessage());
        assertThrows(MagicException.class, () -> magics.jshell(List.of("/vars")), "no session in this host");
    }
}
