package dltheory.rnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;

class SpectralMatricesTest {

    private static final long SEED = 505L;
    private static final double TIGHT = 1e-10;

    @Test
    void normIsTheSquareRootOfTheLargestEigenvalueOfTheGram() {
        for (int seed = 0; seed < 5; seed++) {
            Random rng = new Random(SEED + seed);
            for (int rows = 1; rows <= 9; rows += 4) {
                for (int cols = 1; cols <= 9; cols += 3) {
                    DMatrixRMaj a = RandomMatrices_DDRM.rectangleGaussian(rows, cols, 0, 1, rng);
                    double lambda1 = SpectralMatrices.symmetricEigenvalues(SpectralMatrices.gram(a))[0];
                    assertEquals(Math.sqrt(lambda1), SpectralMatrices.norm(a), TIGHT * (1 + Math.sqrt(lambda1)));
                    assertEquals(SpectralMatrices.norm(a), SpectralMatrices.norm(CommonOps_DDRM.transpose(a, null)),
                            TIGHT * (1 + Math.sqrt(lambda1)), "‖Aᵀ‖ = ‖A‖");
                }
            }
        }
    }

    @Test
    void normBoundsEveryImageOfAUnitVectorAndIsAttained() {
        Random rng = new Random(SEED);
        DMatrixRMaj a = RandomMatrices_DDRM.rectangleGaussian(6, 4, 0, 1, rng);
        double norm = SpectralMatrices.norm(a);
        double best = 0;
        for (int k = 0; k < 2000; k++) {
            DMatrixRMaj v = RandomMatrices_DDRM.rectangleGaussian(4, 1, 0, 1, rng);
            CommonOps_DDRM.divide(v, NormOps_DDRM.normF(v));
            DMatrixRMaj av = new DMatrixRMaj(6, 1);
            CommonOps_DDRM.mult(a, v, av);
            double len = NormOps_DDRM.normF(av);
            assertTrue(len <= norm * (1 + TIGHT), "‖Av‖ = " + len + " > ‖A‖ = " + norm);
            best = Math.max(best, len);
        }
        // power iteration on AᵀA reaches the norm
        DMatrixRMaj v = RandomMatrices_DDRM.rectangleGaussian(4, 1, 0, 1, rng);
        DMatrixRMaj gram = SpectralMatrices.gram(a);
        DMatrixRMaj next = new DMatrixRMaj(4, 1);
        for (int k = 0; k < 500; k++) {
            CommonOps_DDRM.mult(gram, v, next);
            CommonOps_DDRM.divide(next, NormOps_DDRM.normF(next), v);
        }
        DMatrixRMaj av = new DMatrixRMaj(6, 1);
        CommonOps_DDRM.mult(a, v, av);
        assertEquals(norm, NormOps_DDRM.normF(av), 1e-9 * norm);
        assertTrue(best > 0.8 * norm, "random unit vectors come close to the norm");
    }

    @Test
    void normOfADiagonalMatrixIsItsLargestAbsoluteEntry() {
        DMatrixRMaj d = CommonOps_DDRM.diag(0.3, -2.5, 1.0);
        assertEquals(2.5, SpectralMatrices.norm(d), TIGHT);
        assertEquals(0.0, SpectralMatrices.norm(new DMatrixRMaj(3, 3)), 0.0);
    }

    @Test
    void lemmaTheTwoGramMatricesShareTheirNonZeroSpectrum() {
        for (int seed = 0; seed < 5; seed++) {
            Random rng = new Random(SEED + 10 + seed);
            for (int rows = 1; rows <= 8; rows += 3) {
                for (int cols = 1; cols <= 8; cols += 2) {
                    DMatrixRMaj a = RandomMatrices_DDRM.rectangleGaussian(rows, cols, 0, 1, rng);
                    SpectralMatrices.LemmaCheck c = SpectralMatrices.lemma(a);
                    double scale = SpectralMatrices.norm(a) * SpectralMatrices.norm(a);
                    assertTrue(c.sharedGap() <= 1e-10 * scale, "shared gap " + c.sharedGap());
                    assertTrue(c.extraLargest() <= 1e-10 * scale, "extra eigenvalue " + c.extraLargest());
                    List<SpectralMatrices.SpectrumRow> rowsOut = SpectralMatrices.spectra(a);
                    assertEquals(Math.max(rows, cols), rowsOut.size());
                }
            }
        }
    }

    @Test
    void theSpectrumTableShowsRoundingSizedEigenvaluesAsZeroInOneFixedFormat() {
        DMatrixRMaj a = RandomMatrices_DDRM.rectangleGaussian(4, 7, 0, 1, new Random(SEED + 30));
        var table = dltheory.table.Tables.formatted(SpectralMatrices.SpectrumRow.table(SpectralMatrices.spectra(a)));
        for (int row = 0; row < 7; row++) {                    // one fixed format, no ×10ᵏ
            assertTrue(!table.doubleColumn(2).getString(row).contains("×"), table.print());
        }
        for (int row = 4; row < 7; row++) {
            assertEquals(0.0, table.doubleColumn(2).get(row));  // AᵀA's three extra eigenvalues
        }
        assertTrue(table.doubleColumn(2).get(3) > 0.01);         // the shared ones are kept
        assertTrue(table.name().contains("rounding size"), table.name());
    }

    @Test
    void withNormHasExactlyThatNormAndScaledOrthogonalHasFlatSpectrum() {
        for (int seed = 0; seed < 4; seed++) {
            Random rng = new Random(SEED + 20 + seed);
            for (int n : new int[] {1, 5, 32}) {
                for (double norm : new double[] {0.25, 1.0, 3.6}) {
                    assertEquals(norm, SpectralMatrices.norm(SpectralMatrices.withNorm(n, norm, rng)), TIGHT * norm);
                    double[] s = SpectralMatrices.singularValues(SpectralMatrices.scaledOrthogonal(n, norm, rng));
                    assertEquals(n, s.length);
                    for (double v : s) {
                        assertEquals(norm, v, TIGHT * norm);
                    }
                }
            }
        }
    }

    @Test
    void spectralRadiusIsAtMostTheNormAndCanBeMuchSmaller() {
        Random rng = new Random(SEED + 30);
        for (int k = 0; k < 10; k++) {
            DMatrixRMaj a = RandomMatrices_DDRM.rectangleGaussian(7, 7, 0, 1, rng);
            assertTrue(SpectralMatrices.spectralRadius(a) <= SpectralMatrices.norm(a) * (1 + TIGHT));
        }
        DMatrixRMaj nilpotent = new DMatrixRMaj(new double[][] {{0, 1}, {0, 0}});
        assertEquals(0.0, SpectralMatrices.spectralRadius(nilpotent), TIGHT);
        assertEquals(1.0, SpectralMatrices.norm(nilpotent), TIGHT);
        double c = Math.cos(0.7);
        double s = Math.sin(0.7);
        DMatrixRMaj rotation = new DMatrixRMaj(new double[][] {{2 * c, -2 * s}, {2 * s, 2 * c}});
        assertEquals(2.0, SpectralMatrices.spectralRadius(rotation), TIGHT);
    }

    @Test
    void eigenvaluesAreSortedLargestFirst() {
        DMatrixRMaj s = new DMatrixRMaj(new double[][] {{2, 1, 0}, {1, 2, 0}, {0, 0, -4}});
        double[] e = SpectralMatrices.symmetricEigenvalues(s);
        assertEquals(3.0, e[0], TIGHT);
        assertEquals(1.0, e[1], TIGHT);
        assertEquals(-4.0, e[2], TIGHT);
    }

    @Test
    void badArgumentsNameTheArgument() {
        Random rng = new Random(SEED);
        assertMessage(() -> SpectralMatrices.withNorm(0, 1, rng), "n must be >= 1");
        assertMessage(() -> SpectralMatrices.withNorm(3, -1, rng), "norm must be finite and >= 0");
        assertMessage(() -> SpectralMatrices.scaledOrthogonal(3, Double.NaN, rng), "norm must be finite");
        assertMessage(() -> SpectralMatrices.norm(null), "a must be a matrix");
        assertMessage(() -> SpectralMatrices.norm(new DMatrixRMaj(0, 3)), "a must be an n×d matrix with n >= 1");
        assertMessage(() -> SpectralMatrices.symmetricEigenvalues(new DMatrixRMaj(2, 3)), "s must be square");
        assertMessage(() -> SpectralMatrices.symmetricEigenvalues(new DMatrixRMaj(new double[][] {{1, 2}, {0, 1}})),
                "s must be symmetric");
        assertMessage(() -> SpectralMatrices.spectralRadius(new DMatrixRMaj(2, 3)), "a must be square");
        DMatrixRMaj nan = new DMatrixRMaj(2, 2);
        nan.set(0, 0, Double.NaN);
        assertMessage(() -> SpectralMatrices.norm(nan), "a must be finite");
    }

    static void assertMessage(org.junit.jupiter.api.function.Executable call, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(message), "message '" + e.getMessage() + "' should contain '" + message + "'");
    }
}
