package dltheory.rnn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

import dltheory.table.ColumnFormat;
import dltheory.table.Tables;
import tech.tablesaw.api.Table;
import dltheory.check.Arguments;

/**
 * Spectral facts used in notebook 05 (Q5.2): the operator 2-norm ‖A‖ = σ₁(A) from EJML's SVD,
 * the eigenvalues of the Gram matrices AᵀA and AAᵀ (Lemma 5.1: same non-zero spectrum), and random
 * recurrent matrices W with a prescribed spectral norm.
 */
public final class SpectralMatrices {

    private SpectralMatrices() {
    }

    /**
     * The singular values of {@code a}, largest first (notebook 05, ‖A‖ = σ₁(A) = √λ₁(AᵀA)).
     *
     * @param a not modified
     */
    static double[] singularValues(DMatrixRMaj a) {
        Arguments.nonEmpty(Arguments.finite(a, "a"), "a");
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(a.numRows, a.numCols, false, false, true);
        if (!svd.decompose(a.copy())) {
            throw new IllegalStateException("SVD did not converge");
        }
        double[] s = Arrays.copyOf(svd.getSingularValues(), svd.numberOfSingularValues());
        Arrays.sort(s);
        reverse(s);
        return s;
    }

    /**
     * The spectral (operator 2-) norm ‖A‖ = max over ‖v‖ = 1 of ‖Av‖ = σ₁(A), the norm of
     * notebook 05, eq. (24)–(25). Computed with EJML's SVD; 0 for the zero matrix.
     *
     * @param a not modified
     */
    public static double norm(DMatrixRMaj a) {
        return singularValues(a)[0];
    }

    /**
     * The spectral radius ρ(A) = max |λ_i(A)| of a square matrix (notebook 05, Q5.3: the rate at
     * which ‖Aᵏ‖ grows or shrinks, since ‖Aᵏ‖^{1/k} → ρ(A); always ρ(A) ≤ ‖A‖).
     *
     * @param a square; not modified
     */
    public static double spectralRadius(DMatrixRMaj a) {
        Arguments.finite(Arguments.square(a, "a"), "a");
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(a.numRows, false);
        if (!eig.decompose(a.copy())) {
            throw new IllegalStateException("eigen-decomposition did not converge");
        }
        double rho = 0;
        for (int i = 0; i < a.numRows; i++) {
            rho = Math.max(rho, eig.getEigenvalue(i).getMagnitude());
        }
        return rho;
    }

    /**
     * The eigenvalues of the symmetric matrix {@code s}, largest first (notebook 05, λ₁(WᵀW)).
     *
     * @param s a square symmetric matrix; not modified
     * @throws IllegalArgumentException if {@code s} is not square or not symmetric (to 1e-10 relative)
     */
    public static double[] symmetricEigenvalues(DMatrixRMaj s) {
        Arguments.finite(Arguments.square(s, "s"), "s");
        double scale = Math.max(CommonOps_DDRM.elementMaxAbs(s), Double.MIN_NORMAL);
        for (int i = 0; i < s.numRows; i++) {
            for (int j = 0; j < i; j++) {
                if (Math.abs(s.get(i, j) - s.get(j, i)) > 1e-10 * scale) {
                    throw Arguments.invalid("s", "be symmetric",
                            "s(" + i + "," + j + ") = " + s.get(i, j) + " and s(" + j + "," + i + ") = " + s.get(j, i));
                }
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(s.numRows, false, true);
        if (!eig.decompose(s.copy())) {
            throw new IllegalStateException("eigen-decomposition did not converge");
        }
        double[] lambda = new double[s.numRows];
        for (int i = 0; i < lambda.length; i++) {
            lambda[i] = eig.getEigenvalue(i).getReal();
        }
        Arrays.sort(lambda);
        reverse(lambda);
        return lambda;
    }

    /** AᵀA (cols×cols), the matrix whose largest eigenvalue the condition of Q5.2 bounds. {@code a} is not modified. */
    public static DMatrixRMaj gram(DMatrixRMaj a) {
        Arguments.nonEmpty(Arguments.finite(a, "a"), "a");
        DMatrixRMaj out = new DMatrixRMaj(a.numCols, a.numCols);
        CommonOps_DDRM.multTransA(a, a, out);
        return out;
    }

    /** AAᵀ (rows×rows), the other Gram matrix of Lemma 5.1. {@code a} is not modified. */
    public static DMatrixRMaj coGram(DMatrixRMaj a) {
        Arguments.nonEmpty(Arguments.finite(a, "a"), "a");
        DMatrixRMaj out = new DMatrixRMaj(a.numRows, a.numRows);
        CommonOps_DDRM.multTransB(a, a, out);
        return out;
    }

    /**
     * A random n×n matrix with spectral norm exactly {@code norm} (notebook 05, Q5.2: ‖W‖ = δ/γ):
     * a matrix of i.i.d. N(0, 1) entries divided by its own spectral norm, times {@code norm}.
     *
     * @param n    size, ≥ 1
     * @param norm the spectral norm ‖W‖, finite and ≥ 0
     */
    static DMatrixRMaj withNorm(int n, double norm, Random rng) {
        return scaledGaussian(n, Arguments.nonNegative(norm, "norm"), SpectralMatrices::norm, rng);
    }

    /**
     * A random n×n matrix with spectral radius exactly {@code rho} (notebook 05, Q5.3: the Gaussian
     * W, whose powers shrink at the rate ρ(W) although ‖W‖ &gt; 1): a matrix of i.i.d. N(0, 1)
     * entries divided by its own spectral radius, times {@code rho}. Its spectral norm is random,
     * about 1.7·rho for n = 32 and always above ρ (over 10⁴ draws with n = 32 the ratio ‖W‖/ρ stayed
     * above 1.25; SpectralMatricesTest).
     *
     * @param n   size, ≥ 1
     * @param rho the spectral radius ρ(W), finite and ≥ 0
     */
    public static DMatrixRMaj withSpectralRadius(int n, double rho, Random rng) {
        return scaledGaussian(n, Arguments.nonNegative(rho, "rho"), SpectralMatrices::spectralRadius, rng);
    }

    /** An n×n matrix of i.i.d. N(0, 1) entries scaled so that {@code measure} of it is {@code target}. */
    private static DMatrixRMaj scaledGaussian(int n, double target, ToDoubleFunction<DMatrixRMaj> measure,
                                              Random rng) {
        Arguments.atLeast(n, 1, "n");
        DMatrixRMaj g = RandomMatrices_DDRM.rectangleGaussian(n, n, 0, 1, rng);
        CommonOps_DDRM.scale(target / measure.applyAsDouble(g), g);
        return g;
    }

    /**
     * A random n×n matrix W = s·Q with Q orthogonal (Haar-distributed), so every singular value of
     * W equals s and ‖Wᵏ‖ = sᵏ for every k (notebook 05, Q5.3: a W whose Jacobian product can
     * reach the bound (γ‖W‖)ᵀ).
     *
     * @param n    size, ≥ 1
     * @param norm s = ‖W‖, finite and ≥ 0
     */
    public static DMatrixRMaj scaledOrthogonal(int n, double norm, Random rng) {
        Arguments.atLeast(n, 1, "n");
        Arguments.nonNegative(norm, "norm");
        DMatrixRMaj q = RandomMatrices_DDRM.orthogonal(n, n, rng);
        CommonOps_DDRM.scale(norm, q);
        return q;
    }

    /**
     * One row of the spectra compared in Lemma 5.1: the k-th largest eigenvalue of AAᵀ and of AᵀA
     * (NaN where that matrix has fewer than k eigenvalues).
     */
    public record SpectrumRow(int k, double eigenvalueOfAAt, double eigenvalueOfAtA) {

        /** Relative size below which an eigenvalue is shown as 0: 10⁻¹². */
        public static final double ROUNDING = 1e-12;

        /**
         * The rows as a table (notebook 05, Lemma 5.1). Eigenvalues below {@link #ROUNDING} times the
         * largest one in magnitude are zero up to rounding; they are shown as 0, so the column
         * keeps one format, and the caption gives the largest of them.
         */
        public static Table table(List<SpectrumRow> rows) {
            double largest = 0;
            for (SpectrumRow r : rows) {
                largest = Math.max(largest, Math.max(abs(r.eigenvalueOfAAt()), abs(r.eigenvalueOfAtA())));
            }
            double below = ROUNDING * largest;
            double rounded = 0;
            List<SpectrumRow> shown = new ArrayList<>(rows.size());
            for (SpectrumRow r : rows) {
                rounded = Math.max(rounded, tiny(r.eigenvalueOfAAt(), below));
                rounded = Math.max(rounded, tiny(r.eigenvalueOfAtA(), below));
                shown.add(new SpectrumRow(r.k(), zeroIfBelow(r.eigenvalueOfAAt(), below),
                        zeroIfBelow(r.eigenvalueOfAtA(), below)));
            }
            String caption = "Eigenvalues of AAᵀ and AᵀA, largest first"
                    + (rounded > 0 ? " (a 0 marks a value of rounding size, at most "
                    + ColumnFormat.of(new double[] {rounded}).format(rounded) + " here)" : "");
            return Tables.of(caption, shown, "k", "λ_k(AAᵀ)", "λ_k(AᵀA)");
        }

        private static double abs(double v) {
            return Double.isNaN(v) ? 0 : Math.abs(v);
        }

        private static double tiny(double v, double below) {
            return abs(v) < below ? abs(v) : 0;
        }

        private static double zeroIfBelow(double v, double below) {
            return abs(v) < below && !Double.isNaN(v) ? 0.0 : v;
        }
    }

    /**
     * The two spectra of Lemma 5.1 side by side: for an m×n matrix A, AAᵀ has m eigenvalues and
     * AᵀA has n; the non-zero ones coincide, and the larger matrix has |m − n| extra zeros.
     *
     * @param a not modified
     */
    public static List<SpectrumRow> spectra(DMatrixRMaj a) {
        double[] small = symmetricEigenvalues(coGram(a));
        double[] large = symmetricEigenvalues(gram(a));
        int k = Math.max(small.length, large.length);
        List<SpectrumRow> rows = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            rows.add(new SpectrumRow(i + 1, i < small.length ? small[i] : Double.NaN,
                    i < large.length ? large[i] : Double.NaN));
        }
        return rows;
    }

    /**
     * The largest gap between the k-th eigenvalues of AAᵀ and AᵀA over k ≤ min(m, n), and the
     * largest absolute value among the |m − n| extra eigenvalues of the larger Gram matrix
     * (Lemma 5.1: both are 0 up to rounding).
     */
    public record LemmaCheck(double sharedGap, double extraLargest) {
    }

    /** Computes {@link LemmaCheck} for {@code a} (notebook 05, Lemma 5.1). {@code a} is not modified. */
    public static LemmaCheck lemma(DMatrixRMaj a) {
        double gap = 0;
        double extra = 0;
        for (SpectrumRow r : spectra(a)) {
            if (Double.isNaN(r.eigenvalueOfAAt()) || Double.isNaN(r.eigenvalueOfAtA())) {
                extra = Math.max(extra, Math.abs(Double.isNaN(r.eigenvalueOfAAt()) ? r.eigenvalueOfAtA() : r.eigenvalueOfAAt()));
            } else {
                gap = Math.max(gap, Math.abs(r.eigenvalueOfAAt() - r.eigenvalueOfAtA()));
            }
        }
        return new LemmaCheck(gap, extra);
    }

    private static void reverse(double[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
