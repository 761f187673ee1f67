package io.github.spencerpark.ijava;

import dltheory.kernel.runtime.Notebook;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;

import java.util.List;
import java.util.Objects;

/**
 * The running kernel as notebooks written for IJava use it ({@link IJava#getKernelInstance()}). The
 * methods have IJava's names and return the kernel's jjava-jupyter objects: the renderer registry, so
 * {@code getRenderer().createRegistration(T.class).preferring(MIMEType.TEXT_HTML).register(...)} works
 * as in IJava (with {@code io.github.spencerpark.jupyter.kernel.display.mime.MIMEType}'s constants), and
 * a magics view whose {@code applyLineMagic}/{@code applyCellMagic} run the kernel's magics.
 */
public final class JavaKernel {
    private final BaseKernel kernel;

    JavaKernel(BaseKernel kernel) {
        this.kernel = Objects.requireNonNull(kernel);
    }

    /** The kernel's renderer registry. */
    public Renderer getRenderer() {
        return kernel.getRenderer();
    }

    /** The kernel's magics, with IJava's {@code applyLineMagic}/{@code applyCellMagic}. */
    public Magics getMagics() {
        return new Magics(kernel);
    }

    /** The same kernel as JJava's {@code getKernelInstance()}/{@code kernel()} gives it. */
    public BaseKernel getKernel() {
        return kernel;
    }

    /** Runs source (magics included) in the session; the value of its last expression, or null. */
    public Object evalRaw(String source) {
        return Notebook.eval(source);
    }

    /** Runs source like {@link #evalRaw} and renders its value; null if it has none. */
    public DisplayData eval(String source) {
        Object value = evalRaw(source);
        return value == null ? null : kernel.getRenderer().render(value);
    }

    /** Publishes display data under the running cell. */
    public void display(DisplayData data) {
        Notebook.display(data);
    }

    /** IJava's magics registry, reduced to running magics and reaching jjava-jupyter's registry. */
    public static final class Magics {
        private final BaseKernel kernel;

        Magics(BaseKernel kernel) {
            this.kernel = kernel;
        }

        /** Runs a line magic, as {@code %name args...}. */
        public <T> T applyLineMagic(String name, List<String> args) {
            return Notebook.lineMagic(name, args);
        }

        /** Runs a cell magic, as a cell starting with {@code %%name args...}. */
        public <T> T applyCellMagic(String name, List<String> args, String body) {
            return Notebook.cellMagic(name, args, body);
        }

        /** jjava-jupyter's registry, where new magics are registered ({@code registerLineMagic(name, (kernel, args) -> ...)}). */
        public org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry getRegistry() {
            return kernel.getMagicsRegistry();
        }
    }
}
