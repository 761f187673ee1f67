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
    private final PrintStream outStream;
    private final PrintStream errStream;

    /**
     * @param iopub  where stream messages go
     * @param output the current cell
     */
    public OutputStreams(IoPub iopub, CellOutput output) {
        this.out = new StreamPublisher("stdout", iopub, output);
        this.err = new StreamPublisher("stderr", iopub, output);
        this.outStream = unclosable(out);
        this.errStream = unclosable(err);
    }

    /** A print stream whose {@code close()} only flushes: a cell's {@code System.out.close()} ends nothing. */
    private static PrintStream unclosable(java.io.OutputStream target) {
        return new PrintStream(target, true, StandardCharsets.UTF_8) {
            @Override
            public void close() {
                flush();
            }
        };
    }

    /**
     * Gives {@code System.out}/{@code System.err} back to the notebook if a cell replaced them
     * ({@code System.setOut}): called before each cell, so a replacement lasts until the end of its cell.
     */
    public void restore() {
        if (System.out != outStream) {
            System.setOut(outStream);
        }
        if (System.err != errStream) {
            System.setErr(errStream);
        }
    }

    /** Installs the streams as {@code System.out}/{@code System.err} and starts the flusher. */
    public void install() {
        restore();
        ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "output-flusher");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(this::drain, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Publishes everything written so far (stdout first). */
    public void drain() {
        outStream.flush();
        errStream.flush();
        out.drain();
        err.drain();
    }
}
