package dltheory.kernel.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Static hooks that the kernel's bytecode rewriter inserts into cell classes.
 *
 * <ul>
 *   <li>{@link #checkpoint()} runs at every loop back-edge and method entry of cell code; it throws
 *       {@link CellInterruptedError} in a thread that the kernel has marked as stopped. This is how a
 *       CPU-bound loop is interrupted on every JDK (Thread.stop is gone since JDK 20).</li>
 *   <li>{@link #exit}, {@link #runtimeExit} and {@link #runtimeHalt} replace calls to
 *       {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt}.</li>
 * </ul>
 */
public final class Guards {
    private static final Set<Thread> STOPPED = ConcurrentHashMap.newKeySet();
    private static volatile boolean anyStopped;

    private Guards() {
    }

    /** Throws {@link CellInterruptedError} if the current thread was stopped by an interrupt. */
    public static void checkpoint() {
        if (anyStopped && STOPPED.contains(Thread.currentThread())) {
            throw new CellInterruptedError();
        }
    }

    /** Marks a thread as stopped: its next checkpoint throws. Called by the kernel on interrupt. */
    public static void stop(Thread thread) {
        STOPPED.add(thread);
        anyStopped = true;
    }

    /** Lets a thread run cell code again. Called by the kernel before each cell. */
    public static void release(Thread thread) {
        STOPPED.remove(thread);
        anyStopped = !STOPPED.isEmpty();
    }

    /** Replacement for {@code System.exit(status)}. */
    public static void exit(int status) {
        throw new ExitNotAllowedException("System.exit", status);
    }

    /** Replacement for {@code runtime.exit(status)}. */
    public static void runtimeExit(Runtime runtime, int status) {
        throw new ExitNotAllowedException("Runtime.exit", status);
    }

    /** Replacement for {@code runtime.halt(status)}. */
    public static void runtimeHalt(Runtime runtime, int status) {
        throw new ExitNotAllowedException("Runtime.halt", status);
    }

    // Reflective look-ups in cell code (the rewriter passes the receiver first): exit and halt of System,
    // Runtime and Shutdown are refused, so they cannot be reached through a Method or a MethodHandle.

    private static boolean stops(Class<?> owner, String name) {
        return (owner == System.class || owner == Runtime.class || owner.getName().equals("java.lang.Shutdown"))
                && (name.equals("exit") || name.equals("halt") || name.equals("beforeHalt"));
    }

    private static void refuse(Class<?> owner, String name) {
        if (stops(owner, name)) {
            throw new ExitNotAllowedException("Looking up " + owner.getSimpleName() + "." + name + " by reflection");
        }
    }

    private static Method[] allowed(Method[] methods) {
        return java.util.Arrays.stream(methods).filter(m -> !stops(m.getDeclaringClass(), m.getName()))
                .toArray(Method[]::new);
    }

    /** Replacement for {@code owner.getMethod(name, types)}. */
    public static Method getMethod(Class<?> owner, String name, Class<?>... types) throws NoSuchMethodException {
        refuse(owner, name);
        return owner.getMethod(name, types);
    }

    /** Replacement for {@code owner.getDeclaredMethod(name, types)}. */
    public static Method getDeclaredMethod(Class<?> owner, String name, Class<?>... types) throws NoSuchMethodException {
        refuse(owner, name);
        return owner.getDeclaredMethod(name, types);
    }

    /** Replacement for {@code owner.getMethods()}: without exit and halt. */
    public static Method[] getMethods(Class<?> owner) {
        return allowed(owner.getMethods());
    }

    /** Replacement for {@code owner.getDeclaredMethods()}: without exit and halt. */
    public static Method[] getDeclaredMethods(Class<?> owner) {
        return allowed(owner.getDeclaredMethods());
    }

    /** Replacement for {@code lookup.findStatic(owner, name, type)}. */
    public static MethodHandle findStatic(MethodHandles.Lookup lookup, Class<?> owner, String name, MethodType type)
            throws NoSuchMethodException, IllegalAccessException {
        refuse(owner, name);
        return lookup.findStatic(owner, name, type);
    }

    /** Replacement for {@code lookup.findVirtual(owner, name, type)}. */
    public static MethodHandle findVirtual(MethodHandles.Lookup lookup, Class<?> owner, String name, MethodType type)
            throws NoSuchMethodException, IllegalAccessException {
        refuse(owner, name);
        return lookup.findVirtual(owner, name, type);
    }

    /** Replacement for {@code lookup.bind(receiver, name, type)}. */
    public static MethodHandle bind(MethodHandles.Lookup lookup, Object receiver, String name, MethodType type)
            throws NoSuchMethodException, IllegalAccessException {
        refuse(receiver.getClass(), name);
        return lookup.bind(receiver, name, type);
    }
}
