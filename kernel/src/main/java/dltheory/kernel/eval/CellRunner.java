package dltheory.kernel.eval;

import dltheory.kernel.runtime.CellInterruptedError;
import dltheory.kernel.runtime.Guards;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs cell code on a dedicated worker thread and stops it on interrupt.
 *
 * <p>An interrupt (from the control channel thread) marks the worker as stopped for
 * {@link Guards#checkpoint()} and calls {@link Thread#interrupt()}, which ends {@code sleep}/{@code wait}.
 * If the worker has not returned {@link #GRACE_MILLIS} after the interrupt (for instance it is inside
 * library code that loops without checkpoints, or it catches {@code Throwable} around a blocking call),
 * the runner abandons it: the cell fails with {@link CellInterruptedError}, a fresh worker takes over
 * and the old thread is left running at minimum priority with its checkpoints still throwing.
 */
public final class CellRunner {
    /** How long a stopped worker may take to unwind before it is abandoned. */
    public static final long GRACE_MILLIS = 500;

    private static final AtomicInteger WORKERS = new AtomicInteger();

    private final ClassLoader cellLoader;
    private final long stackBytes;
    private volatile Worker worker;
    private volatile long interruptedAt;
    private volatile boolean cellInterrupted;
    private volatile boolean timedOut;
    private volatile long timeoutNanos;
    private volatile Runnable whileWaiting;

    /**
     * @param cellLoader context class loader of the worker thread
     * @param stackBytes stack size of the worker thread (deep recursion in cells)
     */
    public CellRunner(ClassLoader cellLoader, long stackBytes) {
        this.cellLoader = cellLoader;
        this.stackBytes = stackBytes;
        this.worker = newWorker();
    }

    /**
     * Sets the longest run of one top-level snippet ({@code IJAVA_TIMEOUT}); a snippet still running then
     * is stopped as by an interrupt and the cell fails with a timeout. {@link Duration#ZERO}: no limit.
     */
    public void setTimeout(Duration timeout) {
        timeoutNanos = timeout.isNegative() ? 0 : timeout.toNanos();
    }

    /**
     * Something the waiting thread does every 20 ms while a cell runs (the shell channel reads comm
     * messages then, so widgets answer during a long cell). It must not throw.
     */
    public void setWhileWaiting(Runnable task) {
        whileWaiting = task;
    }

    /** The limit of {@link #setTimeout}, zero for none. */
    public Duration timeout() {
        return Duration.ofNanos(timeoutNanos);
    }

    /** True if the running cell was stopped because a snippet ran longer than the timeout. */
    public boolean timedOut() {
        return timedOut;
    }

    /** Clears the interrupt state; call before each cell. */
    public void beginCell() {
        timedOut = false;
        cellInterrupted = false;
        interruptedAt = 0;
        Guards.release(worker.thread);
    }

    /** True if an interrupt arrived since {@link #beginCell()}. */
    public boolean wasInterrupted() {
        return cellInterrupted;
    }

    /** The thread that runs cell code now. */
    public Thread workerThread() {
        return worker.thread;
    }

    /** Requests the running cell to stop; safe to call from any thread at any time. */
    public void interrupt() {
        cellInterrupted = true;
        interruptedAt = System.nanoTime();
        Worker w = worker;
        Guards.stop(w.thread);
        w.thread.interrupt();
    }

    /**
     * Runs {@code body} on the worker and waits for it.
     *
     * @return the body's result
     * @throws Throwable whatever the body threw; {@link CellInterruptedError} if it had to be abandoned
     */
    public Object run(Callable<Object> body) throws Throwable {
        if (cellInterrupted) {
            throw new CellInterruptedError();
        }
        Worker w = worker;
        if (Thread.currentThread() == w.thread) {
            // Cell code evaluating more code (a magic such as %load or %time used as a value): run it here.
            return body.call();
        }
        FutureTask<Object> task = new FutureTask<>(body);
        w.queue.put(task);
        long started = System.nanoTime();
        while (true) {
            try {
                return task.get(20, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw e.getCause();
            } catch (TimeoutException e) {
                Runnable pump = whileWaiting;
                if (pump != null) {
                    try {
                        pump.run();
                    } catch (RuntimeException | LinkageError problem) {
                        dltheory.kernel.server.Log.warn("while waiting for the cell: " + problem);
                    }
                }
                long limit = timeoutNanos;
                if (limit > 0 && !cellInterrupted && System.nanoTime() - started > limit) {
                    timedOut = true;
                    interrupt();
                }
                long since = interruptedAt;
                if (since != 0 && System.nanoTime() - since > TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS)) {
                    abandon(w);
                    throw new CellInterruptedError();
                }
            }
        }
    }

    /** Retires the worker thread: it ends within a second (the last notebook of this runner is done). */
    public void close() {
        worker.retired = true;
    }

    private void abandon(Worker w) {
        w.thread.setPriority(Thread.MIN_PRIORITY);
        w.retired = true;
        worker = newWorker();
    }

    private Worker newWorker() {
        Worker w = new Worker();
        Thread t = new Thread(null, w, "cell-runner-" + WORKERS.incrementAndGet(), stackBytes);
        t.setDaemon(true);
        t.setContextClassLoader(cellLoader);
        w.thread = t;
        t.start();
        return w;
    }

    /** A worker thread taking tasks from a hand-off queue until it is retired. */
    private static final class Worker implements Runnable {
        final SynchronousQueue<FutureTask<Object>> queue = new SynchronousQueue<>();
        volatile Thread thread;
        volatile boolean retired;

        @Override
        public void run() {
            while (!retired) {
                try {
                    FutureTask<Object> task = queue.poll(1, TimeUnit.SECONDS);
                    if (task != null) {
                        Thread.interrupted();
                        task.run();
                    }
                } catch (InterruptedException e) {
                    // an interrupt that arrived between tasks: nothing to stop
                }
            }
        }
    }
}
