package dltheory.kernel.server;

import com.google.gson.JsonObject;
import dltheory.kernel.wire.Codec;
import dltheory.kernel.wire.Message;
import org.zeromq.ZMQ;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Set;

/**
 * A ROUTER socket (shell or control) with its own thread: a blocking receive loop that dispatches
 * requests to handlers. Owning the loop means a request is picked up as soon as it arrives (no polling
 * sleep). Each request is wrapped in busy/idle status messages; handler exceptions become error replies;
 * unknown {@code *_request} types get an error reply, so no request is left unanswered.
 */
public final class Channel implements Runnable {
    private final String name;
    private final ZMQ.Socket socket;
    private final Codec codec;
    private final Session session;
    private final IoPub iopub;
    private final Map<String, Handler> handlers;
    private final ArrayDeque<Message> held = new ArrayDeque<>();
    private final ArrayDeque<Message> deferred = new ArrayDeque<>();
    private volatile Set<String> pumped = Set.of();
    private volatile Thread thread;
    private Message current;
    private volatile boolean running = true;

    /**
     * @param name     thread name
     * @param socket   bound ROUTER socket with a receive timeout
     * @param codec    message codec
     * @param session  the kernel session
     * @param iopub    the publisher
     * @param handlers handlers by request type
     */
    public Channel(String name, ZMQ.Socket socket, Codec codec, Session session, IoPub iopub,
                   Map<String, Handler> handlers) {
        this.name = name;
        this.socket = socket;
        this.codec = codec;
        this.session = session;
        this.iopub = iopub;
        this.handlers = handlers;
    }

    /** Starts the loop on a new thread. */
    public Thread start() {
        Thread t = new Thread(this, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Asks the loop to end after the current request. */
    public void stop() {
        running = false;
    }

    /**
     * The receive loop. Nothing a message holds ends it: whatever a request throws, even an {@code Error},
     * is logged and the loop goes on (a dead channel thread would leave a kernel whose heartbeat answers
     * but which never replies again). It ends on {@link #stop()} or when ZeroMQ's context is closed.
     */
    @Override
    public void run() {
        thread = Thread.currentThread();
        while (running) {
            try {
                Message message = deferred.isEmpty() ? accepted(codec.read(socket)) : deferred.poll();
                if (message != null) {
                    dispatch(message, handlers.get(message.type()));
                    answerHeld();
                }
            } catch (Throwable e) {
                if (!running || closed(e)) {
                    return;
                }
                Log.warn(name + ": request failed, channel continues: " + e);
                held.clear();
                deferred.clear();
                pause();   // a socket that fails at every receive must not spin a core
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException ignored) {
            // the loop checks running
        }
    }

    /** True if {@code e} says the socket or its context is closed (the kernel is shutting down). */
    static boolean closed(Throwable e) {
        return e instanceof org.zeromq.ZMQException z && (z.getErrorCode() == ZMQ.Error.ETERM.getCode()
                || z.getErrorCode() == ZMQ.Error.ENOTSOCK.getCode())
                || e instanceof java.nio.channels.ClosedSelectorException;
    }

    /** The message read, or null (nothing arrived, or a message was dropped: logged). */
    private Message accepted(Codec.Read read) {
        if (read instanceof Codec.Rejected rejected) {
            Log.warn(name + ": dropped a message: " + rejected.reason());
        }
        return read instanceof Codec.Received received ? received.message() : null;
    }

    /**
     * Takes the requests already waiting on the socket, to be answered after the current one
     * ({@link #answerHeld()}). Called by a failing cell with {@code stop_on_error}, before its error reply:
     * only the cells queued at that moment (e.g. by "Run All") are aborted, never one sent after the
     * client saw the error.
     */
    void holdWaiting() {
        held.addAll(deferred);
        deferred.clear();
        for (Codec.Read read : codec.readAllWaiting(socket)) {
            Message message = accepted(read);
            if (message != null) {
                held.add(message);
            }
        }
    }

    /**
     * Messages of these types are handled while a request is still being handled ({@link #pump()});
     * for the comm messages, so that widgets work while a cell runs.
     */
    public void pumpTypes(Set<String> types) {
        pumped = Set.copyOf(types);
    }

    /**
     * Called on this channel's thread while it waits for a long request (a running cell): handles the
     * waiting messages of the {@link #pumpTypes} at once and keeps the others, in order, for after the
     * current request. Does nothing on another thread.
     */
    public void pump() {
        if (Thread.currentThread() != thread || pumped.isEmpty()) {
            return;
        }
        for (Codec.Read read : codec.readAllWaiting(socket)) {
            Message message = accepted(read);
            if (message == null) {
                continue;
            }
            if (pumped.contains(message.type())) {
                Message outer = current;
                dispatch(message, handlers.get(message.type()));
                current = outer;
                // the nested message's idle told front ends the kernel was idle (JupyterLab shows the last
                // status whatever its parent): the request still running is busy again
                iopub.status(outer, "busy");
            } else {
                deferred.add(message);
            }
        }
    }

    /** Held {@code execute_request}s are answered {@code aborted} without running, as IPython does; other held requests are handled. */
    private void answerHeld() {
        while (!held.isEmpty()) {
            Message message = held.poll();
            dispatch(message, message.type().equals("execute_request") ? Channel::abort : handlers.get(message.type()));
        }
    }

    private static void abort(Request request) {
        JsonObject aborted = new JsonObject();
        aborted.addProperty("status", "aborted");
        request.reply("execute_reply", aborted);
    }

    private void dispatch(Message message, Handler handler) {
        String type = message.type();
        if (handler == null && !type.endsWith("_request")) {
            Log.debug(name + ": ignoring " + type);
            return;
        }
        Request request = new Request(message, this, iopub);
        current = message;
        Log.phase(name + ": " + type);
        iopub.status(message, "busy");
        try {
            if (handler == null) {
                throw new UnsupportedOperationException("unsupported request type " + type);
            }
            handler.handle(request);
        } catch (Throwable e) {
            Log.warn(name + ": " + type + " failed: " + e);
            if (!request.replied()) {
                JsonObject error = new JsonObject();
                error.addProperty("status", "error");
                error.addProperty("ename", e.getClass().getSimpleName());
                error.addProperty("evalue", String.valueOf(e.getMessage()));
                error.add("traceback", new com.google.gson.JsonArray());
                request.reply(type.replace("_request", "_reply"), error);
            }
        } finally {
            Log.phase(name + ": " + type + " done");
            iopub.status(message, "idle");
        }
    }

    /** Sends a reply to {@code parent}; only called from this channel's thread. */
    void send(Message parent, String type, JsonObject content) {
        codec.write(socket, session.reply(parent, type, content));
    }
}
