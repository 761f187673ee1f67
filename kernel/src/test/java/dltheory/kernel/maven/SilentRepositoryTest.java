package dltheory.kernel.maven;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A repository that accepts connections and never answers: resolution fails in seconds, naming it. */
class SilentRepositoryTest {
    private static final String REQUEST_TIMEOUT = "aether.transport.http.requestTimeout";

    @TempDir
    Path tmp;

    @Test
    void defaultTimeOutsAreSecondsNotMinutes() {
        assertTrue(MavenResolver.CONNECT_TIMEOUT_MS <= 30_000, "connect time-out " + MavenResolver.CONNECT_TIMEOUT_MS);
        assertTrue(MavenResolver.REQUEST_TIMEOUT_MS <= 30_000, "request time-out " + MavenResolver.REQUEST_TIMEOUT_MS);
    }

    @Test
    void aRepositoryThatNeverAnswersFailsQuicklyWithItsAddress() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(server.accept());   // never read, never answered
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/";
            Path settings = TestRepository.settings(tmp.resolve("settings.xml"), tmp.resolve("local"), false, "*", url);
            // the test shortens the request time-out (the property the README names) to stay fast
            System.setProperty(REQUEST_TIMEOUT, "1500");
            try (MavenResolver r = new MavenResolver(new MavenSetup(settings, null, null))) {
                // two files asked (POM, jar), 1.5 s each: ~6 s here, 22 s at a load of 25 on 2 cores. No
                // bound on the time (CI's load varies): without the time-outs the resolver waits 30 minutes
                // and then fails without "no answer within"
                ResolutionException e = assertThrows(ResolutionException.class,
                        () -> r.resolve(List.of("org.example:silent:1.0"), List.of()));
                assertTrue(e.getMessage().contains("127.0.0.1:" + server.getLocalPort()), e.getMessage());
                assertTrue(e.getMessage().contains("no answer within 1.5 s"), e.getMessage());
            } finally {
                System.clearProperty(REQUEST_TIMEOUT);
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }
}
