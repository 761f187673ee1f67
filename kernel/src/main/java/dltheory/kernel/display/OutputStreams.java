package dltheory.kernel.display;

import dltheory.kernel.server.IoPub;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Replaces {@code System.out} and {@code System.err} with streams that publish to the notebook, and
 * runs the flusher that publishes buffered output every {@link #FLUSH_MILLIS} milliseconds.
 */
public final class OutputStreams {
    /** Maximum delay between a {@code print} and its appearance in the notebook. */
    public static final long FLUSH_MILLIS = 40;

    private final StreamPublisher out;
    private final StreamPublisher err;

    /**
     * @param iopub  where stream messages go
     * @param output the current cell
     */
    public OutputStreams(IoPub iopub, CellOutput output) {
        this.out = new StreamPublisher("stdout", iopub, output);
        this.err = new StreamPublisher("stderr", iopub, output);
    }

    /** Installs the streams as {@code System.out}/{@code System.err} and starts the flusher. */
    public void install() {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "output-flusher");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(this::drain, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Publishes everything written so far (stdout first). */
    public void drain() {
        System.out.flush();
        System.err.flush();
        out.drain();
        err.drain();
    }
}
