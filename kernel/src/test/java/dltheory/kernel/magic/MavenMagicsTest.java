package dltheory.kernel.magic;

import dltheory.kernel.eval.CellError;
import dltheory.kernel.maven.MavenSetup;
import dltheory.kernel.runtime.MagicException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Maven magics on a repository in a temporary folder, or on a local server that never answers. */
class MavenMagicsTest {
    @TempDir
    Path dir;

    private Path settings(String mirrorUrl) throws Exception {
        Path file = dir.resolve("settings.xml");
        Files.writeString(file, """
                <settings><localRepository>%s</localRepository>
                  <mirrors><mirror><id>m</id><url>%s</url><mirrorOf>*</mirrorOf></mirror></mirrors>
                </settings>""".formatted(dir.resolve("local"), mirrorUrl), StandardCharsets.UTF_8);
        return file;
    }

    private Path publish(Path repo, String a) throws Exception {
        Path d = Files.createDirectories(repo.resolve("org/example").resolve(a).resolve("1.0"));
        Files.writeString(d.resolve(a + "-1.0.pom"), "<project><modelVersion>4.0.0</modelVersion><groupId>org.example</groupId>"
                + "<artifactId>" + a + "</artifactId><version>1.0</version></project>");
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(d.resolve(a + "-1.0.jar")))) {
            j.flush();
        }
        return d.resolve(a + "-1.0.jar");
    }

    @Test
    void mavenAddsTheResolvedJarsAsJarsDoes() throws Exception {
        Path repo = dir.resolve("repo");
        publish(repo, "tool");
        Path s = settings(repo.toUri().toString());
        FakeHost host = new FakeHost(dir);
        MavenMagics maven = new MavenMagics(host, () -> new MavenSetup(s, null, null));
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<String> added;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            added = maven.addDependencies(List.of("org.example:tool:1.0", "-v"));
        } finally {
            System.setOut(stdout);
        }
        Path jar = dir.resolve("local/org/example/tool/1.0/tool-1.0.jar");
        assertEquals(List.of(jar.toString()), added);
        assertEquals(List.of(jar), host.classpath);
        String log = printed.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("Downloaded " + repo.toUri() + "org/example/tool/1.0/tool-1.0.jar"), log);
        assertTrue(log.contains("Added " + jar), log);
    }

    @Test
    void mavenSaysInOneLineWhatItAdded() throws Exception {
        Path repo = dir.resolve("repo");
        publish(repo, "tool");
        Path s = settings(repo.toUri().toString());
        MavenMagics maven = new MavenMagics(new FakeHost(dir), () -> new MavenSetup(s, null, null));
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            maven.addDependencies(List.of("org.example:tool:1.0"));
        } finally {
            System.setOut(stdout);
        }
        assertEquals("Added to the class path: org.example:tool:1.0" + System.lineSeparator(),
                printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theSummaryNamesArtifactsByCoordinates() {
        Path local = dir.resolve("local");
        Path math = local.resolve("org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar");
        Path natives = local.resolve("org/example/native/2.0/native-2.0-linux-x86_64.jar");
        assertEquals("Added to the class path: org.apache.commons:commons-math3:3.6.1, org.example:native:2.0:linux-x86_64, "
                        + "other.jar", MavenMagics.summary(List.of(math, natives, dir.resolve("elsewhere/other.jar")), local));
    }

    @Test
    void loadFromPomCellTakesAFragment() throws Exception {
        Path repo = dir.resolve("repo");
        publish(repo, "tool");
        Path s = settings(repo.toUri().toString());
        FakeHost host = new FakeHost(dir);
        MavenMagics maven = new MavenMagics(host, () -> new MavenSetup(s, null, null));
        List<String> added = maven.loadFromPom(List.of(), """

                <dependencies>
                  <dependency><groupId>org.example</groupId><artifactId>tool</artifactId><version>1.0</version></dependency>
                </dependencies>""");
        assertEquals(List.of(dir.resolve("local/org/example/tool/1.0/tool-1.0.jar").toString()), added);
        MagicException bad = assertThrows(MagicException.class, () -> maven.loadFromPom(List.of(), "<dependency>"));
        assertTrue(bad.getMessage().startsWith("%%loadFromPOM: the cell is not well-formed XML"), bad.getMessage());
    }

    @Test
    @Timeout(20)
    void anInterruptStopsWaitingForARepositoryThatDoesNotAnswer() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // accepts and never answers
                    }
                } catch (Exception closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Path s = settings("http://127.0.0.1:" + silent.getLocalPort() + "/maven2/");
            FakeHost host = new FakeHost(dir);
            MavenMagics maven = new MavenMagics(host, () -> new MavenSetup(s, null, null));
            Thread interrupter = new Thread(() -> {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
                host.interrupted = true;
            });
            interrupter.start();
            long start = System.nanoTime();
            CellError e = assertThrows(CellError.class, () -> maven.addDependencies(List.of("org.example:slow:1.0")));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals("InterruptedException", e.ename());
            assertTrue(e.evalue().startsWith("interrupted while %maven"), e.evalue());
            assertTrue(seconds < 5, "stopped " + seconds + " s after the start, the interrupt came at 0.5 s");
            assertTrue(host.classpath.isEmpty());
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
