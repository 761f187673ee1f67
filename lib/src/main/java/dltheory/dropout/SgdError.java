package dltheory.dropout;

import dltheory.check.Arguments;
import dltheory.check.Check;
import dltheory.linalg.Vectors;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The exact mean squared error of SGD with dropout (notebook 02, equation (2.8)) after T steps of
 * the schedule η_t = η₀/(1 + t/τ) from w₀ = 0, and the check of section 2.5 built on it.
 *
 * <p>Write z = (w, 1) ∈ ℝ^{d+1}. One step is z ← (I − 2η_t Ñ_R) z with Ñ_R = [Σ_k a_k b_kᵀ; 0],
 * a_k = r_k ⊙ x_k (row k of R⊙X) and b_k = (a_k, −y_k). The mask R_t is independent of z_t, so the
 * second moment Z_t = E[z_t z_tᵀ] follows exactly
 * <pre>
 *   Z_{t+1} = Z_t − 2η_t(ĒZ_t + Z_tĒᵀ) + 4η_t² E[Ñ Z_t Ñᵀ],   Ē = E[Ñ] = [p²XᵀX + p(1−p)Γ², −pXᵀy; 0],
 * </pre>
 * and E[Ñ Z Ñᵀ] = ĒZĒᵀ + Σ_k (E[N_k Z N_kᵀ] − E[N_k] Z E[N_k]ᵀ), the rows being independent; the
 * per-row term needs E[r_a r_b r_c r_e] = p^(number of distinct features among a, b, c, e).
 *
 * <p>The recursion runs in error coordinates z' = Pz = (w − w_drop, 1), P = [I, −w_drop; 0, 1]: the
 * step becomes P(I − 2η_t Ñ_R)P⁻¹, so Ē becomes PĒP⁻¹ and the noise map is composed with
 * vec(Z') ↦ vec(P⁻¹Z'P⁻ᵀ). Then E‖w_T − w_drop‖² is the trace of the error block of Z'_T, a sum of
 * second moments, and E[w_T] − w_drop its last column. (Read off the raw Z_T as
 * tr Z_ww − 2w_dropᵀE[w_T] + ‖w_drop‖², the same number cancels catastrophically once it is many
 * orders below ‖w_drop‖².) No Monte Carlo and no approximation. A schedule whose second moment
 * overflows is rejected. By Markov's inequality applied to ‖w_T − w_drop‖²,
 * P(‖w_T − w_drop‖ &gt; √(E‖w_T − w_drop‖²/α)) ≤ α for every distribution of the masks' effect.
 *
 * @param steps          T
 * @param meanSquared    E‖w_T − w_drop‖², exact
 * @param biasSquared    ‖E[w_T] − w_drop‖², the part left by the mean (gradient descent on (2.4))
 * @param falseAlarm     α, the bound on the probability that a correct SGD fails the check
 * @param tolerance      √(E‖w_T − w_drop‖²/α), the Markov radius
 */
public record SgdError(int steps, double meanSquared, double biasSquared, double falseAlarm, double tolerance) {

    /** The false-alarm rate of notebook 02's check. */
    public static final double FALSE_ALARM = 1e-3;

    /**
     * E‖w_T − w_drop‖² for {@link DropoutSgd#run} with the same arguments, computed exactly by the
     * second-moment recursion above, and the Markov radius for false-alarm rate α.
     *
     * @param falseAlarm α in (0, 1)
     * @throws IllegalArgumentException also when the second moment overflows (η₀ far above
     *         1/{@link DropoutRegression#smoothness})
     */
    public static SgdError of(DMatrixRMaj X, double[] y, double p, int steps, double eta0, double tau,
                              double falseAlarm) {
        Arguments.nonEmpty(X, "X");
        Arguments.length(y, X.numRows, "y", "n, the rows of X");
        Arguments.inOpenClosed(p, 0, 1, "p (keep probability)");
        Arguments.atLeast(steps, 1, "steps");
        Arguments.positive(eta0, "eta0");
        Arguments.that(tau > 0, "tau", "be > 0 (or infinite for a constant step)", tau);
        Arguments.inOpen(falseAlarm, 0, 1, "falseAlarm");
        int d = X.numCols;
        int D = d + 1;
        double[] wDrop = DropoutRegression.minimiser(X, y, p);
        // error coordinates z' = Pz = (w − w_drop, 1): conjugate the mean step and the noise map by P
        DMatrixRMaj P = CommonOps_DDRM.identity(D);
        DMatrixRMaj Pinv = CommonOps_DDRM.identity(D);
        for (int j = 0; j < d; j++) {
            P.set(j, d, -wDrop[j]);
            Pinv.set(j, d, wDrop[j]);
        }
        DMatrixRMaj mean = new DMatrixRMaj(D, D);
        CommonOps_DDRM.mult(P, CommonOps_DDRM.mult(meanStep(X, y, p), Pinv, null), mean);
        DMatrixRMaj K = CommonOps_DDRM.mult(fourthMoments(X, y, p), CommonOps_DDRM.kron(Pinv, Pinv, null), null);
        DMatrixRMaj Z = new DMatrixRMaj(D, D);
        double[] start = new double[D];
        for (int j = 0; j < d; j++) {
            start[j] = -wDrop[j];
        }
        start[d] = 1;
        for (int i = 0; i < D; i++) {
            for (int j = 0; j < D; j++) {
                Z.set(i, j, start[i] * start[j]);
            }
        }
        DMatrixRMaj EZ = new DMatrixRMaj(D, D);
        DMatrixRMaj EZE = new DMatrixRMaj(D, D);
        DMatrixRMaj noise = new DMatrixRMaj(d * d, 1);
        DMatrixRMaj next = new DMatrixRMaj(D, D);
        DMatrixRMaj vecZ = DMatrixRMaj.wrap(D * D, 1, Z.data);
        for (int t = 0; t < steps; t++) {
            double eta = eta0 / (1 + t / tau);
            CommonOps_DDRM.mult(mean, Z, EZ);
            CommonOps_DDRM.multTransB(EZ, mean, EZE);
            CommonOps_DDRM.mult(K, vecZ, noise);
            // Z stays symmetric: fill both triangles from the average of the (i, j) and (j, i)
            // terms, so that rounding never seeds an antisymmetric part (which ĒZ + ZĒᵀ, written
            // with Z = Zᵀ, would let grow)
            double trace = 0;
            for (int i = 0; i < D; i++) {
                for (int j = i; j < D; j++) {
                    double v = -2 * eta * (EZ.unsafe_get(i, j) + EZ.unsafe_get(j, i))
                            + 2 * eta * eta * (EZE.unsafe_get(i, j) + EZE.unsafe_get(j, i));
                    if (j < d) {
                        v += 2 * eta * eta * (noise.data[i * d + j] + noise.data[j * d + i]);
                    }
                    double z = 0.5 * (Z.unsafe_get(i, j) + Z.unsafe_get(j, i)) + v;
                    next.unsafe_set(i, j, z);
                    next.unsafe_set(j, i, z);
                }
                trace += i < d ? next.unsafe_get(i, i) : 0;
            }
            if (!Double.isFinite(trace)) {
                throw Arguments.invalid("eta0", String.format(
                        "keep E‖w_t − w_drop‖² finite over the %d steps (it overflows at step %d with tau = %s);"
                                + " take eta0 well below 1/smoothness = %.4g", steps, t + 1, tau,
                        1 / DropoutRegression.smoothness(X, p)), eta0);
            }
            System.arraycopy(next.data, 0, Z.data, 0, D * D);
        }

        // E‖w_T − w_drop‖² is the trace of the error block (a sum of second moments, no cancellation);
        // E[w_T] − w_drop is the last column
        double ms = 0;
        double bias = 0;
        for (int j = 0; j < d; j++) {
            ms += Z.get(j, j);
            bias += Z.get(j, d) * Z.get(j, d);
        }
        ms = Math.max(ms, bias);
        return new SgdError(steps, ms, bias, falseAlarm, Math.sqrt(ms / falseAlarm));
    }

    /** The root-mean-square error √E‖w_T − w_drop‖². */
    public double rms() {
        return Math.sqrt(meanSquared);
    }

    /**
     * The check cell of notebook 02, section 2.5: the Markov radius is below half the gap
     * ‖w_drop − p·w_drop‖ = (1 − p)‖w_drop‖ (so that a ball of that radius around w_drop and one
     * around p·w_drop are disjoint and the check can tell the two apart), w_T lies within the
     * radius of w_drop, and outside the same radius around p·w_drop.
     */
    public void checkConverges(double[] wT, double[] wDrop, double[] pwDrop) {
        double gap = Vectors.distance(wDrop, pwDrop);
        Check.atMost(tolerance, gap / 2,
                "Markov radius √(E‖w_T − w_drop‖²/α) against half the gap ‖w_drop − p·w_drop‖");
        Check.atMost(Vectors.distance(wT, wDrop), tolerance, "‖w_T − w_drop‖ against the Markov radius");
        Check.atLeast(Vectors.distance(wT, pwDrop), tolerance, "‖w_T − p·w_drop‖ against the same radius");
    }

    /** Whether {@link #checkConverges} passes, without printing (the Explore figure's verdict). */
    public boolean converges(double[] wT, double[] wDrop, double[] pwDrop) {
        return tolerance <= Vectors.distance(wDrop, pwDrop) / 2 && Vectors.distance(wT, wDrop) <= tolerance
                && Vectors.distance(wT, pwDrop) >= tolerance;
    }

    /** Ē = E[Ñ_R], (d+1)×(d+1): [p²XᵀX + p(1−p)Γ², −pXᵀy] over a zero row. */
    private static DMatrixRMaj meanStep(DMatrixRMaj X, double[] y, double p) {
        int d = X.numCols;
        DMatrixRMaj A = DropoutRegression.expectedGram(X, p);
        double[] b = Vectors.transposeTimes(X, y);
        DMatrixRMaj E = new DMatrixRMaj(d + 1, d + 1);
        CommonOps_DDRM.insert(A, E, 0, 0);
        for (int j = 0; j < d; j++) {
            E.set(j, d, -p * b[j]);
        }
        return E;
    }

    /**
     * The linear map vec(Z) ↦ Σ_k (E[N_k Z N_kᵀ] − E[N_k] Z E[N_k]ᵀ), as a d²×(d+1)² matrix: entry
     * ((a,b),(c,e)) is (p^|{a,b,c,e}| − p^|{a,c}|·p^|{b,e}|)·Σ_k x_ka x_kb x̃_kc x̃_ke, where x̃_k =
     * (x_k, −y_k) and the last index (the target) is never dropped.
     */
    private static DMatrixRMaj fourthMoments(DMatrixRMaj X, double[] y, double p) {
        int d = X.numCols;
        int D = d + 1;
        DMatrixRMaj K = new DMatrixRMaj(d * d, D * D);
        double[] row = new double[D];
        for (int k = 0; k < X.numRows; k++) {
            for (int j = 0; j < d; j++) {
                row[j] = X.unsafe_get(k, j);
            }
            row[d] = -y[k];
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    double ab = row[a] * row[b];
                    for (int c = 0; c < D; c++) {
                        double abc = ab * row[c];
                        for (int e = 0; e < D; e++) {
                            K.add(a * d + b, c * D + e, abc * row[e]);
                        }
                    }
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                for (int c = 0; c < D; c++) {
                    for (int e = 0; e < D; e++) {
                        double f = Math.pow(p, distinct(d, a, b, c, e))
                                - Math.pow(p, distinct(d, a, c)) * Math.pow(p, distinct(d, b, e));
                        K.set(a * d + b, c * D + e, f * K.get(a * d + b, c * D + e));
                    }
                }
            }
        }
        return K;
    }

    /** The number of distinct feature indices (below d) among {@code idx}: the target index d is kept always. */
    private static int distinct(int d, int... idx) {
        return (int) java.util.Arrays.stream(idx).filter(i -> i < d).distinct().count();
    }
}
