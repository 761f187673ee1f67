package dltheory.kernel.runtime;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;

import java.util.Objects;
import java.util.UUID;

/**
 * The functions every cell can call without qualification (the kernel runs
 * {@code import static dltheory.kernel.runtime.Notebook.*;} at start-up). The names and signatures are
 * IJava's and JJava's, so notebooks run unchanged on those kernels.
 */
public final class Notebook {
    private static volatile Renderer renderer;
    private static volatile DisplaySink sink;

    private Notebook() {
    }

    /** Connects the functions to a running kernel. Called once by the kernel. */
    public static void connect(Renderer kernelRenderer, DisplaySink kernelSink) {
        renderer = Objects.requireNonNull(kernelRenderer);
        sink = Objects.requireNonNull(kernelSink);
    }

    private static Renderer renderer() {
        return Objects.requireNonNull(renderer, "no kernel is running");
    }

    /** Renders an object with the kernel's renderer registry into all the types it prefers. */
    public static DisplayData render(Object o) {
        return renderer().render(o);
    }

    /** Renders an object as the given MIME types (e.g. {@code "text/html"}, {@code "image/png"}). */
    public static DisplayData render(Object o, String... mimeTypes) {
        return renderer().renderAs(o, mimeTypes);
    }

    /** Shows an object in the cell's output now; returns its display id for {@link #updateDisplay}. */
    public static String display(Object o) {
        return publish(o instanceof DisplayData d ? d : render(o));
    }

    /** Shows an object rendered as the given MIME types; returns its display id. */
    public static String display(Object o, String... mimeTypes) {
        return publish(render(o, mimeTypes));
    }

    /** Replaces the output shown under a display id with a new rendering of {@code o}. */
    public static void updateDisplay(String id, Object o) {
        sink.update(id, o instanceof DisplayData d ? d : render(o));
    }

    /** Replaces the output shown under a display id, rendering {@code o} as the given MIME types. */
    public static void updateDisplay(String id, Object o, String... mimeTypes) {
        sink.update(id, render(o, mimeTypes));
    }

    private static String publish(DisplayData data) {
        String id = data.getDisplayId();
        if (id == null) {
            id = UUID.randomUUID().toString();
            data.setDisplayId(id);
        }
        sink.display(data);
        return id;
    }
}
