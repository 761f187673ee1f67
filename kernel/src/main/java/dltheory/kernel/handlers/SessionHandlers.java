package dltheory.kernel.handlers;

import com.google.gson.JsonObject;
import dltheory.kernel.server.Request;

/**
 * Session-level requests: {@code interrupt_request}, {@code shutdown_request}, and the kernel's own
 * {@code dltheory_reset_request}, which starts a new notebook in the same process.
 */
public final class SessionHandlers {
    private final Runnable interrupt;
    private final Runnable reset;
    private final Runnable shutdown;

    /**
     * @param interrupt stops the running cell (the current notebook's kernel's {@code interrupt()})
     * @param reset     replaces the notebook's state with that of a new kernel process
     * @param shutdown  stops the process after the reply was sent
     */
    public SessionHandlers(Runnable interrupt, Runnable reset, Runnable shutdown) {
        this.interrupt = interrupt;
        this.reset = reset;
        this.shutdown = shutdown;
    }

    /** Stops the running cell. */
    public void interrupt(Request r) {
        interrupt.run();
        r.reply("interrupt_reply", Json.ok());
    }

    /**
     * Forgets every cell (a new JShell, class loader, history and execution count), then replies
     * {@code dltheory_reset_reply}. Sent on the shell channel, so after the cells before it have run.
     */
    public void reset(Request r) {
        reset.run();
        r.reply("dltheory_reset_reply", Json.ok());
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
