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
        refuseHandle(owner, name);
        return lookup.findStatic(owner, name, type);
    }

    /** Replacement for {@code lookup.findVirtual(owner, name, type)}. */
    public static MethodHandle findVirtual(MethodHandles.Lookup lookup, Class<?> owner, String name, MethodType type)
            throws NoSuchMethodException, IllegalAccessException {
        refuseHandle(owner, name);
        return lookup.findVirtual(owner, name, type);
    }

    /** Replacement for {@code lookup.bind(receiver, name, type)}. */
    public static MethodHandle bind(MethodHandles.Lookup lookup, Object receiver, String name, MethodType type)
            throws NoSuchMethodException, IllegalAccessException {
        refuseHandle(receiver.getClass(), name);
        return lookup.bind(receiver, name, type);
    }

    /** Replacement for {@code lookup.findSpecial(owner, name, type, caller)}. */
    public static MethodHandle findSpecial(MethodHandles.Lookup lookup, Class<?> owner, String name, MethodType type,
            Class<?> specialCaller) throws NoSuchMethodException, IllegalAccessException {
        refuseHandle(owner, name);
        return lookup.findSpecial(owner, name, type, specialCaller);
    }

    /** Replacement for {@code lookup.unreflect(method)}. */
    public static MethodHandle unreflect(MethodHandles.Lookup lookup, Method method) throws IllegalAccessException {
        refuseHandle(method.getDeclaringClass(), method.getName());
        return lookup.unreflect(method);
    }

    /** Replacement for {@code lookup.unreflectSpecial(method, caller)}. */
    public static MethodHandle unreflectSpecial(MethodHandles.Lookup lookup, Method method, Class<?> specialCaller)
            throws IllegalAccessException {
        refuseHandle(method.getDeclaringClass(), method.getName());
        return lookup.unreflectSpecial(method, specialCaller);
    }

    // Reflection applied to the reflection API (Class.class.getMethod("getMethod", ...), a handle to
    // Method.invoke): the look-ups above, made through a Method or a MethodHandle, would return the real
    // exit. Every Method.invoke in cell code is checked first (checkInvoke); a method handle to one of
    // the reflective entry points is refused.

    /** The methods through which a Method or MethodHandle for any method can be had or called. */
    private static boolean reflective(Class<?> owner, String name) {
        return owner == Method.class && name.equals("invoke")
                || owner == Class.class && (name.equals("getMethod") || name.equals("getDeclaredMethod")
                        || name.equals("getMethods") || name.equals("getDeclaredMethods"))
                || owner == MethodHandles.Lookup.class && (name.startsWith("find") || name.equals("bind")
                        || name.startsWith("unreflect"));
    }

    private static void refuseHandle(Class<?> owner, String name) {
        refuse(owner, name);
        if (reflective(owner, name)) {
            throw new ExitNotAllowedException("A method handle for " + owner.getSimpleName() + "." + name
                    + " (it could reach System.exit)");
        }
    }

    /**
     * Checks {@code method.invoke(receiver, args)} in cell code before it runs; the call itself then runs in
     * the cell's class, as written (Method.invoke is caller-sensitive: access checks and, for a method such
     * as {@code Class.forName}, the class loader depend on who calls). Refuses a Method for exit or halt
     * however it was found, and the reflective look-ups above when they are themselves called through a
     * Method ({@code Class.class.getMethod("getMethod", ...).invoke(System.class, "exit", ...)}).
     *
     * @return {@code {method, receiver, args}}, which the rewritten call site puts back on its stack
     */
    public static Object[] checkInvoke(Method method, Object receiver, Object[] args) {
        checkCall(method, receiver, args);
        return new Object[] {method, receiver, args};
    }

    /** Replacement for a method reference {@code Method::invoke} (called from here, after the check). */
    public static Object invoke(Method method, Object receiver, Object[] args)
            throws IllegalAccessException, java.lang.reflect.InvocationTargetException {
        checkCall(method, receiver, args);
        return method.invoke(receiver, args);
    }

    private static void checkCall(Method method, Object receiver, Object[] args) {
        Class<?> owner = method.getDeclaringClass();
        String name = method.getName();
        refuse(owner, name);
        Object[] a = args == null ? new Object[0] : args;
        if (owner == Method.class && name.equals("invoke") && receiver instanceof Method inner) {
            checkCall(inner, a.length > 0 ? a[0] : null, a.length > 1 && a[1] instanceof Object[] x ? x : null);
        } else if (owner == Class.class && receiver instanceof Class<?> c) {
            if (name.equals("getMethod") || name.equals("getDeclaredMethod")) {
                if (a.length > 0 && a[0] instanceof String n) {
                    refuse(c, n);
                }
            } else if (name.equals("getMethods") || name.equals("getDeclaredMethods")) {
                refuse(c, "exit");   // their lists hold exit: refused for System, Runtime and Shutdown only
            }
        } else if (owner == MethodHandles.Lookup.class) {
            if ((name.equals("findStatic") || name.equals("findVirtual") || name.equals("findSpecial"))
                    && a.length > 1 && a[0] instanceof Class<?> c && a[1] instanceof String n) {
                refuseHandle(c, n);
            } else if (name.equals("bind") && a.length > 1 && a[0] != null && a[1] instanceof String n) {
                refuseHandle(a[0].getClass(), n);
            } else if (name.startsWith("unreflect") && a.length > 0 && a[0] instanceof Method inner) {
                refuseHandle(inner.getDeclaringClass(), inner.getName());
            }
        }
    }
}
