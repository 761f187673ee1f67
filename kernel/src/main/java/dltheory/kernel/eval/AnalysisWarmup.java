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
 * once, in short steps (the packages one at a time, then the three questions), each only after JShell
 * has been idle for {@link #IDLE_MILLIS} ms (no cell, no request) and only if no cell or request is
 * waiting for JShell ({@link Evaluator#whenIdle}). Cells sent before JShell is ready, and cells of a
 * "Run All" (sent a few milliseconds apart), therefore run first; a cell or request that arrives during
 * a step waits for that one short step only, never for a next one.
 */
final class AnalysisWarmup implements Runnable {
    /** Idle time before a warm-up step. */
    static final long IDLE_MILLIS = 200;

    /**
     * Completion and documentation requests, each of a kind whose first use is slow. The first ones list
     * one star-imported package each (javac reads its classes into the analysis context), so that the
     * step that completes a name in scope ({@code Ma}), which needs them all, is short; a request never
     * waits for more than one package's worth.
     */
    static final List<String> QUESTIONS = questions();

    private static List<String> questions() {
        List<String> q = new java.util.ArrayList<>();
        q.add("java.lang.");
        for (String imp : Evaluator.STARTUP_IMPORTS) {
            if (!imp.startsWith("import static ") && imp.endsWith(".*;")) {
                q.add(imp.substring("import ".length(), imp.length() - "*;".length()));
            }
        }
        q.addAll(List.of("Ma", "System.out.pr", "Math.sqrt("));
        return List.copyOf(q);
    }

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
            long t0 = System.nanoTime();
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
                Log.debug("analysis warm-up '" + q + "': " + (System.nanoTime() - t0) / 1_000_000L + " ms");
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
