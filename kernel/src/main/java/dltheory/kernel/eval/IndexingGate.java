package dltheory.kernel.eval;

import dltheory.kernel.server.Log;
import jdk.jshell.SourceCodeAnalysis;

import java.lang.reflect.Method;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Lets JShell index the class path only while the kernel is idle.
 *
 * <p>JShell builds an index of every class of the JDK and of every added jar (it lists package names
 * for completion and finds the import that an unknown class name needs). It does so on a background
 * thread as soon as its source analysis is created and again after each {@code %jars}: seconds of CPU,
 * plus the JIT compiling the file-walking code. On a 2-core machine that core is taken from the cells
 * (the start-up imports, a multi-threaded matrix product). JShell's analysis can suspend the indexing
 * between two class-path entries ({@code suspendIndexing}/{@code resumeIndexing}, what its own completion
 * does while it runs); this gate holds it while cells run and releases it after {@link #IDLE_MILLIS} ms
 * without a cell. The methods are public on a class that is not, so they are reached by reflection
 * (the kernel jar's manifest opens {@code jdk.jshell}); without access the gate does nothing and JShell
 * indexes whenever it likes, as before.
 */
final class IndexingGate {
    /** Idle time after a cell before JShell may index again. */
    static final long IDLE_MILLIS = 1000;

    private final SourceCodeAnalysis analysis;
    private final Method suspend;
    private final Method resume;
    private final ScheduledExecutorService timer;
    private boolean held;
    private long generation;

    private IndexingGate(SourceCodeAnalysis analysis, Method suspend, Method resume) {
        this.analysis = analysis;
        this.suspend = suspend;
        this.resume = resume;
        this.timer = suspend == null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jshell-indexing-gate");
            t.setDaemon(true);
            return t;
        });
    }

    /** The gate of {@code analysis}, or one that does nothing if JShell's methods are not reachable. */
    static IndexingGate of(SourceCodeAnalysis analysis) {
        try {
            Method s = analysis.getClass().getMethod("suspendIndexing");
            Method r = analysis.getClass().getMethod("resumeIndexing");
            s.setAccessible(true);
            r.setAccessible(true);
            return new IndexingGate(analysis, s, r);
        } catch (ReflectiveOperationException | RuntimeException e) {
            Log.debug("JShell's indexing cannot be held (" + e + "); it runs whenever JShell starts it");
            return new IndexingGate(analysis, null, null);
        }
    }

    /** True if this gate can hold JShell's indexing. */
    boolean works() {
        return suspend != null;
    }

    /** True while the indexing is held. */
    synchronized boolean isHeld() {
        return held;
    }

    /** Holds the indexing (before a cell runs); cancels a pending release. */
    synchronized void hold() {
        generation++;
        if (!held && suspend != null) {
            call(suspend);
            held = true;
        }
    }

    /** Releases the indexing after {@link #IDLE_MILLIS} ms unless {@link #hold()} is called before. */
    synchronized void releaseWhenIdle() {
        if (held) {
            long g = ++generation;
            timer.schedule(() -> release(g), IDLE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void release(long g) {
        if (held && g == generation) {
            call(resume);
            held = false;
        }
    }

    private void call(Method m) {
        try {
            m.invoke(analysis);
        } catch (ReflectiveOperationException | RuntimeException e) {
            Log.debug("JShell's " + m.getName() + " failed: " + e);
        }
    }

    /**
     * Resumes the indexing if it is held, then stops the timer thread. JShell indexes on one thread
     * shared by every JShell of the JVM: an instance closed while held (before its pending release ran)
     * would leave that thread waiting, and no later JShell's class path would ever be indexed.
     */
    synchronized void close() {
        if (held) {
            call(resume);
            held = false;
        }
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
