package dltheory.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.ludovic.netlib.blas.BLAS;

/**
 * An interrupted product does not change its output matrix (issue #32): a native call cannot be
 * stopped, so a kernel reports the cell stopped while the call runs on; the user's matrix must not
 * change after that report. The BLAS here is the real one behind a proxy whose dgemm first writes
 * garbage into its output (a partly done product) and then waits, as a long native call does.
 */
class GemmInterruptTest {
    private final BLAS before = Gemm.blas();

    @AfterEach
    void restore() {
        Gemm.use(before);
    }

    private static BLAS stalling(BLAS real, CountDownLatch started, CountDownLatch release) {
        return (BLAS) Proxy.newProxyInstance(BLAS.class.getClassLoader(), new Class<?>[] {BLAS.class}, (p, m, args) -> {
            if (m.getName().equals("dgemm") && args.length == 16) {
                double[] out = (double[]) args[13];
                Arrays.fill(out, (int) args[14], out.length, 666.0);   // partial progress, visible at once
                started.countDown();
                awaitUninterruptibly(release);   // as a native call: an interrupt does not end it
                return m.invoke(real, args);
            }
            return m.invoke(real, args);
        });
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void interruptedProductLeavesOutputUnchanged(
            BiFunction<DMatrixRMaj, DMatrixRMaj, DMatrixRMaj> shapes, Product product) throws Exception {
        java.util.Random rng = new java.util.Random(7);
        DMatrixRMaj a = RandomMatrices_DDRM.rectangle(6, 5, rng);
        DMatrixRMaj b = RandomMatrices_DDRM.rectangle(5, 6, rng);
        DMatrixRMaj c = shapes.apply(a, b);
        Arrays.fill(c.data, -1.0);
        double[] shown = c.data.clone();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Gemm.use(stalling(before, started, release));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread cell = new Thread(() -> {
            try {
                product.run(a, b, c);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        cell.start();
        assertTrue(started.await(10, TimeUnit.SECONDS));
        cell.interrupt();      // the kernel's interrupt; it then reports the cell stopped
        assertArrayEquals(shown, c.data, "changed while the call runs");
        release.countDown();   // the native call returns later
        cell.join(10_000);
        assertArrayEquals(shown, c.data, "changed after the interrupt");
        assertInstanceOf(java.util.concurrent.CancellationException.class, thrown.get());
    }

    interface Product {
        void run(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);
    }

    @Test
    void interruptedMultLeavesCUnchanged() throws Exception {
        interruptedProductLeavesOutputUnchanged((a, b) -> new DMatrixRMaj(6, 6), Gemm::mult);
    }

    @Test
    void interruptedMultTransALeavesCUnchanged() throws Exception {
        // a (6,5) used as Aᵀ needs b with 6 rows: use b = a
        interruptedProductLeavesOutputUnchanged((a, b) -> new DMatrixRMaj(5, 5), (a, b, c) -> Gemm.multTransA(a, a, c));
    }

    @Test
    void interruptedMultTransBLeavesCUnchanged() throws Exception {
        interruptedProductLeavesOutputUnchanged((a, b) -> new DMatrixRMaj(6, 6), (a, b, c) -> Gemm.multTransB(a, a, c));
    }

    @Test
    void aProductNotInterruptedIsCopiedIn() {
        java.util.Random rng = new java.util.Random(8);
        DMatrixRMaj a = RandomMatrices_DDRM.rectangle(7, 4, rng);
        DMatrixRMaj b = RandomMatrices_DDRM.rectangle(4, 3, rng);
        DMatrixRMaj expected = new DMatrixRMaj(7, 3);
        CommonOps_DDRM.mult(a, b, expected);
        DMatrixRMaj c = new DMatrixRMaj(7, 3);
        Gemm.mult(a, b, c);
        assertArrayEquals(expected.data, c.data, 1e-12);
    }

    @Test
    void aThreadAlreadyInterruptedStillGetsItsProduct() {
        DMatrixRMaj a = RandomMatrices_DDRM.rectangle(3, 3, new java.util.Random(9));
        DMatrixRMaj c = new DMatrixRMaj(3, 3);
        DMatrixRMaj expected = new DMatrixRMaj(3, 3);
        CommonOps_DDRM.mult(a, a, expected);
        Thread.currentThread().interrupt();
        try {
            Gemm.mult(a, a, c);
        } finally {
            Thread.interrupted();
        }
        assertArrayEquals(expected.data, c.data, 1e-12);
    }
}
