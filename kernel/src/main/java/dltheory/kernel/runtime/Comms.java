package dltheory.kernel.runtime;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Jupyter comms for code running in the kernel: the channel that widget libraries use
 * ({@code dltheory.widgets} in the notebooks' library reaches it by reflection, so the same library
 * degrades to text in kernels without it). Messages are JSON objects given as
 * {@code Map<String, Object>}.
 *
 * <p>Handlers of incoming messages run on the kernel's shell thread, also while a cell runs (the
 * kernel reads comm messages while it waits for the cell): they must return quickly and hand
 * long work to a thread of their own.
 */
public final class Comms {
    private static volatile CommBackend backend;

    private Comms() {
    }

    /** Connects the comms to a running kernel. Called once by the kernel. */
    public static void connect(CommBackend kernelBackend) {
        backend = Objects.requireNonNull(kernelBackend);
    }

    /** True once a kernel is connected. */
    public static boolean available() {
        return backend != null;
    }

    private static CommBackend backend() {
        return Objects.requireNonNull(backend, "no kernel is running");
    }

    /** See {@link CommBackend#open}. */
    public static String open(String target, Map<String, Object> data, Map<String, Object> metadata,
                              Consumer<Map<String, Object>> onMessage, Consumer<Map<String, Object>> onClose) {
        return backend().open(target, data, metadata, onMessage, onClose);
    }

    /** See {@link CommBackend#send}. */
    public static boolean send(String commId, Map<String, Object> data) {
        return backend().send(commId, data);
    }

    /** See {@link CommBackend#close}. */
    public static void close(String commId, Map<String, Object> data) {
        backend().close(commId, data);
    }

    /** See {@link CommBackend#registerTarget}. */
    public static void registerTarget(String target,
                                      BiFunction<String, Map<String, Object>, Consumer<Map<String, Object>>> onOpen) {
        backend().registerTarget(target, onOpen);
    }

    /** See {@link CommBackend#frontEndTargets}. */
    public static java.util.Set<String> frontEndTargets() {
        return backend().frontEndTargets();
    }

    /** See {@link CommBackend#unregisterTarget}. */
    public static void unregisterTarget(String target) {
        backend().unregisterTarget(target);
    }

    /** See {@link CommBackend#capture}. */
    public static List<Map<String, Object>> capture(Callable<Object> body) {
        return backend().capture(body);
    }
}
