package dltheory.linalg;

import java.lang.reflect.Method;
import java.util.List;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import dev.ludovic.netlib.blas.NativeBLAS;

/**
 * Each of netlib's BLAS implementations, chosen explicitly: the native one through JNI
 * ({@link NativeBLAS#getInstance()}), the Vector API one ({@link JavaBLAS#getInstance()} when
 * {@code jdk.incubator.vector} is loaded, as surefire's argLine does), and the plain-Java ones
 * netlib falls back to (its classes are package-private, so they are reached by name).
 */
public final class BlasPaths {

    /** The paths by netlib class name, native first. */
    public static final List<String> NAMES = List.of("JNIBLAS", "VectorBLAS", "Java11BLAS", "F2jBLAS");

    private BlasPaths() {
    }

    /** The implementation {@code name} (one of {@link #NAMES}); throws if it cannot be loaded here. */
    public static BLAS named(String name) {
        switch (name) {
            case "JNIBLAS":
                return NativeBLAS.getInstance();
            case "VectorBLAS":
                return JavaBLAS.getInstance();
            case "Java11BLAS":
            case "F2jBLAS":
                return byClassName("dev.ludovic.netlib.blas." + name);
            default:
                throw new IllegalArgumentException("name must be one of " + NAMES + ", got " + name);
        }
    }

    private static BLAS byClassName(String className) {
        try {
            Method getInstance = Class.forName(className).getDeclaredMethod("getInstance");
            getInstance.setAccessible(true);
            return (BLAS) getInstance.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load " + className, e);
        }
    }
}
