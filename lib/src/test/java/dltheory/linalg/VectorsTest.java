package dltheory.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class VectorsTest {

    private final DMatrixRMaj A = new DMatrixRMaj(new double[][] {{1, 2, 3}, {4, 5, 6}});

    @Test
    void normsDistancesAndDotProductsAgreeWithTheirDefinitions() {
        assertEquals(5.0, Vectors.norm(new double[] {3, 4}), 1e-15);
        assertEquals(Math.sqrt(1 + 4 + 9), Vectors.distance(new double[] {1, 2, 3}, new double[] {0, 0, 0}), 1e-15);
        assertEquals(5.0, Vectors.distance(new double[] {1, 1}, new double[] {4, 5}), 1e-15);
        assertEquals(1 * 4 + 2 * 5 + 3 * 6, Vectors.dot(new double[] {1, 2, 3}, new double[] {4, 5, 6}), 1e-15);
        assertArrayEquals(new double[] {-2, 1}, Vectors.scale(-1, new double[] {2, -1}), 0);
    }

    @Test
    void productsWithAMatrixAndItsTranspose() {
        assertArrayEquals(new double[] {1 - 3, 4 - 6}, Vectors.times(A, new double[] {1, 0, -1}), 1e-15);
        assertArrayEquals(new double[] {1 + 4, 2 + 5, 3 + 6}, Vectors.transposeTimes(A, new double[] {1, 1}), 1e-15);
    }

    @Test
    void argumentsAreNotModified() {
        double[] v = {1, 2, 3};
        Vectors.scale(2, v);
        Vectors.times(A, v);
        assertArrayEquals(new double[] {1, 2, 3}, v, 0);
    }

    @Test
    void mismatchedLengthsAreRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Vectors.times(A, new double[] {1, 2}));
        assertTrue(e.getMessage().contains("v must have length 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Vectors.distance(new double[2], new double[3]));
        assertTrue(e.getMessage().contains("b must have length 2"), e.getMessage());
    }

    @Test
    void maxArgmaxAndDeepCopy() {
        double[] v = {0.5, 3, -1, 3};
        org.junit.jupiter.api.Assertions.assertEquals(3, Vectors.max(v));
        org.junit.jupiter.api.Assertions.assertEquals(1, Vectors.argmax(v), "the first of two largest");
        org.junit.jupiter.api.Assertions.assertTrue(Double.isNaN(Vectors.max(new double[] {1, Double.NaN})));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Vectors.argmax(new double[0]));
        double[][] a = {{1, 2}, {3}};
        double[][] c = Vectors.copy(a);
        c[0][0] = 9;
        org.junit.jupiter.api.Assertions.assertEquals(1, a[0][0], "rows are copied, not shared");
        org.junit.jupiter.api.Assertions.assertArrayEquals(a[1], c[1]);
    }

    @Test
    void minIsTheSmallestEntryAndNaNPropagates() {
        assertEquals(-2.0, Vectors.min(new double[] {3, -2, 5, -2}), 0);
        assertEquals(Double.POSITIVE_INFINITY, Vectors.min(new double[] {Double.POSITIVE_INFINITY}), 0);
        assertTrue(Double.isNaN(Vectors.min(new double[] {1, Double.NaN, 0})));
        assertThrows(IllegalArgumentException.class, () -> Vectors.min(new double[0]));
    }
}
