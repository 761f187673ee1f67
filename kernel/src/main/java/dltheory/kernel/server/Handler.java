package dltheory.kernel.server;

/** Handles one type of request. */
@FunctionalInterface
public interface Handler {
    /** Handles the request; must reply (exceptions are turned into error replies). */
    void handle(Request request) throws Exception;
}
