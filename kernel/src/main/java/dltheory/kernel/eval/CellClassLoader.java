package dltheory.kernel.eval;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loader of notebook cells.
 *
 * <p>Visibility rules: JDK classes come from the platform loader; the packages in {@link #SHARED}
 * ({@code org.dflib.jjava.jupyter}, the kernel's {@code runtime} package and JShell's runtime support)
 * are delegated to the kernel's loader so cells and kernel share the same {@code Class} objects
 * (renderer registrations, {@code Extension} services); everything else is looked up only in jars and
 * folders added with {@code %jars} / {@code %classpath} and in the cells' own compiled snippets. The
 * kernel's private dependencies (gson, jeromq, slf4j, asm) are therefore invisible to cells.
 */
public final class CellClassLoader extends URLClassLoader {
    /** Package prefixes resolved by the kernel's loader. */
    public static final List<String> SHARED = List.of(
            "org.dflib.jjava.jupyter.", "dltheory.kernel.runtime.", "jdk.jshell.",
            // IJava's entry point and MIME constants by their old names (not IJava's other classes, so
            // that a jar of IJava's own base kernel added by a cell still brings its own)
            "io.github.spencerpark.ijava.IJava", "io.github.spencerpark.ijava.JavaKernel",
            "io.github.spencerpark.jupyter.kernel.display.mime.MIMEType");

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader kernelLoader;
    private final Map<String, byte[]> declared = new ConcurrentHashMap<>();

    /** @param kernelLoader the loader that loaded the kernel (and jjava-jupyter) */
    public CellClassLoader(ClassLoader kernelLoader) {
        super("notebook-cells", new URL[0], ClassLoader.getPlatformClassLoader());
        this.kernelLoader = kernelLoader;
    }

    /** True if {@code className} is shared with the kernel. */
    public static boolean isShared(String className) {
        for (String prefix : SHARED) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isShared(name)) {
            return kernelLoader.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = declared.remove(name);
        if (bytes != null) {
            return defineClass(name, bytes, 0, bytes.length);
        }
        return super.findClass(name);
    }

    /** Registers compiled (already rewritten) snippet bytecode; the class is defined on first use. */
    public void declare(String className, byte[] bytecode) {
        declared.put(className, bytecode);
    }

    /** Adds a jar or a class folder to the cells' class path. */
    public void addPath(Path path) {
        try {
            addURL(path.toAbsolutePath().normalize().toUri().toURL());
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a valid class path entry: " + path, e);
        }
    }
}
