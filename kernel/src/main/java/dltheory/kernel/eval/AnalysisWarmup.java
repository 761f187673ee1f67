package dltheory.kernel.eval;

import dltheory.kernel.server.Log;

import java.util.List;

/**
 * Warms JShell's source analysis so that the user's first completion and inspection answer quickly.
 *
 * <p>The first completion of a name in scope ({@code Ma} + Tab) made javac list and read every class
 * of the start-up imports' ten packages in the context JShell analyses with, and the first member
 * completion and the first inspection each load and compile code of their own: the first completion
 * after start took 0.4 to 1.1 s, the same request 0.1 s later. This thread asks those three questions
 * once, a step at a time, each only after JShell has been idle for {@link #IDLE_MILLIS} ms (no cell, no
 * request). Cells sent before JShell is ready, and cells of a "Run All" (sent a few milliseconds apart),
 * therefore run first; a cell or request that arrives during a step waits for that step only.
 */
final class AnalysisWarmup implements Runnable {
    /** Idle time before a warm-up step. */
    static final long IDLE_MILLIS = 200;

    /** Completion and documentation requests, each of a kind whose first use is slow. */
    static final List<String> QUESTIONS = List.of("Ma", "System.out.pr", "Math.sqrt(");

    private final Evaluator evaluator;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile int done;

    private AnalysisWarmup(Evaluator evaluator) {
        this.evaluator = evaluator;
        this.thread = new Thread(this, "jshell-analysis-warmup");
        thread.setDaemon(true);
    }

    static AnalysisWarmup start(Evaluator evaluator) {
        AnalysisWarmup w = new AnalysisWarmup(evaluator);
        w.thread.start();
        return w;
    }

    @Override
    public void run() {
        CodeAnalysis questions = new CodeAnalysis(evaluator.analysis());
        long started = System.nanoTime();
        int step = 0;
        while (!stopped && step < QUESTIONS.size()) {
            long idleFor = (System.nanoTime() - evaluator.lastUse()) / 1_000_000L;
            if (idleFor < IDLE_MILLIS) {
                sleep(IDLE_MILLIS - idleFor);
                continue;
            }
            String q = QUESTIONS.get(step);
            boolean ran = evaluator.whenIdle(IDLE_MILLIS, () -> {
                try {
                    if (q.endsWith("(")) {
                        questions.documentation(q, q.length(), false);
                    } else {
                        questions.complete(q, q.length());
                    }
                } catch (RuntimeException e) {
                    Log.debug("analysis warm-up of '" + q + "' failed: " + e);
                }
            });
            if (ran) {
                step++;
                done = step;
            } else {
                sleep(50);
            }
        }
        Log.debug("analysis warmed up " + done + " of " + QUESTIONS.size() + " questions, "
                + (System.nanoTime() - started) / 1_000_000L + " ms after start");
    }

    /** Number of warm-up questions asked so far (for tests). */
    int done() {
        return done;
    }

    void stop() {
        stopped = true;
        thread.interrupt();
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(Math.max(1, millis));
        } catch (InterruptedException e) {
            stopped = true;
        }
    }
}
