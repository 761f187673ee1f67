package dltheory.kernel.runtime;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;

import java.util.List;
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
    private static volatile BaseKernel kernel;
    private static volatile MagicSink magics;
    private static volatile String lastDisplayId;

    private Notebook() {
    }

    /** Connects the functions to a running kernel. Called by the kernel for each notebook it runs. */
    public static void connect(Renderer kernelRenderer, DisplaySink kernelSink) {
        renderer = Objects.requireNonNull(kernelRenderer);
        sink = Objects.requireNonNull(kernelSink);
        lastDisplayId = null;
    }

    /** Connects {@link #getKernelInstance()} and {@link #eval} to a running kernel. Called once by the kernel. */
    public static void connectKernel(BaseKernel running) {
        kernel = Objects.requireNonNull(running);
    }

    /**
     * The running kernel, as IJava's {@code getKernelInstance()}: its renderer registry
     * ({@code getRenderer()}), magics registry and {@code display(DisplayData)}, for code that extends
     * the notebook (a renderer for a type of its own, say).
     */
    public static BaseKernel getKernelInstance() {
        return Objects.requireNonNull(kernel, "no kernel is running");
    }

    /** The running kernel (JJava's newer name for {@link #getKernelInstance()}). */
    public static BaseKernel kernel() {
        return getKernelInstance();
    }

    /**
     * Runs Java source (it may contain line magics) as a cell would, in the same session, and returns the
     * value of its last expression, or null if it has none. Declarations it makes stay defined.
     *
     * @throws IllegalStateException if the source does not compile or throws; the message says why
     */
    public static Object eval(String source) {
        return getKernelInstance().evalRaw(source);
    }

    /** {@code System.out.printf(format, args)}, as in IJava and JJava. */
    public static void printf(String format, Object... args) {
        System.out.printf(format, args);
    }

    /**
     * {@code System.out.println(x)}, except that an array (other than {@code char[]}, which prints as
     * its characters) prints as a cell shows it ({@code double[3] { 1.5, 2.0, 3.0 }}, {@link ArrayText})
     * rather than as {@code [D@25e3a9b8}.
     */
    public static void println(Object x) {
        if (x instanceof char[] chars) {
            System.out.println(chars);
        } else {
            System.out.println(ArrayText.of(x));
        }
    }

    /** {@code System.out.println()}: ends the line. */
    public static void println() {
        System.out.println();
    }

    /** {@code System.out.print(x)}, with arrays printed as {@link #println(Object)} prints them. */
    public static void print(Object x) {
        if (x instanceof char[] chars) {
            System.out.print(chars);
        } else {
            System.out.print(ArrayText.of(x));
        }
    }

    /**
     * True if {@code value} is the very string {@link #display} returned last: a cell that ends with
     * {@code display(x)} shows nothing more (IJava showed the display id as the cell's value).
     */
    public static boolean isLastDisplayId(Object value) {
        return value != null && value == lastDisplayId;
    }

    /** Connects {@link #lineMagic} and {@link #cellMagic} to a running kernel. Called once by the kernel. */
    public static void connectMagics(MagicSink kernelMagics) {
        magics = Objects.requireNonNull(kernelMagics);
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
        lastDisplayId = id;
        return id;
    }

    /**
     * Runs a line magic, as {@code %name args...} does; {@code List<String> jars = %jars lib/*.jar;} in a
     * cell is rewritten to a call of this method. The result is cast to whatever the caller expects,
     * unchecked, as in IJava.
     *
     * @param name the magic's name without {@code %}
     * @param args its arguments
     * @param <T>  the type the caller expects
     * @return the magic's value ({@code %jars}, {@code %maven}: the added files), or null
     * @throws MagicException if the magic fails
     */
    @SuppressWarnings("unchecked")
    public static <T> T lineMagic(String name, List<String> args) {
        return (T) Objects.requireNonNull(magics, "no kernel is running").line(name, args);
    }

    /**
     * Runs a cell magic on {@code body}, as a cell starting with {@code %%name args...} does.
     *
     * @param name the magic's name without {@code %%}
     * @param args the arguments written after the name
     * @param body the text of the cell below the first line
     * @param <T>  the type the caller expects
     * @return the magic's value, or null
     * @throws MagicException if the magic fails
     */
    @SuppressWarnings("unchecked")
    public static <T> T cellMagic(String name, List<String> args, String body) {
        return (T) Objects.requireNonNull(magics, "no kernel is running").cell(name, args, body);
    }
}
