package dltheory.birnn;

import java.util.List;

import org.knowm.xchart.XYChart;

import dltheory.birnn.BidirectionalRnn.Chain;

/**
 * The charts of notebook 06, in one place as every topic has them: the computational graph
 * (Q6.1), the gradient norms along each chain with their bound (Q6.2), where the gradient at a
 * state comes from, and the error of truncated backpropagation. Each draws with {@link
 * dltheory.plot.Plots}; the result types keep their {@code chart} methods, which these call.
 */
public final class Figures {

    private Figures() {
    }

    /** The computational graph of a bidirectional RNN unrolled over its steps (Q6.1). */
    public static XYChart graph(ComputationalGraph graph, String title) {
        return ComputationalGraphDrawing.chart(graph, title);
    }

    /** ‖∂L/∂hₜ‖ along both chains (Q6.2). */
    static XYChart gradientNorms(BidirectionalGradientNorms norms, String title) {
        return norms.chart(title);
    }

    /** ‖∂L/∂hₜ‖ along {@code chain} on a log axis, with the bound (γ‖U‖₂)ᵈ at {@code rate} = γ‖U‖₂. */
    static XYChart gradientNorms(BidirectionalGradientNorms norms, String title, Chain chain, double rate) {
        return norms.chart(title, chain, rate);
    }

    /** The part of the gradient at hₜ⁽ᶠ⁾ from the loss k steps later, with its envelope at {@code rate}. */
    static XYChart contributions(ContributionByDistance contributions, double rate) {
        return contributions.chart(rate);
    }

    /** The error of truncated BPTT against the truncation k, with its bound. */
    static XYChart truncation(List<TruncatedBptt> rows) {
        return TruncatedBptt.chart(rows);
    }
}
