package dltheory.kernel.server;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dltheory.kernel.wire.Codec;
import dltheory.kernel.wire.Message;
import org.zeromq.ZMQ;

import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * The stdin channel: asks the front end for a line typed by the user ({@code input_request}) and waits
 * for its {@code input_reply} (the first one that arrives: jupyter_client's {@code input()} sends it
 * without a parent header). The request goes to the identities of the cell's {@code execute_request}
 * (a front end's stdin socket carries the same identity as its shell socket), with that request as
 * parent, so the front end shows the input box under the right cell.
 *
 * <p>The socket is used by one thread of its own only: the cell's thread waits for the answer, so an
 * interrupt of the cell (which interrupts its thread) never reaches ZeroMQ's channels, which an
 * interrupt would close.
 */
public final class Stdin {
    private static final long POLL_MILLIS = 100;

    private final ZMQ.Socket socket;
    private final Codec codec;
    private final Session session;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "stdin");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param socket  the bound stdin ROUTER socket, with a receive timeout
     * @param codec   message codec
     * @param session the kernel session
     */
    public Stdin(ZMQ.Socket socket, Codec codec, Session session) {
        this.socket = socket;
        this.codec = codec;
        this.session = session;
    }

    /**
     * Sends an {@code input_request} (empty prompt) and waits for the {@code input_reply}.
     *
     * @param executeRequest the running cell's request
     * @param checkpoint     run every {@value #POLL_MILLIS} ms while waiting; throws to abandon the wait
     *                       (the kernel's check for an interrupted cell)
     * @param wanted         checked every {@value #POLL_MILLIS} ms; false abandons the wait (the cell has
     *                       ended, e.g. the reader is a thread the cell started)
     * @return the text the user entered (without a line end), or null if the wait was abandoned
     * @throws InterruptedIOException if the waiting thread is interrupted and the checkpoint did not throw
     */
    public String readLine(Message executeRequest, Runnable checkpoint, BooleanSupplier wanted)
            throws InterruptedIOException {
        CompletableFuture<String> answer = new CompletableFuture<>();
        thread.execute(() -> exchange(executeRequest, answer));
        try {
            while (true) {
                try {
                    return answer.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    checkpoint.run();
                    if (!wanted.getAsBoolean()) {
                        return null;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            checkpoint.run();
            throw new InterruptedIOException("interrupted while waiting for input");
        } catch (ExecutionException e) {
            throw new IllegalStateException("stdin channel failed: " + e.getCause(), e.getCause());
        } finally {
            answer.cancel(false);
        }
    }

    /** On the stdin thread: sends the request and reads replies until the answer comes or the wait is abandoned. */
    private void exchange(Message executeRequest, CompletableFuture<String> answer) {
        try {
            JsonObject content = new JsonObject();
            content.addProperty("prompt", "");   // the prompt is what the cell printed before reading
            content.addProperty("password", false);
            // Replies to an earlier request that was abandoned (an interrupted cell) are stale.
            codec.readAllWaiting(socket);
            codec.write(socket, session.reply(executeRequest, "input_request", content));
            while (!answer.isDone()) {
                Codec.Read read = codec.read(socket);
                if (read instanceof Codec.Rejected rejected) {
                    Log.warn("stdin: dropped a message: " + rejected.reason());
                } else if (read instanceof Codec.Received received && received.message().type().equals("input_reply")) {
                    JsonElement value = received.message().content().get("value");
                    answer.complete(value == null || value.isJsonNull() ? "" : value.getAsString());
                }
            }
        } catch (Throwable e) {
            Log.warn("stdin: " + e);
            answer.completeExceptionally(e);
        }
    }
}
