package dltheory.kernel.runtime;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * What the kernel offers {@link Comms}: Jupyter comms and output capture, in JDK types only (JSON
 * objects as {@code Map<String, Object>}, arrays as {@code List}, numbers, strings, booleans, null).
 * Implemented by the kernel; cells use {@link Comms}.
 */
public interface CommBackend {
    /** Opens a comm from the kernel ({@code comm_open} on IOPub); returns its id. */
    String open(String target, Map<String, Object> data, Map<String, Object> metadata,
                Consumer<Map<String, Object>> onMessage, Consumer<Map<String, Object>> onClose);

    /** Sends {@code comm_msg} on an open comm; false if it is not open. */
    boolean send(String commId, Map<String, Object> data);

    /** Closes a comm from the kernel ({@code comm_close}). */
    void close(String commId, Map<String, Object> data);

    /**
     * Registers a target for comms the front end opens: {@code onOpen} gets the comm's id and the
     * {@code comm_open} data and returns the handler of its messages, or null to refuse it (the kernel
     * then closes it, as the protocol asks).
     */
    void registerTarget(String target, BiFunction<String, Map<String, Object>, Consumer<Map<String, Object>>> onOpen);

    /**
     * The target names of every {@code comm_open} the front end has sent, whether a target took it or
     * not: a front end that asks for {@code jupyter.widget.version} has the widget manager of ipywidgets
     * 6 or 7, which cannot show protocol 2.1's models.
     */
    java.util.Set<String> frontEndTargets();

    /** Removes a target; comms already open stay open. */
    void unregisterTarget(String target);

    /**
     * Runs {@code body} on the calling thread with everything it prints or displays on that thread
     * captured, and returns the outputs in nbformat's form ({@code stream}, {@code display_data},
     * {@code error}); a non-null value the body returns is rendered and appended as {@code display_data}.
     * An exception is appended as an {@code error} output, not thrown.
     */
    List<Map<String, Object>> capture(Callable<Object> body);
}
