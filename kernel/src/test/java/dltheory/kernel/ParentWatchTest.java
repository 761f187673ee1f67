package dltheory.kernel;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParentWatchTest {
    @Test
    void parsesOnlyProcessIds() {
        assertEquals(1234, ParentWatch.parse(" 1234\n"));
        assertEquals(-1, ParentWatch.parse(null));
        assertEquals(-1, ParentWatch.parse(""));
        assertEquals(-1, ParentWatch.parse("not-a-pid"));
        assertFalse(ParentWatch.start(null, () -> { }));
        assertFalse(ParentWatch.start("0", () -> { }));
    }

    @Test
    void firesWhenTheWatchedProcessDies() throws Exception {
        Process parent = new ProcessBuilder("sleep", "60").start();
        CountDownLatch died = new CountDownLatch(1);
        assertTrue(ParentWatch.start(Long.toString(parent.pid()), died::countDown));
        assertFalse(died.await(300, TimeUnit.MILLISECONDS), "fired while the process was alive");
        parent.destroyForcibly().waitFor();
        assertTrue(died.await(10, TimeUnit.SECONDS), "no shutdown within 10 s of the parent's death");
    }

    @Test
    void firesAtOnceWhenTheProcessIsAlreadyGone() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        CountDownLatch died = new CountDownLatch(1);
        assertTrue(ParentWatch.start(Long.toString(gone.pid()), died::countDown));
        assertTrue(died.await(1, TimeUnit.SECONDS));
    }
}
