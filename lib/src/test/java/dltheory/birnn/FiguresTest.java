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
}
