package dltheory.birnn;

import dltheory.rnn.Activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import dltheory.random.Seeded;
import dltheory.birnn.BidirectionalRnn.Chain;

class BidirectionalRnnTest {

    private static final long SEED = 6060L;

    @Test
    void scalarForwardPassMatchesTheDefinitionByHand() {
        Activation s = Activation.SIGMOID;
        BidirectionalRnn net = BidirectionalRnn.scalar(s, 0.7, -1.2, 0.4, 0.9, 1.5, -0.8, 0.1);
        DMatrixRMaj x = BidirectionalRnn.scalarSequence(0.5, -2.0);
        BidirectionalPass p = net.forward(x);
        double f1 = s.value(0.7 * 0.5);
        double f2 = s.value(0.7 * -2.0 - 1.2 * f1);
        double b2 = s.value(0.4 * -2.0);
        double b1 = s.value(0.4 * 0.5 + 0.9 * b2);
        assertEquals(f1, p.hForward(1)[0], 1e-15);
        assertEquals(f2, p.hForward(2)[0], 1e-15);
        assertEquals(b2, p.hBackward(2)[0], 1e-15);
        assertEquals(b1, p.hBackward(1)[0], 1e-15);
        assertEquals(1.5 * f1 - 0.8 * b1 + 0.1, p.y(1)[0], 1e-15);
        assertEquals(1.5 * f2 - 0.8 * b2 + 0.1, p.y(2)[0], 1e-15);
        DMatrixRMaj target = new DMatrixRMaj(1, 2, true, 1.0, -1.0);
        double e1 = p.y(1)[0] - 1.0;
        double e2 = p.y(2)[0] + 1.0;
        assertEquals(0.5 * (e1 * e1 + e2 * e2), BidirectionalLoss.everyStep(target).value(p), 1e-15);
        assertEquals(0.5 * e2 * e2, BidirectionalLoss.lastStep(target).value(p), 1e-15);
        assertEquals(0.5 * e1 * e1, BidirectionalLoss.firstStep(target).value(p), 1e-15);
    }

    @Test
    void replacingAStateWithItsOwnValueChangesNothing() {
        BidirectionalRnn net = BidirectionalRnn.random(3, 4, 2, 1.0, Activation.TANH, Seeded.rng(SEED, "net"));
        DMatrixRMaj x = Seeded.normal(3, 5, 0, 1, Seeded.rng(SEED, "x"));
        BidirectionalPass p = net.forward(x);
        for (Chain chain : Chain.values()) {
            for (int t = 1; t <= 5; t++) {
                BidirectionalPass q = net.forwardWithState(x, chain, t, p.h(chain, t));
                for (int s = 1; s <= 5; s++) {
                    assertArrayEquals(p.y(s), q.y(s), 0.0);
                }
            }
        }
    }

    @Test
    void vectorRoundTripKeepsEveryParameter() {
        BidirectionalRnn net = BidirectionalRnn.random(2, 3, 4, 1.0, Activation.SIGMOID, Seeded.rng(SEED, "rt"));
        double[] v = net.toVector();
        assertEquals(2 * (3 * 2) + 2 * (3 * 3) + 2 * (4 * 3) + 4 + 2 * 3, v.length);
        assertArrayEquals(v, net.withVector(v).toVector(), 0.0);
        v[0] += 1;
        assertNotEquals(net.wF().get(0, 0), net.withVector(v).wF().get(0, 0));
    }

    @Test
    void randomWeightsHaveTheStatedScale() {
        // U entries are N(0, s²/H): the sample variance over many entries is within 4 SE of s²/H
        int h = 200;
        double s = 1.5;
        BidirectionalRnn net = BidirectionalRnn.random(1, h, 1, s, Activation.TANH, Seeded.rng(SEED, "scale"));
        double[] u = net.uF().data;
        double sum = 0;
        for (double v : u) {
            sum += v * v;
        }
        double var = sum / u.length;
        double expected = s * s / h;
        double se = expected * Math.sqrt(2.0 / u.length);
        assertEquals(expected, var, 4 * se);
    }

    @Test
    void badArgumentsAreNamed() {
        DMatrixRMaj w = new DMatrixRMaj(3, 2);
        DMatrixRMaj u = new DMatrixRMaj(3, 3);
        DMatrixRMaj v = new DMatrixRMaj(1, 3);
        DMatrixRMaj c = new DMatrixRMaj(1, 1);
        DMatrixRMaj h = new DMatrixRMaj(3, 1);
        Activation s = Activation.SIGMOID;
        BidirectionalAssertions.rejects("uF", () -> new BidirectionalRnn(s, w, new DMatrixRMaj(2, 3), w, u, v, v, c, h, h));
        BidirectionalAssertions.rejects("wB", () -> new BidirectionalRnn(s, w, u, new DMatrixRMaj(3, 1), u, v, v, c, h, h));
        BidirectionalAssertions.rejects("vB", () -> new BidirectionalRnn(s, w, u, w, u, v, new DMatrixRMaj(2, 3), c, h, h));
        BidirectionalAssertions.rejects("c", () -> new BidirectionalRnn(s, w, u, w, u, v, v, h, h, h));
        BidirectionalAssertions.rejects("hBEnd", () -> new BidirectionalRnn(s, w, u, w, u, v, v, c, h, c));
        BidirectionalAssertions.rejects("sigma", () -> new BidirectionalRnn(null, w, u, w, u, v, v, c, h, h));
        BidirectionalRnn net = new BidirectionalRnn(s, w, u, w, u, v, v, c, h, h);
        BidirectionalAssertions.rejects("x", () -> net.forward(new DMatrixRMaj(2, 0)));
        BidirectionalAssertions.rejects("x", () -> net.forward(new DMatrixRMaj(5, 3)));
        BidirectionalAssertions.rejects("x", () -> net.forward(null));
        DMatrixRMaj x = new DMatrixRMaj(2, 4);
        BidirectionalAssertions.rejects("t", () -> net.forwardWithState(x, Chain.FORWARD, 0, new double[3]));
        BidirectionalAssertions.rejects("t", () -> net.forwardWithState(x, Chain.BACKWARD, 5, new double[3]));
        BidirectionalAssertions.rejects("state", () -> net.forwardWithState(x, Chain.FORWARD, 1, new double[2]));
        BidirectionalAssertions.rejects("chain", () -> net.forwardWithState(x, null, 1, new double[3]));
        BidirectionalAssertions.rejects("v", () -> net.withVector(new double[3]));
        BidirectionalAssertions.rejects("hiddenDim", () -> BidirectionalRnn.random(1, 0, 1, 1, s, Seeded.rng(1)));
        BidirectionalAssertions.rejects("recurrentScale", () -> BidirectionalRnn.random(1, 1, 1, -1, s, Seeded.rng(1)));
        BidirectionalAssertions.rejects("values", () -> BidirectionalRnn.scalarSequence());
        BidirectionalAssertions.rejects("rng", () -> BidirectionalRnn.random(1, 1, 1, 1, s, null));
        BidirectionalPass p = net.forward(x);
        BidirectionalAssertions.rejects("t", () -> p.hForward(5));
        BidirectionalAssertions.rejects("t", () -> p.hBackward(0));
        BidirectionalAssertions.rejects("t", () -> p.y(0));
    }
}
