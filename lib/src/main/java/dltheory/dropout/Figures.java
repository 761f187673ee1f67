package dltheory.dropout;

import java.awt.Color;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import dltheory.linalg.Vectors;
import dltheory.plot.KeyMarker;
import dltheory.plot.Panels;
import dltheory.plot.Plots;
import dltheory.text.Scripts;

/** The figures of notebook 02, one function per figure, in the collection's house style. */
public final class Figures {

    private Figures() {
    }

    /**
     * The running Monte Carlo mean of L(w) against the number of masks N (log x), its ±2 SE band,
     * and the closed form E_R[L(w)] (equation (2.4)) as a dashed line.
     */
    public static XYChart runningLoss(RunningEstimate r) {
        XYChart chart = Plots.logX(Plots.xy("Monte Carlo mean of L(w) closes in on its expectation over masks",
                "number of masks N", "mean of L(w) over N masks"));
        double[] n = r.n();
        Plots.line(chart, "running mean", n, r.mean());
        Plots.band(chart, "± 2 SE", n, r.lower(), r.upper());
        Plots.horizontal(chart, "closed form ‖y − pXw‖² + p(1−p)‖Γw‖²", r.closedForm(), n[0], n[n.length - 1]);
        return chart;
    }

    /**
     * SGD with dropout (equation (2.8)): distance of the iterates to w_drop for a decaying and a
     * constant step, the decaying run's distance to p·w_drop, and the gap ‖w_drop − p·w_drop‖
     * dashed (log-log).
     */
    public static XYChart sgdDistance(SgdPath decaying, SgdPath constant, double[] wDrop, double[] pwDrop) {
        XYChart chart = Plots.logY(Plots.logX(Plots.xy("SGD with dropout converges to w(drop), not to p·w(drop)",
                "step t", "distance ‖wₜ − target‖")));
        Plots.line(chart, "decaying η, to w(drop)", decaying.steps(), decaying.distanceTo(wDrop));
        Plots.line(chart, "constant η, to w(drop)", constant.steps(), constant.distanceTo(wDrop));
        Plots.line(chart, "decaying η, to p·w(drop)", decaying.steps(), decaying.distanceTo(pwDrop));
        double[] t = decaying.steps();
        Plots.horizontal(chart, "‖w(drop) − p·w(drop)‖", Vectors.distance(wDrop, pwDrop), t[0], t[t.length - 1]);
        return chart;
    }

    /**
     * The explore figure of notebook 02: {@link #sgdDistance} at keep probability {@code p}, from
     * two fresh runs of {@code steps} steps (η₀ = 0.5/L; the decaying run with η₀τ = 1/μ, L and μ
     * being {@link DropoutRegression#smoothness} and {@link DropoutRegression#strongConvexity} at
     * this p; both drawing their masks from {@code rng}), titled with the notebook's verdict of
     * {@link SgdError#checkConverges}: the decaying run ends within the Markov radius of w_drop
     * (false alarm 10⁻³), outside it around p·w_drop, and the radius is below half the gap (✓, else ✗).
     */
    public static XYChart sgdDistanceAt(DMatrixRMaj X, double[] y, double p, int steps, Random rng) {
        double eta0 = 0.5 / DropoutRegression.smoothness(X, p);
        double tau = DropoutSgd.decayTime(X, p, eta0);
        SgdPath decaying = DropoutSgd.run(X, y, p, steps, eta0, tau, 40, rng);
        SgdPath constant = DropoutSgd.run(X, y, p, steps, eta0, Double.POSITIVE_INFINITY, 40, rng);
        double[] wDrop = DropoutRegression.minimiser(X, y, p);
        double[] pwDrop = DropoutRegression.scaledMinimiser(X, y, p);
        boolean ok = SgdError.of(X, y, p, steps, eta0, tau, SgdError.FALSE_ALARM)
                .converges(decaying.last(), wDrop, pwDrop);
        XYChart chart = sgdDistance(decaying, constant, wDrop, pwDrop);
        chart.setTitle(String.format("p = %.2f: SGD ends at w(drop), not p·w(drop) %s", p, ok ? "✓" : "✗"));
        return chart;
    }

    /** λ = (1−p)/p against p (log y), notebook 02, equation (2.6). */
    public static XYChart lambdaVsP(double[] ps) {
        double[] lambda = new double[ps.length];
        for (int k = 0; k < ps.length; k++) {
            lambda[k] = DropoutRegression.lambda(ps[k]);
        }
        XYChart chart = Plots.logY(Plots.xy("Dropout's λ = (1 − p)/p", "keep probability p", "λ"));
        Plots.line(chart, "λ = (1 − p)/p", ps, lambda);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0);
        return chart;
    }

    /**
     * One line per coefficient of {@code paths}, against p (dropout, p·w_drop of equation (2.6)) or
     * against λ (ridge, equation (2.9), log x).
     *
     * @param logX whether the x axis is logarithmic (use it for λ); otherwise the axis is p ∈ [0, 1]
     */
    public static XYChart coefficientPaths(CoefficientPaths paths, String title, String xLabel, String yLabel,
                                           boolean logX) {
        XYChart chart = Plots.xy(title, xLabel, yLabel);
        if (logX) {
            Plots.logX(chart);
        } else {
            chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0);
        }
        for (int j = 1; j <= paths.d(); j++) {
            Plots.line(chart, "w" + Scripts.subscript(j), paths.x(), paths.path(j));
        }
        return chart;
    }

    /**
     * The final iterates w_T of independent constant-step runs (coordinates i and j, from 1) as a
     * cloud of small light dots, with their mean (a ring), w_drop (a cross inside it when they
     * agree) and p·w_drop marked large, with white halos, on top (Figure 2.6).
     */
    public static XYChart spread(Ensemble e, double[] wDrop, double[] pwDrop, int i, int j) {
        XYChart chart = Plots.xy("Where dropout training stops: " + e.runs() + " runs at a constant step",
                "w" + Scripts.subscript(i), "w" + Scripts.subscript(j));
        XYSeries cloud = Plots.scatter(chart, "final w of each run", e.coordinate(i), e.coordinate(j));
        // a light cloud of small dots, so the marked points on it stay visible
        cloud.setMarker(KeyMarker.dot(0.8));
        cloud.setMarkerColor(new Color(0x0072B2 | 0x66000000, true));
        double[] m = e.mean();
        // the mean and w_drop nearly coincide: a large ring around a cross keeps both visible
        point(chart, "mean of the runs", m[i - 1], m[j - 1], new Color(0x009E73),
                KeyMarker.hollow(KeyMarker.Shape.CIRCLE, 2.6));
        point(chart, "w(drop)", wDrop[i - 1], wDrop[j - 1], Color.BLACK, KeyMarker.of(KeyMarker.Shape.CROSS, 1.6));
        point(chart, "p·w(drop)", pwDrop[i - 1], pwDrop[j - 1], new Color(0xD55E00),
                KeyMarker.of(KeyMarker.Shape.SQUARE, 1.8));
        return chart;
    }

    /**
     * Held-out error against the keep probability p (dropout's test-time weights p·w_drop, equation
     * (2.6)) and against λ_L2 (ridge, equation (2.9), log x), as two stacked panels on one y range, with
     * least squares as a dashed line and the best value of each grid marked (notebook 02, section 9).
     */
    public static Panels heldOutError(HeldOutCurves c) {
        double lo = Math.min(c.ols(), Math.min(c.bestDropoutError(), c.bestRidgeError()));
        double hi = c.ols();
        for (double v : c.dropout()) {
            hi = Math.max(hi, v);
        }
        for (double v : c.ridge()) {
            hi = Math.max(hi, v);
        }
        double pad = 0.05 * (hi - lo);
        XYChart byP = Plots.xy("Held-out error of dropout against the keep probability", "keep probability p",
                "held-out mean squared error", Plots.WIDTH, 320);
        Plots.line(byP, "dropout, p·w(drop)", c.ps(), c.dropout());
        double[] ps = c.ps();
        Plots.horizontal(byP, "least squares", c.ols(), ps[0], ps[ps.length - 1]);
        point(byP, "smallest error", c.bestP(), c.bestDropoutError(), Color.BLACK, SeriesMarkers.DIAMOND);
        XYChart byLambda = Plots.logX(Plots.xy("Held-out error of ridge against its strength", "λ(L2)",
                "held-out mean squared error", Plots.WIDTH, 320));
        Plots.line(byLambda, "ridge, w(L2)", c.lambdas(), c.ridge());
        double[] l = c.lambdas();
        Plots.horizontal(byLambda, "least squares", c.ols(), l[0], l[l.length - 1]);
        point(byLambda, "smallest error", c.bestLambda(), c.bestRidgeError(), Color.BLACK, SeriesMarkers.DIAMOND);
        for (XYChart chart : new XYChart[] {byP, byLambda}) {
            chart.getStyler().setYAxisMin(lo - pad).setYAxisMax(hi + pad);
        }
        return new Panels(java.util.List.of(byP, byLambda), 1);
    }

    private static void point(XYChart chart, String name, double x, double y, Color color,
                              org.knowm.xchart.style.markers.Marker marker) {
        XYSeries s = Plots.scatter(chart, name, new double[] {x}, new double[] {y});
        s.setMarker(marker);
        s.setMarkerColor(color);
    }
}
