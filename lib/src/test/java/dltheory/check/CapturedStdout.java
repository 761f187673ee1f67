package dltheory.check;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Captures what a test prints (the ✓ lines of check cells): register it with
 * {@code @RegisterExtension final CapturedStdout stdout = new CapturedStdout();} and read
 * {@link #text()}. System.out is restored after each test.
 */
public final class CapturedStdout implements BeforeEachCallback, AfterEachCallback {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream saved;

    @Override
    public void beforeEach(ExtensionContext context) {
        saved = System.out;
        out.reset();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setOut(saved);
    }

    /** Everything printed so far in this test. */
    public String text() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
