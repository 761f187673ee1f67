package dltheory.kernel.handlers;

import com.google.gson.JsonObject;
import dltheory.kernel.NotebookKernel;
import dltheory.kernel.server.Request;

/**
 * Session-level requests: {@code interrupt_request} and {@code shutdown_request}.
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
