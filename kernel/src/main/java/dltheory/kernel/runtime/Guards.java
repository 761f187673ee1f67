package dltheory.kernel.runtime;

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
}
