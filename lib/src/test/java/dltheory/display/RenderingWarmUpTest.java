package dltheory.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.io.html.HtmlWriter;

/**
 * The warm-up runs beside the notebook's cells, and Tablesaw deadlocks in class initialization when
 * two threads create their first columns of different types at the same moment
 * (jtablesaw/tablesaw#1230). Each round loads Tablesaw and this library afresh, so that no class
 * is initialized yet, and then starts two threads at once that create a text column and a number
 * column: a cell with a table of names next to the warm-up's table of numbers.
 */
class RenderingWarmUpTest {

    private static final long STUCK_MS = 1_500;

    /**
     * How long a thread pauses before it loads a Tablesaw column type that is not loaded yet. The
     * pause (outside the loader's lock) widens the window in which each thread has started one
     * type's initialization and not yet reached the other's, so that the race happens on a loaded
     * or a quiet machine alike: without it, 13 of 20 rounds deadlocked here on an idle machine, and
     * CI once saw none in 8; with 5 ms, 20 of 20, idle or with both cores busy.
     */
    private static final long PAUSE_MS = 10;

    /**
     * Loads Tablesaw's and this library's classes itself (fresh static state), the rest from its
     * parent, and pauses before loading each column type ({@link #PAUSE_MS}).
     */
    private static final class Fresh extends URLClassLoader {
        Fresh() {
            super(new URL[] {location(ColumnType.class), location(HtmlWriter.class), location(RenderingWarmUp.class)},
                    RenderingWarmUpTest.class.getClassLoader());
        }

        private static URL location(Class<?> c) {
            return c.getProtectionDomain().getCodeSource().getLocation();
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("tech.tablesaw.") && !name.startsWith("dltheory.")) {
                return super.loadClass(name, resolve);
            }
            if (name.endsWith("ColumnType") && findLoadedClass(name) == null) {
                pause();
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                return c != null ? c : findClass(name);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether a text column and a number column, created at the same moment, got stuck. */
    private static boolean firstColumnsGetStuck(ClassLoader loader) throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        Thread[] threads = new Thread[2];
        String[] types = {"tech.tablesaw.api.StringColumn", "tech.tablesaw.api.DoubleColumn"};
        for (int i = 0; i < 2; i++) {
            String type = types[i];
            threads[i] = new Thread(() -> {
                try {
                    go.await();
                    Class.forName(type, true, loader).getMethod("create", String.class).invoke(null, "c");
                } catch (ReflectiveOperationException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }, "first " + type);
            threads[i].setDaemon(true);   // a stuck thread must not keep the test JVM alive
            threads[i].start();
        }
        go.countDown();
        boolean stuck = false;
        for (Thread t : threads) {
            t.join(STUCK_MS);
            stuck |= t.isAlive();
        }
        return stuck;
    }

    @Test
    void afterTheWarmUpStartsTwoThreadsCreateTheirFirstColumnsWithoutDeadlock() throws Exception {
        for (int round = 0; round < 8; round++) {
            try (Fresh loader = new Fresh()) {
                var start = Class.forName("dltheory.display.RenderingWarmUp", true, loader)
                        .getDeclaredMethod("start", java.util.Map.class);
                start.setAccessible(true);
                Thread warmUp = (Thread) start.invoke(null, java.util.Map.of());
                assertEquals(false, firstColumnsGetStuck(loader), "round " + round + ": stuck in class initialization");
                warmUp.join(30_000);
            }
        }
    }

    @Test
    void withoutItTheSameRaceDeadlocks() throws Exception {
        // the control: with the loader's pause the race happens in (nearly) every round, so the test
        // above would catch a warm-up that no longer initializes the column types first
        boolean seen = false;
        for (int round = 0; round < 8 && !seen; round++) {
            try (Fresh loader = new Fresh()) {
                seen = firstColumnsGetStuck(loader);
            }
        }
        assertTrue(seen, "no deadlock in 8 rounds without the warm-up's initialization");
    }
}
