package dltheory.kernel.input;

import dltheory.kernel.display.OutputStreams;
import dltheory.kernel.runtime.Guards;
import dltheory.kernel.server.Stdin;
import dltheory.kernel.wire.Message;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * {@code System.in} for cells. While a cell whose request allows stdin ({@code allow_stdin}, true in
 * the Notebook and JupyterLab, false under nbconvert) runs, reading it asks the front end for a line
 * ({@link Stdin}): {@code new Scanner(System.in).nextLine()} shows an input box under the cell and
 * returns what the user typed. Otherwise, and between cells, it is at end of input, as for a program
 * started with {@code < /dev/null}. An interrupt ends a wait for input like any other cell code; a wait
 * in a thread the cell started ends at end of input when the cell ends.
 */
public final class CellInput extends InputStream {
    private final Stdin stdin;
    private final OutputStreams streams;
    private volatile Message cell;
    private byte[] line = new byte[0];
    private int next;

    /**
     * @param stdin   the stdin channel
     * @param streams the cell's stdout/stderr, flushed before asking (a prompt printed with
     *                {@code System.out.print} then shows above the input box)
     */
    public CellInput(Stdin stdin, OutputStreams streams) {
        this.stdin = stdin;
        this.streams = streams;
    }

    /** Installs this stream as {@code System.in}. */
    public void install() {
        System.setIn(this);
    }

    /** A cell starts: input may be requested if its request allows it; what an earlier cell left unread is dropped. */
    public synchronized void begin(Message executeRequest, boolean allowStdin) {
        cell = allowStdin ? executeRequest : null;
        line = new byte[0];
        next = 0;
    }

    /** The cell is done: input is at its end until the next cell begins. */
    public void end() {
        cell = null;
    }

    @Override
    public synchronized int read() throws IOException {
        return fill() ? line[next++] & 0xff : -1;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, line.length - next);
        System.arraycopy(line, next, b, off, n);
        next += n;
        return n;
    }

    @Override
    public synchronized int available() {
        return line.length - next;
    }

    /** True if a byte is ready, asking the front end for a new line if needed; false at end of input. */
    private boolean fill() throws IOException {
        if (next < line.length) {
            return true;
        }
        Message request = cell;
        if (request == null) {
            return false;
        }
        streams.drain();
        String value = stdin.readLine(request, Guards::checkpoint, () -> cell == request);
        if (value == null) {
            return false;
        }
        line = (value + "\n").getBytes(StandardCharsets.UTF_8);
        next = 0;
        return true;
    }
}
