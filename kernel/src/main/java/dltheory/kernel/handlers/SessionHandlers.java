package dltheory.kernel.handlers;

import com.google.gson.JsonObject;
import dltheory.kernel.NotebookKernel;
import dltheory.kernel.server.Request;

/**
 * Session-level requests: {@code comm_info_request}, {@code comm_open} (no comm targets: closed at once),
 * {@code interrupt_request} and {@code shutdown_request}.
 */
public final class SessionHandlers {
    private final NotebookKernel kernel;
    private final Runnable shutdown;

    /**
     * @param kernel   interrupted on request
     * @param shutdown stops the process after the reply was sent
     */
    public SessionHandlers(NotebookKernel kernel, Runnable shutdown) {
        this.kernel = kernel;
        this.shutdown = shutdown;
    }

    /** No comms are open. */
    public void commInfo(Request r) {
        JsonObject c = Json.ok();
        c.add("comms", new JsonObject());
        r.reply("comm_info_reply", c);
    }

    /** The kernel has no comm targets: answer a {@code comm_open} with {@code comm_close}. */
    public void commOpen(Request r) {
        JsonObject c = new JsonObject();
        c.addProperty("comm_id", Json.text(r.content(), "comm_id", ""));
        c.add("data", new JsonObject());
        r.publish("comm_close", c);
    }

    /** Stops the running cell. */
    public void interrupt(Request r) {
        kernel.interrupt();
        r.reply("interrupt_reply", Json.ok());
    }

    /** Replies, then shuts the kernel down (a restart is done by the client starting a new process). */
    public void shutdown(Request r) {
        JsonObject c = Json.ok();
        c.addProperty("restart", Json.bool(r.content(), "restart", false));
        r.reply("shutdown_reply", c);
        r.iopub().status(r.message(), "idle");
        shutdown.run();
    }
}
