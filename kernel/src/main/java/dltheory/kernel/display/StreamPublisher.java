package dltheory.kernel.display;

import com.google.gson.JsonObject;
import dltheory.kernel.server.IoPub;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * An {@link OutputStream} (behind {@code System.out} or {@code System.err}) that turns bytes into
 * Jupyter {@code stream} messages. Bytes are buffered and published by {@link #drain()}, which the
 * kernel calls every few milliseconds from a flusher thread and before anything else is published, so
 * output appears while a cell runs and in the right order. Incomplete UTF-8 sequences wait for their
 * remaining bytes.
 */
public final class StreamPublisher extends OutputStream {
    private static final int MAX_BUFFER = 1 << 20;

    private final String name;
    private final IoPub iopub;
    private final CellOutput output;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer pending = ByteBuffer.allocate(8192);

    /**
     * @param name   {@code stdout} or {@code stderr}
     * @param iopub  where messages go
     * @param output which cell they belong to
     */
    public StreamPublisher(String name, IoPub iopub, CellOutput output) {
        this.name = name;
        this.iopub = iopub;
        this.output = output;
    }

    @Override
    public void write(int b) {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        OutputCapture capture = OutputCapture.current();
        if (capture != null) {
            capture.write(name, b, off, len);
            return;
        }
        boolean full;
        synchronized (this) {
            if (pending.remaining() < len) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(pending.capacity() * 2, pending.position() + len));
                pending.flip();
                bigger.put(pending);
                pending = bigger;
            }
            pending.put(b, off, len);
            full = pending.position() > MAX_BUFFER;
        }
        if (full) {
            drain();
        }
    }

    /** Publishes buffered text, if any, as one stream message (under the lock, so chunks keep their order). */
    public synchronized void drain() {
        if (pending.position() == 0) {
            return;
        }
        pending.flip();
        CharBuffer chars = CharBuffer.allocate(pending.remaining() + 1);
        decoder.decode(pending, chars, false);
        pending.compact();
        chars.flip();
        if (chars.length() == 0) {
            return;
        }
        JsonObject c = new JsonObject();
        c.addProperty("name", name);
        c.addProperty("text", chars.toString());
        iopub.publish(output.parent(), "stream", c);
    }
}
