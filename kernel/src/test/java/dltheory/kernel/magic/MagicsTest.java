package dltheory.kernel.magic;

import dltheory.kernel.eval.CellError;
import dltheory.kernel.eval.Evaluator;
import dltheory.kernel.runtime.MagicException;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MagicsTest {
    @TempDir
    Path dir;
    FakeHost host;
    MagicsRegistry extensions;
    Magics magics;

    @BeforeEach
    void kernel() {
        host = new FakeHost(dir);
        extensions = new MagicsRegistry();
        magics = new Magics(host, extensions, null);
        host.magics = magics;
    }

    @Test
    void theMagicsOfIJavaAreRegistered() {
        assertTrue(magics.lineNames().containsAll(List.of("jars", "classpath", "load", "time", "maven",
                "addMavenDependency", "addMavenDependencies", "mavenRepo", "addMavenRepo", "loadFromPOM")), magics.lineNames().toString());
        assertEquals(List.of("bash", "html", "latex", "loadFromPOM", "markdown", "time", "writefile"), magics.cellNames());
    }

    @Test
    void anUnknownMagicListsTheKnownOnes() {
        CellError e = assertThrows(CellError.class, () -> magics.line(MagicLine.parse("%nope x", 1)));
        assertEquals("UndefinedMagicException", e.ename());
        for (String known : List.of("%jars", "%classpath", "%load", "%time", "%maven", "%mavenRepo", "%%time", "%%loadFromPOM")) {
            assertTrue(e.evalue().contains(known), e.evalue());
        }
        MagicException fromCode = assertThrows(MagicException.class, () -> magics.line("nope", List.of()));
        assertTrue(fromCode.getMessage().startsWith("unknown magic %nope"), fromCode.getMessage());
    }

    @Test
    void jarsAddsTheMatchesAndReturnsTheirPathsButAStandaloneCellShowsNothing() throws Exception {
        Files.createFile(dir.resolve("a.jar"));
        Files.createFile(dir.resolve("b.jar"));
        Evaluator.Result r = magics.line(MagicLine.parse("%jars *.jar", 1));
        assertFalse(r.hasValue());
        assertEquals(List.of(dir.resolve("a.jar"), dir.resolve("b.jar")), host.classpath);
        Object value = magics.line("jars", List.of("a.jar"));
        assertEquals(List.of(dir.resolve("a.jar").toString()), value, "as a value: the added paths");
    }

    @Test
    void aFailingMagicNamesItsLine() {
        CellError e = assertThrows(CellError.class, () -> magics.line(MagicLine.parse("%jars nothing/*.jar", 3)));
        assertEquals("MagicException", e.ename());
        assertTrue(e.evalue().startsWith("%jars: no file matches nothing/*.jar"), e.evalue());
        assertTrue(e.traceback().get(1).contains("line 3"), e.traceback().toString());
        MagicException fromCode = assertThrows(MagicException.class, () -> magics.line("jars", List.of("nothing/*.jar")));
        assertTrue(fromCode.getMessage().startsWith("%jars: no file matches"), fromCode.getMessage());
    }

    @Test
    void timeShowsTheCodesValueAndItsTimes() throws Exception {
        Evaluator.Result r = magics.line(MagicLine.parse("%time 6 * 7", 1));
        assertEquals(new Evaluator.Result(true, "6 * 7"), r);
        String text = (String) host.displayed.get(0).getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN);
        assertTrue(text.matches("(?s)CPU times: user \\d+\\.\\d{3} s, sys \\d+\\.\\d{3} s, total \\d+\\.\\d{3} s\\RWall time: \\d+\\.\\d{3} s"), text);
        assertEquals(new Evaluator.Result(true, "int x = 1;"), magics.cell(MagicLine.parse("%%time", 1), "\nint x = 1;"));
        assertEquals(2, host.displayed.size());
    }

    @Test
    void timeShowsTheTimesEvenWhenTheCodeFails() {
        assertThrows(CellError.class, () -> magics.cell(MagicLine.parse("%%time", 1), "\nthrow boom"));
        assertEquals(1, host.displayed.size());
    }

    @Test
    void codeErrorsInsideAMagicKeepTheirShapeOrBecomeAMagicExceptionInAnExpression() throws Exception {
        Files.writeString(dir.resolve("bad.jsh"), "throw here");
        CellError e = assertThrows(CellError.class, () -> magics.line(MagicLine.parse("%load bad", 1)));
        assertEquals("IllegalStateException", e.ename());
        MagicException m = assertThrows(MagicException.class, () -> magics.line("load", List.of("bad")));
        assertEquals("%load: IllegalStateException: throw here", m.getMessage());
    }

    @Test
    void extensionMagicsAreFoundInJJavasRegistry() throws Exception {
        LineMagic<String, ?> shout = (kernel, args) -> String.join(" ", args).toUpperCase();
        extensions.registerLineMagic("shout", shout);
        extensions.<String>registerCellMagic("count", (kernel, args, body) -> body.length());
        assertTrue(magics.lineNames().contains("shout"));
        assertTrue(magics.cellNames().contains("count"));
        assertEquals(new Evaluator.Result(true, "HI THERE"), magics.line(MagicLine.parse("%shout hi there", 1)));
        assertEquals("HI", magics.line("shout", List.of("hi")));
        assertEquals(new Evaluator.Result(true, 3), magics.cell(MagicLine.parse("%%count", 1), "\nabc"),
                "the body without the padding line");
    }

    @Test
    void aBuiltInNameWinsOverAnExtensionsAndTheRegistryCanReplaceIt() throws Exception {
        magics.registerLine("time", true, args -> "mine");
        assertEquals("mine", magics.line("time", List.of()));
    }

    @Test
    void mavenArgumentsAreCheckedBeforeAnythingIsResolved() {
        MagicException none = assertThrows(MagicException.class, () -> magics.line("maven", List.of()));
        assertTrue(none.getMessage().contains("no coordinate given"), none.getMessage());
        MagicException flag = assertThrows(MagicException.class, () -> magics.line("maven", List.of("--nope", "g:a:1")));
        assertTrue(flag.getMessage().startsWith("%maven: "), flag.getMessage());
        MagicException repo = assertThrows(MagicException.class, () -> magics.line("mavenRepo", List.of("only-an-id")));
        assertTrue(repo.getMessage().startsWith("%mavenRepo: "), repo.getMessage());
        MagicException pom = assertThrows(MagicException.class, () -> magics.line("loadFromPOM", List.of("absent.xml")));
        assertTrue(pom.getMessage().contains("no file"), pom.getMessage());
    }

    @Test
    void mavenRepoHasNoValue() {
        assertNull(magics.line("mavenRepo", List.of("extra", dir.toUri().toString())));
    }
}
