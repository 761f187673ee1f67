package dltheory.kernel;

import dltheory.kernel.server.Log;

import java.util.Optional;

/**
 * Ends the kernel when the process that started it dies, as ipykernel does: jupyter_client puts that
 * process's id in {@code JPY_PARENT_PID}. Without the watch, a kernel whose notebook server was killed
 * (not shut down) would stay alive, orphaned, holding its memory and ports.
 *
 * <p>The JDK watches a process that is not a child of this one by polling it, at most every 5 s, on one
 * of its own threads ({@link ProcessHandle#onExit()}), so the watch costs nothing measurable.
 */
final class ParentWatch {
    private ParentWatch() {
    }

    /**
     * Starts watching.
     *
     * @param parentPid the value of {@code JPY_PARENT_PID}; null, blank or not a positive number: no watch
     * @param onDeath   run once when the parent has exited (or at once if it is already gone)
     * @return true if a parent is watched (or was already gone)
     */
    static boolean start(String parentPid, Runnable onDeath) {
        long pid = parse(parentPid);
        if (pid <= 0) {
            return false;
        }
        Optional<ProcessHandle> parent = ProcessHandle.of(pid);
        if (parent.isEmpty() || !parent.get().isAlive()) {
            Log.warn("the parent process " + pid + " (JPY_PARENT_PID) is gone: shutting down");
            onDeath.run();
            return true;
        }
        parent.get().onExit().thenRun(() -> {
            Log.warn("the parent process " + pid + " (JPY_PARENT_PID) exited: shutting down");
            onDeath.run();
        });
        Log.debug("watching the parent process " + pid);
        return true;
    }

    /** The process id in {@code value}, or -1. */
    static long parse(String value) {
        if (value == null || value.isBlank()) {
            return -1;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
