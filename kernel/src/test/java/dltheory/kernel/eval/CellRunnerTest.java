package dltheory.kernel.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

class CellRunnerTest {
    @Test
    void bodiesRunOnTheWorkerThread() throws Throwable {
        CellRunner runner = new CellRunner(getClass().getClassLoader(), 1L << 20);
        Thread worker = (Thread) runner.run(Thread::currentThread);
        assertSame(runner.workerThread(), worker);
        assertNotSame(Thread.currentThread(), worker);
    }

    @Test
    @Timeout(10) // without running in place, the worker would wait for itself forever
    void cellCodeRunningMoreCodeRunsItInPlace() throws Throwable {
        // what a magic used as a value does (var t = %time f();): the cell's code evaluates a snippet
        CellRunner runner = new CellRunner(getClass().getClassLoader(), 1L << 20);
        Object inner = runner.run(() -> {
            try {
                return runner.run(() -> Thread.currentThread().getName() + " inner");
            } catch (Throwable t) {
                throw new AssertionError(t);
            }
        });
        assertEquals(runner.workerThread().getName() + " inner", inner);
    }
}
