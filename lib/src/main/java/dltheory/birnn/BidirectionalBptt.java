package dltheory.birnn;

import static dltheory.linalg.Vectors.addOuter;
import static dltheory.linalg.Vectors.column;
import static dltheory.linalg.Vectors.hadamard;
import static dltheory.linalg.Vectors.norm;
import static dltheory.linalg.Vectors.plus;
import static dltheory.linalg.Vectors.transposeTimes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ejml.data.DMatrixRMaj;

import dltheory.check.Gradients;
import dltheory.birnn.BidirectionalRnn.Chain;
import dltheory.check.Arguments;

/**
 * Backpropagation through time for the bidirectional net of notebook 06 (Q6.2).
 *
 * <p>Convention (the text's "denominator layout"): ∇_v L is a column vector shaped like v, and
 * ∂a/∂h is written so that ∇_h L = (∂a/∂h)∇_a L; for a = Uh that gives ∂a/∂h = Uᵀ.
 * With δ_t = σ′(a_t) ⊙ ∇_{h_t}L (for the sigmoid σ′(a_t) = h_t ⊙ (1 − h_t), elementwise) and
 * e_t = ∂L/∂y_t = y_t − ŷ_t on loss steps (0 elsewhere):
 *
 * <pre>
 *   ∇_{h_t⁽ᶠ⁾}L = V⁽ᶠ⁾ᵀe_t + U⁽ᶠ⁾ᵀδ_{t+1}⁽ᶠ⁾     (direct term + recurrent path; δ_{T+1}⁽ᶠ⁾ = 0)
 *   ∇_{h_t⁽ᵇ⁾}L = V⁽ᵇ⁾ᵀe_t + U⁽ᵇ⁾ᵀδ_{t−1}⁽ᵇ⁾     (δ₀⁽ᵇ⁾ = 0)
 * </pre>
 *
 * The text's (31)–(32) keep only the second term; {@link #recurrentOnly} computes that.
 */
public final class BidirectionalBptt {

    private BidirectionalBptt() {
    }

    /**
     * Every parameter gradient and every hidden-state gradient of {@code loss} at {@code x}
     * (the full recursion above, with the direct term ∂L_t/∂h_t = Vᵀe_t). Nothing is modified.
     */
    public static BidirectionalGradients gradients(BidirectionalRnn net, DMatrixRMaj x, BidirectionalLoss loss) {
        BidirectionalPass pass = passFor(net, x, loss);
        int T = pass.steps();
        int h = net.hiddenDim();
        double[][] e = new double[T + 2][];
        for (int t = 1; t <= T; t++) {
            e[t] = loss.outputGradient(pass, t);
        }
        double[][] gF = new double[T + 2][];
        double[][] dF = new double[T + 2][];
        dF[T + 1] = new double[h];
        for (int t = T; t >= 1; t--) {
            gF[t] = plus(transposeTimes(net.vF(), e[t]), transposeTimes(net.uF(), dF[t + 1]));
            dF[t] = hadamard(pass.sigmaPrime(Chain.FORWARD, t, net.sigma()), gF[t]);
        }
        gF[0] = transposeTimes(net.uF(), dF[1]);
        double[][] gB = new double[T + 2][];
        double[][] dB = new double[T + 2][];
        dB[0] = new double[h];
        for (int t = 1; t <= T; t++) {
            gB[t] = plus(transposeTimes(net.vB(), e[t]), transposeTimes(net.uB(), dB[t - 1]));
            dB[t] = hadamard(pass.sigmaPrime(Chain.BACKWARD, t, net.sigma()), gB[t]);
        }
        gB[T + 1] = transposeTimes(net.uB(), dB[T]);

        DMatrixRMaj[] p = new DMatrixRMaj[9];
        DMatrixRMaj[] shapes = net.matrices();
        for (int i = 0; i < p.length; i++) {
            p[i] = new DMatrixRMaj(shapes[i].numRows, shapes[i].numCols);
        }
        for (int t = 1; t <= T; t++) {
            double[] xt = column(x, t);
            addOuter(p[0], dF[t], xt);                        // ∂L/∂W⁽ᶠ⁾ += δ_t⁽ᶠ⁾ x_tᵀ
            addOuter(p[1], dF[t], pass.hRef(Chain.FORWARD, t - 1));   // ∂L/∂U⁽ᶠ⁾ += δ_t⁽ᶠ⁾ h_{t−1}⁽ᶠ⁾ᵀ
            addOuter(p[2], dB[t], xt);                        // ∂L/∂W⁽ᵇ⁾ += δ_t⁽ᵇ⁾ x_tᵀ
            addOuter(p[3], dB[t], pass.hRef(Chain.BACKWARD, t + 1));  // ∂L/∂U⁽ᵇ⁾ += δ_t⁽ᵇ⁾ h_{t+1}⁽ᵇ⁾ᵀ
            addOuter(p[4], e[t], pass.hRef(Chain.FORWARD, t));        // ∂L/∂V⁽ᶠ⁾ += e_t h_t⁽ᶠ⁾ᵀ
            addOuter(p[5], e[t], pass.hRef(Chain.BACKWARD, t));       // ∂L/∂V⁽ᵇ⁾ += e_t h_t⁽ᵇ⁾ᵀ
            addOuter(p[6], e[t], new double[] {1});           // ∂L/∂c += e_t
        }
        System.arraycopy(gF[0], 0, p[7].data, 0, h);         // ∂L/∂h₀⁽ᶠ⁾
        System.arraycopy(gB[T + 1], 0, p[8].data, 0, h);     // ∂L/∂h_{T+1}⁽ᵇ⁾
        return new BidirectionalGradients(p, gF, gB);
    }

    /**
     * The text's recursion (31) (FORWARD) or (32) (BACKWARD) alone: start at the chain's last step
     * with its direct term (t = T for the forward chain, t = 1 for the backward one) and then
     * follow only the recurrent path, ∇_{h_t}L = Uᵀ diag(σ′(a_{t±1}))∇_{h_{t±1}}L. It equals the
     * true gradient only when no other step's output carries loss. Row t − 1 holds step t.
     */
    static double[][] recurrentOnly(BidirectionalRnn net, DMatrixRMaj x, BidirectionalLoss loss, Chain chain) {
        Arguments.notNull(chain, "chain", "FORWARD or BACKWARD");
        BidirectionalPass pass = passFor(net, x, loss);
        int T = pass.steps();
        double[][] g = new double[T][];
        if (chain == Chain.FORWARD) {
            g[T - 1] = transposeTimes(net.vF(), loss.outputGradient(pass, T));
            for (int t = T - 1; t >= 1; t--) {
                g[t - 1] = transposeTimes(net.uF(), hadamard(pass.sigmaPrime(Chain.FORWARD, t + 1, net.sigma()), g[t]));
            }
        } else {
            g[0] = transposeTimes(net.vB(), loss.outputGradient(pass, 1));
            for (int t = 2; t <= T; t++) {
                g[t - 1] = transposeTimes(net.uB(), hadamard(pass.sigmaPrime(Chain.BACKWARD, t - 1, net.sigma()), g[t - 2]));
            }
        }
        return g;
    }

    /** The loss of {@code net} on {@code x}: L = Σ_{t∈S} ½‖y_t − ŷ_t‖². */
    public static double loss(BidirectionalRnn net, DMatrixRMaj x, BidirectionalLoss loss) {
        return loss.value(passFor(net, x, loss));
    }

    /**
     * ∇_{h_t}L of {@code chain} by central differences on {@link BidirectionalRnn#forwardWithState}
     * (step {@link Gradients#STEP}): the reference the recursions are checked against.
     */
    static double[] stateFiniteDifference(BidirectionalRnn net, DMatrixRMaj x, BidirectionalLoss loss,
                                                 Chain chain, int t) {
        double[] state = passFor(net, x, loss).h(chain, t);
        return Gradients.centralDifference(s -> loss.value(net.forwardWithState(x, chain, t, s)), state);
    }

    /** All parameter gradients by central differences, in the layout of {@link BidirectionalRnn#toVector()}. */
    static double[] parameterFiniteDifference(BidirectionalRnn net, DMatrixRMaj x, BidirectionalLoss loss) {
        passFor(net, x, loss);
        return Gradients.centralDifference(v -> loss(net.withVector(v), x, loss), net.toVector());
    }

    /**
     * One row per parameter: its size, ‖∂L/∂P‖ from BPTT, and the relative error against
     * central differences (notebook 06, Q6.2).
     */
    public static List<BidirectionalParameterCheck> parameterCheck(BidirectionalRnn net, DMatrixRMaj x,
                                                                   BidirectionalLoss loss) {
        BidirectionalGradients g = gradients(net, x, loss);
        double[] numeric = parameterFiniteDifference(net, x, loss);
        List<BidirectionalParameterCheck> rows = new ArrayList<>();
        int at = 0;
        for (BidirectionalRnn.Parameter name : BidirectionalRnn.Parameter.values()) {
            double[] a = g.parameter(name).data;
            double[] b = Arrays.copyOfRange(numeric, at, at + a.length);
            at += a.length;
            rows.add(new BidirectionalParameterCheck(name, a.length, norm(a),
                    Gradients.relativeError(a, b)));
        }
        return rows;
    }

    /**
     * One row per hidden state h_t (both chains, t = 1 … T): ‖∇_{h_t}L‖ by central differences, the
     * relative error of the full recursion (with the direct term) and of the text's recursion alone.
     */
    public static List<BidirectionalStateCheck> stateCheck(BidirectionalRnn net, DMatrixRMaj x, BidirectionalLoss loss) {
        BidirectionalGradients g = gradients(net, x, loss);
        List<BidirectionalStateCheck> rows = new ArrayList<>();
        for (Chain chain : Chain.values()) {
            double[][] text = recurrentOnly(net, x, loss, chain);
            for (int t = 1; t <= g.steps(); t++) {
                double[] numeric = stateFiniteDifference(net, x, loss, chain, t);
                rows.add(new BidirectionalStateCheck(chain, t,
                        norm(numeric),
                        Gradients.relativeError(g.h(chain, t), numeric),
                        Gradients.relativeError(text[t - 1], numeric)));
            }
        }
        return rows;
    }

    private static BidirectionalPass passFor(BidirectionalRnn net, DMatrixRMaj x, BidirectionalLoss loss) {
        Arguments.notNull(net, "net", "a BidirectionalRnn");
        Arguments.notNull(loss, "loss", "a BidirectionalLoss");
        BidirectionalPass pass = net.forward(x);
        loss.requireLength(pass);
        return pass;
    }
}
