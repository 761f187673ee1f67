package dltheory.birnn;

import org.ejml.data.DMatrixRMaj;

import dltheory.check.Arguments;
import dltheory.check.Question;

/**
 * The exercises of notebook 06, checked by {@link dltheory.check.Exercise#check(Question, Number)}.
 * The expected values are computed here from the notebook's toy net when the check runs, so the
 * check cell names the question and shows neither the answer nor the computation behind it.
 */
public final class BirnnExercises {

    private BirnnExercises() {
    }

    /**
     * Exercise 1 (a derivation): ∇_{h₁⁽ᶠ⁾}L of the toy net, computed by backpropagation through time.
     *
     * @param toy   the one-unit net
     * @param x     its inputs (one row, T columns)
     * @param loss  its loss
     */
    public static Question exercise1(BidirectionalRnn toy, DMatrixRMaj x, BidirectionalLoss loss) {
        requireToy(toy, x, loss);
        return new Question("Exercise 6.1",
                () -> BidirectionalBptt.gradients(toy, x, loss).hForward(1)[0], 1e-9,
                "h₁⁽ᶠ⁾ has two outgoing edges, so the answer has two terms: the loss read at step 1, and "
                        + "the gradient that comes back from h₂⁽ᶠ⁾ through the sigmoid and the recurrent "
                        + "weight; the sigmoid's slope can be read off the state it produced");
    }

    /**
     * Exercise 2 (a shared weight): ∂L/∂U⁽ᵇ⁾ of the toy net, computed by backpropagation through time.
     *
     * @param toy   the one-unit net
     * @param x     its inputs (one row, T columns)
     * @param loss  its loss
     */
    public static Question exercise2(BidirectionalRnn toy, DMatrixRMaj x, BidirectionalLoss loss) {
        requireToy(toy, x, loss);
        return new Question("Exercise 6.2",
                () -> BidirectionalBptt.gradients(toy, x, loss).parameter(BidirectionalRnn.Parameter.U_B)
                        .get(0, 0), 1e-9,
                "a shared weight collects one product per step it is used at; the step whose previous "
                        + "backward state is the zero initial state adds nothing, and at the first step the "
                        + "backward state's gradient has no recurrent part");
    }

    /**
     * Exercise 3 (reading the graph): how many of the 2T hidden states h_t⁽ᶠ⁾, h_t⁽ᵇ⁾, t = 1 … T,
     * receive a nonzero gradient from a loss at t = T alone, counted on the gradients that
     * backpropagation through time computes for {@code net} when the check runs.
     *
     * @param net     the net of section 3
     * @param x       its inputs (D rows, T columns)
     * @param targets its targets (K rows, T columns); only column T is used
     */
    public static Question exercise3(BidirectionalRnn net, DMatrixRMaj x, DMatrixRMaj targets) {
        Arguments.notNull(net, "net", "a BidirectionalRnn");
        Arguments.matrix(x, "x");
        Arguments.matrix(targets, "targets");
        BidirectionalLoss last = BidirectionalLoss.lastStep(targets);
        return new Question("Exercise 6.3",
                () -> BidirectionalGradientNorms.of(net, x, last, "at t = T").nonzeroStates(),
                Question.WHOLE_NUMBER,
                "a state can only receive gradient from a loss it influences: follow the arrows forward "
                        + "from each chain's states and see which of them arrive at y_T");
    }

    private static void requireToy(BidirectionalRnn toy, DMatrixRMaj x, BidirectionalLoss loss) {
        Arguments.notNull(toy, "toy", "a BidirectionalRnn");
        Arguments.matrix(x, "x");
        Arguments.notNull(loss, "loss", "a BidirectionalLoss");
    }
}
