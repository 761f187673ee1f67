package dltheory.birnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

import dltheory.birnn.BidirectionalRnn.Chain;

class FiguresTest {

    @Test
    void gradientNormChartsShowBothChainsAndTheBound() {
        BidirectionalGradientNorms n = new BidirectionalGradientNorms("x", new double[] {1e-4, 1e-2, 1},
                new double[] {2, 0.5, 0.1});
        XYChart both = Figures.gradientNorms(n, "both chains");
        assertEquals("both chains", both.getTitle());
        assertEquals(n.chart("both chains").getSeriesMap().keySet(), both.getSeriesMap().keySet());
        XYChart bounded = Figures.gradientNorms(n, "forward", Chain.FORWARD, 0.1);
        assertEquals(3, bounded.getSeriesMap().size(), bounded.getSeriesMap().keySet().toString());
        assertArrayEquals(new double[] {1e-4, 1e-2, 1},
                bounded.getSeriesMap().get("forward chain h⁽ᶠ⁾").getYData(), 0);
    }

    @Test
    void theChartsOfSectionThreeDrawTheirPartsAndRefuseBadArguments() {
        var parts = new ContributionByDistance(2, new double[] {1, 0.1, 0.01}, new double[] {1, 1, 1}, 0);
        XYChart withEnvelope = Figures.contributions(parts, 0.5);
        assertEquals(2, withEnvelope.getSeriesMap().size(), withEnvelope.getSeriesMap().keySet().toString());
        assertArrayEquals(new double[] {0, 1, 2},
                withEnvelope.getSeriesMap().get("part from the loss k steps later").getXData(), 0);
        var rows = java.util.List.of(new TruncatedBptt(0, 0.1, 0.2), new TruncatedBptt(1, 0, 0));
        assertEquals(1, Figures.truncation(rows).getSeriesMap().values().iterator().next().getXData().length);
        BidirectionalAssertions.rejects("rows", () -> Figures.truncation(java.util.List.of(new TruncatedBptt(3, 0, 0))));
        BidirectionalGradientNorms n = new BidirectionalGradientNorms("x", new double[] {1, 1}, new double[] {1, 1});
        BidirectionalAssertions.rejects("chain", () -> Figures.gradientNorms(n, "t", null, 0.5));
        BidirectionalAssertions.rejects("rate", () -> Figures.contributions(parts, -1));
    }
}
