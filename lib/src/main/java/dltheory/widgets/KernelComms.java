package dltheory.widgets;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The kernel's comm channel ({@code dltheory.kernel.runtime.Comms} of the project's kernel), found by
 * reflection so that this library loads in any kernel: where that class is missing (IJava, JJava, a
 * plain JVM) {@link #get()} is null and widgets show as text.
 */
final class KernelComms {
    private static final KernelComms INSTANCE = find();

    private final MethodHandle open;
    private final MethodHandle send;
    private final MethodHandle close;
    private final MethodHandle registerTarget;
    private final MethodHandle capture;
    private final MethodHandle frontEndTargets;

    private KernelComms(Class<?> comms) throws ReflectiveOperationException {
        MethodHandles.Lookup l = MethodHandles.publicLookup();
        open = l.findStatic(comms, "open", MethodType.methodType(String.class, String.class, Map.class, Map.class,
                Consumer.class, Consumer.class));
        send = l.findStatic(comms, "send", MethodType.methodType(boolean.class, String.class, Map.class));
        close = l.findStatic(comms, "close", MethodType.methodType(void.class, String.class, Map.class));
        registerTarget = l.findStatic(comms, "registerTarget",
                MethodType.methodType(void.class, String.class, BiFunction.class));
        capture = l.findStatic(comms, "capture", MethodType.methodType(List.class, Callable.class));
        frontEndTargets = l.findStatic(comms, "frontEndTargets", MethodType.methodType(java.util.Set.class));
    }

    private static KernelComms find() {
        try {
            Class<?> c = Class.forName("dltheory.kernel.runtime.Comms", true, KernelComms.class.getClassLoader());
            if (!(boolean) c.getMethod("available").invoke(null)) {
                return null;
            }
            return new KernelComms(c);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }

    /** The kernel's comms, or null in a kernel without them. */
    static KernelComms get() {
        return INSTANCE;
    }

    String open(String target, Map<String, Object> data, Map<String, Object> metadata,
                Consumer<Map<String, Object>> onMessage, Consumer<Map<String, Object>> onClose) {
        try {
            return (String) open.invoke(target, data, metadata, onMessage, onClose);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    boolean send(String commId, Map<String, Object> data) {
        try {
            return (boolean) send.invoke(commId, data);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    void close(String commId, Map<String, Object> data) {
        try {
            close.invoke(commId, data);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    void registerTarget(String target, BiFunction<String, Map<String, Object>, Consumer<Map<String, Object>>> onOpen) {
        try {
            registerTarget.invoke(target, onOpen);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> capture(Callable<Object> body) {
        try {
            return (List<Map<String, Object>>) capture.invoke(body);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /**
     * True if the front end has the widget manager of ipywidgets 6 or 7 (it asked for the
     * {@code jupyter.widget.version} comm, which ipywidgets 8's does not), which cannot show protocol
     * 2.1's models: Debian's classic Notebook with {@code python3-ipywidgets} 6 shows an empty output.
     */
    boolean oldFrontEnd() {
        try {
            return ((java.util.Set<?>) frontEndTargets.invoke()).contains("jupyter.widget.version");
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    private static RuntimeException rethrow(Throwable e) {
        if (e instanceof RuntimeException r) {
            return r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(e);
    }
}
