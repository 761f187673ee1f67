package dltheory.widgets;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs widget callbacks on one thread of their own, never on the kernel's shell thread, coalescing
 * changes: while a callback runs, further changes only mark it due, and it runs once more with the
 * newest values (the last value wins; stale values are never queued).
 */
final class Callbacks {
    private static final ExecutorService THREAD = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "widget-callbacks");
        t.setDaemon(true);
        return t;
    });

    private Callbacks() {
    }

    /** A callback that runs at most once at a time and at least once after each {@link #due()}. */
    static final class Coalesced {
        private final Runnable body;
        private final AtomicBoolean dirty = new AtomicBoolean();
        private final AtomicBoolean scheduled = new AtomicBoolean();

        Coalesced(Runnable body) {
            this.body = body;
        }

        /** Marks the callback due; schedules it unless it is already scheduled. */
        void due() {
            dirty.set(true);
            if (scheduled.compareAndSet(false, true)) {
                THREAD.execute(this::drain);
            }
        }

        private void drain() {
            try {
                while (dirty.getAndSet(false)) {
                    try {
                        body.run();
                    } catch (RuntimeException | LinkageError | StackOverflowError e) {
                        System.err.println("widget callback failed: " + e);
                    }
                }
            } finally {
                scheduled.set(false);
            }
            if (dirty.get() && scheduled.compareAndSet(false, true)) {
                THREAD.execute(this::drain);   // a change arrived between the last check and the reset
            }
        }
    }
}
