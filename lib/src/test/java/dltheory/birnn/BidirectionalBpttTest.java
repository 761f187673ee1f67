package dltheory.birnn;

import dltheory.rnn.Activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import dltheory.check.Gradients;
import dltheory.random.Seeded;
import dltheory.birnn.BidirectionalRnn.Chain;

class BidirectionalBpttTest {

    private static final long SEED = 606L;
    private static final double GRADIENT_TOL = 1e-6;

    record Setup(BidirectionalRnn net, DMatrixRMaj x, DMatrixRMaj targets) {
    }

    static Setup setup(int d, int h, int k, int T, double scale, Activation sigma, long seed) {
        Random rng = Seeded.rng(seed, "setup");
        BidirectionalRnn net = BidirectionalRnn.random(d, h, k, scale, sigma, rng);
        // non-zero bias and initial states so that their gradients are exercised too
        double[] v = net.toVector();
        int n = v.length;
        for (int i = n - (k + 2 * h); i < n; i++) {
            v[i] = 0.5 * rng.nextGaussian();
        }
        return new Setup(net.withVector(v), Seeded.normal(d, T, 0, 1, rng), Seeded.normal(k, T, 0, 1, rng));
    }

    static final List<Function<DMatrixRMaj, BidirectionalLoss>> LOSSES = List.of(
            BidirectionalLoss::everyStep, BidirectionalLoss::lastStep, BidirectionalLoss::firstStep,
            t -> BidirectionalLoss.at(t, 2));

    @Test
    void parameterGradientsMatchCentralDifferences() {
        int[][] shapes = {{1, 1, 1, 1}, {2, 3, 1, 2}, {3, 4, 2, 5}, {2, 2, 3, 7}};
        for (int[] s : shapes) {
            for (Activation sigma : Activation.values()) {
                for (long seed = 0; seed < 3; seed++) {
                    Setup u = setup(s[0], s[1], s[2], s[3], 1.5, sigma, SEED + seed);
                    for (var make : LOSSES) {
                        if (s[3] < 2 && make == LOSSES.get(3)) {
                            continue;
                        }
                        BidirectionalLoss loss = make.apply(u.targets());
                        double[] analytic = BidirectionalBptt.gradients(u.net(), u.x(), loss).toVector();
                        double[] numeric = BidirectionalBptt.parameterFiniteDifference(u.net(), u.x(), loss);
                        double err = Gradients.relativeError(analytic, numeric);
                        assertTrue(err <= GRADIENT_TOL, "shape " + java.util.Arrays.toString(s) + " " + sigma
                                + " seed " + seed + ": relative error " + err);
                    }
                }
            }
        }
    }

    @Test
    void parameterCheckRowsCoverEveryParameterAndAgree() {
        Setup u = setup(3, 4, 2, 4, 1.0, Activation.SIGMOID, SEED);
        List<BidirectionalParameterCheck> rows =
                BidirectionalBptt.parameterCheck(u.net(), u.x(), BidirectionalLoss.everyStep(u.targets()));
        assertEquals(List.of(BidirectionalRnn.Parameter.values()), rows.stream().map(BidirectionalParameterCheck::parameter).toList());
        assertEquals(u.net().toVector().length, rows.stream().mapToInt(BidirectionalParameterCheck::entries).sum());
        assertTrue(BidirectionalParameterCheck.worst(rows) <= GRADIENT_TOL);
        assertTrue(rows.stream().allMatch(r -> r.gradientNorm() > 0), "every parameter gets a gradient");
        assertEquals(rows.size(), BidirectionalParameterCheck.table("t", rows).rowCount());
    }

    @Test
    void stateGradientsOfBothChainsMatchCentralDifferences() {
        for (Activation sigma : Activation.values()) {
            for (long seed = 0; seed < 3; seed++) {
                Setup u = setup(2, 3, 2, 6, 1.5, sigma, SEED + 10 + seed);
                for (var make : LOSSES) {
                    BidirectionalLoss loss = make.apply(u.targets());
                    BidirectionalGradients g = BidirectionalBptt.gradients(u.net(), u.x(), loss);
                    for (Chain chain : Chain.values()) {
                        for (int t = 1; t <= 6; t++) {
                            double[] numeric = BidirectionalBptt.stateFiniteDifference(u.net(), u.x(), loss, chain, t);
                            double err = Gradients.relativeError(g.h(chain, t), numeric);
                            assertTrue(err <= GRADIENT_TOL, chain + " t=" + t + " " + sigma + ": " + err);
                        }
                    }
                }
            }
        }
    }

    @Test
    void initialStateGradientsAreTheRecursionOneStepFurther() {
        Setup u = setup(2, 3, 2, 4, 1.5, Activation.TANH, SEED + 20);
        BidirectionalGradients g = BidirectionalBptt.gradients(u.net(), u.x(), BidirectionalLoss.everyStep(u.targets()));
        assertEquals(0, Gradients.relativeError(g.hForward(0), g.parameter(BidirectionalRnn.Parameter.H0_F).data), 1e-15);
        assertEquals(0, Gradients.relativeError(g.hBackward(5), g.parameter(BidirectionalRnn.Parameter.HT1_B).data), 1e-15);
    }

    @Test
    void textRecursionIsExactWhenOnlyTheChainsEndCarriesLoss() {
        for (long seed = 0; seed < 4; seed++) {
            Setup u = setup(3, 4, 2, 8, 2.0, Activation.SIGMOID, SEED + 30 + seed);
            List<BidirectionalStateCheck> last =
                    BidirectionalBptt.stateCheck(u.net(), u.x(), BidirectionalLoss.lastStep(u.targets()));
            assertTrue(BidirectionalStateCheck.worstText(last, BidirectionalRnn.Chain.FORWARD) <= GRADIENT_TOL);
            List<BidirectionalStateCheck> first =
                    BidirectionalBptt.stateCheck(u.net(), u.x(), BidirectionalLoss.firstStep(u.targets()));
            assertTrue(BidirectionalStateCheck.worstText(first, BidirectionalRnn.Chain.BACKWARD) <= GRADIENT_TOL);
            assertTrue(BidirectionalStateCheck.worstFull(last) <= GRADIENT_TOL);
            assertTrue(BidirectionalStateCheck.worstFull(first) <= GRADIENT_TOL);
        }
    }

    /** The tolerance of claim 06.text-recursion: the text's recursion misses by at least 1 %. */
    private static final double TEXT_MISS = 0.01;

    /**
     * Notebook 06's check "the text's (31)–(32) are wrong with a loss at every step" (worst relative
     * error ≥ {@value #TEXT_MISS} in each chain) on 3,000 seeds built as the notebook builds its
     * small net (T = 6, D = 3, H = 4, K = 2, U scale 1.5), and the bound on its false-alarm rate.
     * <p>
     * At the state next to the chain's start (t = T − 1 forward) the text's value is
     * A = U⁽ᶠ⁾ᵀ(σ′ ⊙ V⁽ᶠ⁾ᵀe_T), the true one A + d with d = V⁽ᶠ⁾ᵀe_{T−1} (plus the central
     * differences' error, below 1e-9 here). An error below ε needs ‖d‖ < s = ε/(1 − ε)·‖A‖, and
     * ‖A‖ ≤ γ‖U‖·‖Vᵀe_T‖. With e_{T−1} = ŷ_{T−1} − y_{T−1} and the target y_{T−1} ~ N(0, I₂) drawn
     * independently of everything in s and of ŷ_{T−1}, d is a 2-D normal vector in the column
     * space of Vᵀ, and ‖d‖ < s puts e_{T−1} in an ellipse of area πs²/(σ₁σ₂), σᵢ the singular
     * values of V, which holds at most s²/(2σ₁σ₂) of a standard normal's mass: P(false alarm) ≤
     * E[s²/(2σ₁σ₂)] per chain (the backward chain likewise at t = 2). The sweep estimates that mean,
     * a moment, not a tail; the sum over both chains must be ≤ 1e-3.
     */
    @Test
    void notebookTextRecursionCheckHoldsForEverySeed() {
        int seeds = 3000;
        double least = Double.POSITIVE_INFINITY;
        double bound = 0;
        double k = TEXT_MISS / (1 - TEXT_MISS);
        for (long seed = 1; seed <= seeds; seed++) {
            Drawn d = Drawn.shortSequence(seed);
            var rows = BidirectionalBptt.stateCheck(d.net(), d.x(), BidirectionalLoss.everyStep(d.targets()));
            least = Math.min(least, Math.min(BidirectionalStateCheck.worstText(rows, Chain.FORWARD),
                    BidirectionalStateCheck.worstText(rows, Chain.BACKWARD)));
            BidirectionalPass pass = d.net().forward(d.x());
            double sF = k * BidirectionalGradientNorms.contraction(d.net(), Chain.FORWARD)
                    * directTerm(d.net().vF(), pass, d.targets(), 6);
            double sB = k * BidirectionalGradientNorms.contraction(d.net(), Chain.BACKWARD)
                    * directTerm(d.net().vB(), pass, d.targets(), 1);
            bound += (Math.min(1, sF * sF / (2 * area(d.net().vF())))
                    + Math.min(1, sB * sB / (2 * area(d.net().vB())))) / seeds;
        }
        System.out.printf("text recursion over %d seeds: least worst error %.3f; false alarm at %.2g ≤ %.2g%n",
                seeds, least, TEXT_MISS, bound);
        assertTrue(least >= TEXT_MISS, "least " + least);
        assertTrue(bound <= 1e-3, "bound " + bound);
    }

    /**
     * Power of claim 06.text-recursion against the wrong answer "the text's recursion is right":
     * a right recursion (the full one, on the same states) misses by at most the central
     * differences' error, far below {@value #TEXT_MISS}, and is rejected on 100 of 100 seeds.
     */
    @Test
    void textRecursionCheckRejectsARightRecursion() {
        for (long seed = 1; seed <= 100; seed++) {
            Drawn d = Drawn.shortSequence(seed);
            var rows = BidirectionalBptt.stateCheck(d.net(), d.x(), BidirectionalLoss.everyStep(d.targets()));
            assertTrue(BidirectionalStateCheck.worstFull(rows) < TEXT_MISS, "seed " + seed);
        }
    }

    /** σ₁σ₂⋯ of V: the factor by which Vᵀ scales areas of its K-dimensional input. */
    private static double area(DMatrixRMaj v) {
        double p = 1;
        for (double sigma : org.ejml.dense.row.SingularOps_DDRM.singularValues(v)) {
            p *= sigma;
        }
        return p;
    }

    /** ‖Vᵀe_t‖, e_t = ŷ_t − y_t (targets: K×T, column t − 1). */
    private static double directTerm(DMatrixRMaj v, BidirectionalPass pass, DMatrixRMaj targets, int t) {
        double[] out = pass.y(t);
        double s = 0;
        for (int j = 0; j < v.numCols; j++) {
            double d = 0;
            for (int i = 0; i < out.length; i++) {
                d += v.get(i, j) * (out[i] - targets.get(i, t - 1));
            }
            s += d * d;
        }
        return Math.sqrt(s);
    }

    @Test
    void textRecursionMissesTheDirectTermWhenEveryStepHasLoss() {
        for (long seed = 0; seed < 4; seed++) {
            Setup u = setup(3, 4, 2, 8, 1.0, Activation.SIGMOID, SEED + 40 + seed);
            List<BidirectionalStateCheck> rows =
                    BidirectionalBptt.stateCheck(u.net(), u.x(), BidirectionalLoss.everyStep(u.targets()));
            assertTrue(BidirectionalStateCheck.worstFull(rows) <= GRADIENT_TOL);
            // every state but the chain's first one is missing its own ∂L_t/∂h_t
            for (BidirectionalStateCheck r : rows) {
                boolean end = r.chain() == BidirectionalRnn.Chain.FORWARD ? r.t() == 8 : r.t() == 1;
                if (end) {
                    assertTrue(r.errorTextRecursion() <= GRADIENT_TOL, r.toString());
                } else {
                    assertTrue(r.errorTextRecursion() > 0.05, r.toString());
                }
            }
        }
    }

    @Test
    void sigmoidDerivativeIsHTimesOneMinusH() {
        Setup u = setup(2, 5, 1, 4, 1.0, Activation.SIGMOID, SEED + 50);
        BidirectionalPass pass = u.net().forward(u.x());
        for (int t = 1; t <= 4; t++) {
            double[] h = pass.hForward(t);
            double[] d = pass.sigmaPrime(Chain.FORWARD, t, Activation.SIGMOID);
            for (int i = 0; i < h.length; i++) {
                assertEquals(h[i] * (1 - h[i]), d[i], 1e-15);
            }
        }
    }

    @Test
    void badArgumentsAreNamed() {
        Setup u = setup(2, 3, 2, 4, 1.0, Activation.SIGMOID, SEED);
        BidirectionalLoss loss = BidirectionalLoss.everyStep(u.targets());
        BidirectionalAssertions.rejects("x", () -> BidirectionalBptt.gradients(u.net(), new DMatrixRMaj(2, 0), loss));
        BidirectionalAssertions.rejects("x", () -> BidirectionalBptt.gradients(u.net(), new DMatrixRMaj(3, 4), loss));
        BidirectionalAssertions.rejects("targets", () -> BidirectionalBptt.gradients(u.net(), new DMatrixRMaj(2, 5), loss));
        BidirectionalAssertions.rejects("targets",
                () -> BidirectionalBptt.gradients(u.net(), u.x(), BidirectionalLoss.everyStep(new DMatrixRMaj(3, 4))));
        BidirectionalAssertions.rejects("net", () -> BidirectionalBptt.gradients(null, u.x(), loss));
        BidirectionalAssertions.rejects("loss", () -> BidirectionalBptt.gradients(u.net(), u.x(), null));
        BidirectionalAssertions.rejects("chain", () -> BidirectionalBptt.recurrentOnly(u.net(), u.x(), loss, null));
        BidirectionalAssertions.rejects("steps", () -> BidirectionalLoss.at(u.targets(), 5));
        BidirectionalAssertions.rejects("steps", () -> new BidirectionalLoss(u.targets(), new boolean[3]));
        BidirectionalAssertions.rejects("targets", () -> BidirectionalLoss.everyStep(new DMatrixRMaj(2, 0)));
        BidirectionalGradients g = BidirectionalBptt.gradients(u.net(), u.x(), loss);
        BidirectionalAssertions.rejects("t", () -> g.hForward(5));
        BidirectionalAssertions.rejects("t", () -> g.hBackward(0));
        BidirectionalAssertions.rejects("p must be one of", () -> g.parameter(null));
    }
}
