package dltheory.optim;

import dltheory.check.Arguments;
import java.util.List;
import java.util.TreeSet;

import java.awt.BasicStroke;
import java.awt.Color;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

import dltheory.plot.KeyMarker;
import dltheory.plot.HouseTheme;
import dltheory.plot.Plots;

/**
 * The figures of notebook 03, one function per figure. Long series on a logarithmic step axis
 * are drawn at about {@value #PER_DECADE} points per decade ({@link #logSteps}), which keeps the
 * SVG small without changing what the eye sees.
 */
public final class Figures {

    /** Points per decade on a logarithmic step axis. */
    public static final int PER_DECADE = 40;

    private Figures() {
    }

    /**
     * Q3.1: paths in the (θ₁, θ₂) plane (Figure 3.1). The {@code lines} are drawn as lines, each
     * in its own colour; the last of them is the path {@code dotted} retraces, drawn as a wide
     * light blue band with {@code dotted}'s small dark blue dots on top, so that two coinciding
     * paths both stay visible; the minimum θ* = 0 is a large black cross with a white halo, drawn
     * last.
     *
     * @param title  the chart's title
     * @param dotted the path drawn as dots (momentum in the notebook)
     * @param lines  the paths drawn as lines; all 2-D; the last is the one {@code dotted} retraces
     */
    public static XYChart paths(String title, Trajectory dotted, Trajectory... lines) {
        return paths(title, null, dotted, lines);
    }

    /**
     * {@link #paths(String, Trajectory, Trajectory...)} over the contour lines of {@code bowl}
     * (levels at the start's loss times 1/2, 1/4, …), with equal scales on both axes, so that
     * the paths cross the level sets at the angles they really do.
     *
     * @param bowl the 2-D quadratic the paths descend, or null for no contours
     */
    public static XYChart paths(String title, Quadratic bowl, Trajectory dotted,
                                Trajectory... lines) {
        XYChart chart = Plots.equalAspect(Plots.xy(title, "θ₁", "θ₂"));
        if (bowl != null) {
            double[][] a = {{bowl.matrix().get(0, 0), bowl.matrix().get(0, 1)},
                {bowl.matrix().get(1, 0), bowl.matrix().get(1, 1)}};
            double top = bowl.value(dotted.theta()[0]);
            Plots.contours(chart, a, top, top / 4, top / 16, top / 64, top / 256);
        }
        twoD(dotted);
        int k = 0;
        for (Trajectory p : lines) {
            twoD(p);
            XYSeries s = Plots.line(chart, p.name(), p.coordinate(0), p.coordinate(1));
            if (p == lines[lines.length - 1]) {
                // the last line is the path the dots retrace: a wide light band beneath them
                s.setLineColor(UNDER_DOTS);
                s.setLineStyle(new BasicStroke(7f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                s.setMarker(SeriesMarkers.NONE);
            } else {
                s.setLineColor(PATH_COLOURS[k % PATH_COLOURS.length]);
                s.setLineStyle(PATH_LINES[k % PATH_LINES.length]);
                s.setMarker(SeriesMarkers.NONE);
                k++;
            }
        }
        XYSeries dots = Plots.scatter(chart, dotted.name(), dotted.coordinate(0),
                dotted.coordinate(1));
        dots.setMarker(KeyMarker.dot(0.6));
        dots.setMarkerColor(HouseTheme.PALETTE[0]);
        Plots.scatter(chart, "minimum θ*", new double[] {0}, new double[] {0})
                .setMarker(KeyMarker.of(KeyMarker.Shape.CROSS, 1.7)).setMarkerColor(Color.BLACK);
        // five keys, one of them a wide band, were cramped in a row under the plot (issue 34): a
        // column inside the plot, in the corner the paths leave emptiest, takes no room from it
        LegendPosition corner = emptiestCorner(dotted, lines);
        if (corner != null) {
            chart.getStyler().setLegendPosition(corner);
            chart.getStyler().setLegendLayout(LegendLayout.Vertical);
        }
        return chart;
    }

    /** The share of each axis' range, from a corner, that a legend column inside the plot takes. */
    private static final double LEGEND_SHARE = 0.42;

    /**
     * The corner of the box around the paths and θ* = 0 whose {@value #LEGEND_SHARE} of each range
     * holds the fewest points of the paths and θ* (SW, SE, NW, NE on a tie), or null when every
     * corner holds some, and the legend stays under the plot.
     */
    static LegendPosition emptiestCorner(Trajectory dotted, Trajectory... lines) {
        List<Trajectory> all = new java.util.ArrayList<>(List.of(lines));
        all.add(dotted);
        double x0 = 0, x1 = 0, y0 = 0, y1 = 0;
        for (Trajectory p : all) {
            for (double x : p.coordinate(0)) {
                x0 = Math.min(x0, x);
                x1 = Math.max(x1, x);
            }
            for (double y : p.coordinate(1)) {
                y0 = Math.min(y0, y);
                y1 = Math.max(y1, y);
            }
        }
        double w = LEGEND_SHARE * (x1 - x0);
        double h = LEGEND_SHARE * (y1 - y0);
        LegendPosition[] corners = {LegendPosition.InsideSW, LegendPosition.InsideSE,
            LegendPosition.InsideNW, LegendPosition.InsideNE};
        LegendPosition best = null;
        int fewest = Integer.MAX_VALUE;
        for (int c = 0; c < 4; c++) {
            boolean east = c % 2 == 1;
            boolean north = c >= 2;
            // θ* = 0 counts as a point: the legend must not hide it
            int inside = (east ? 0 >= x1 - w : 0 <= x0 + w) && (north ? 0 >= y1 - h : 0 <= y0 + h)
                    ? 1 : 0;
            for (Trajectory p : all) {
                double[] xs = p.coordinate(0);
                double[] ys = p.coordinate(1);
                for (int i = 0; i < xs.length; i++) {
                    boolean inX = east ? xs[i] >= x1 - w : xs[i] <= x0 + w;
                    boolean inY = north ? ys[i] >= y1 - h : ys[i] <= y0 + h;
                    if (inX && inY) {
                        inside++;
                    }
                }
            }
            if (inside < fewest) {
                fewest = inside;
                best = corners[c];
            }
        }
        return fewest == 0 ? best : null;
    }

    /** The light blue band under the dots of {@link #paths}: the dots' blue, lightened. */
    private static final Color UNDER_DOTS = new Color(0x9ACBEA);
    /** Colours of the other lines of {@link #paths}: neither the dots' blue nor θ*'s black. */
    private static final Color[] PATH_COLOURS = {HouseTheme.PALETTE[1], HouseTheme.PALETTE[2]};
    private static final BasicStroke[] PATH_LINES = {HouseTheme.LINES[1], HouseTheme.LINES[2]};

    /**
     * Q3.2: one noisy stream g_n (dots), its running average v_n and the corrected v_n/(1 − βⁿ).
     *
     * @param beta β in [0, 1)
     * @param g    g_1, …, g_n. Not modified.
     */
    public static XYChart stream(double beta, double[] g) {
        double[] v = Averages.recursive(beta, g);
        XYChart chart = Plots.xy("One noisy stream, its running average vₙ and v′ₙ = vₙ/(1 − βⁿ)",
                "step n", "value");
        Plots.scatter(chart, "gₙ", Plots.oneTo(g.length), g);
        // the same names as in averages(...), so that v_n and v'_n keep their colours across the
        // two charts
        Plots.line(chart, averageName(beta), v);
        Plots.line(chart, correctedName(beta), Averages.biasCorrected(beta, v));
        return chart;
    }

    /**
     * Q3.3: the mean over the streams of v_n and of v'_n = v_n/(1 − βⁿ) against n (log axis),
     * with the closed forms (1 − βⁿ)μ dashed and the target μ.
     *
     * @param experiments one or more runs of {@link AverageBias#simulate}, same μ and N
     */
    public static XYChart averages(AverageBias... experiments) {
        Arguments.that(experiments.length > 0, "experiments", "hold at least one AverageBias",
                "none");
        AverageBias first = experiments[0];
        int n = first.n();
        int[] grid = logSteps(n, PER_DECADE);
        double[] x = steps(grid);
        XYChart chart = Plots.logX(Plots.xy("Mean over " + first.runs()
                + " streams of vₙ and of v′ₙ = vₙ/(1 − βⁿ)", "step n", "mean over the streams"));
        for (AverageBias b : experiments) {
            Arguments.that(b.n() == n && b.stream().mu() == first.stream().mu(), "experiments",
                    "share N and μ", "N = " + b.n() + ", μ = " + b.stream().mu() + " after N = " + n
                            + ", μ = " + first.stream().mu());
            Plots.line(chart, averageName(b.beta()), x, pick(b.mean(), grid));
        }
        for (AverageBias b : experiments) {
            Plots.line(chart, correctedName(b.beta()), x, pick(b.meanCorrected(), grid));
        }
        for (int i = 0; i < experiments.length; i++) {
            String name = i == 0 ? "(1 − βⁿ)μ" : "(1 − βⁿ)μ, β = " + experiments[i].beta();
            Plots.reference(chart, name, x, pick(experiments[i].expected(), grid))
                    .setShowInLegend(i == 0);
        }
        Plots.horizontal(chart, "μ", first.stream().mu(), 1, n);
        return chart;
    }

    /** The legend name of the running average v_n at β, the same in every chart of notebook 03. */
    static String averageName(double beta) {
        return "vₙ, β = " + beta;
    }

    /** The legend name of v'_n, the corrected average, at β: the same in every chart of 03. */
    static String correctedName(double beta) {
        return "v′ₙ, β = " + beta;
    }

    /**
     * Step 4: Adam's |Δθ_t|/η on a constant gradient with and without bias correction (log step
     * axis), with the closed form (1 − β₁ᵗ)/√(1 − β₂ᵗ) dashed.
     *
     * @param beta1             β₁ used for both runs
     * @param beta2             β₂ used for both runs
     * @param withCorrection    |Δθ_t|/η with bias correction, t = 1…T
     * @param withoutCorrection |Δθ_t|/η without, same length
     */
    static XYChart adamSteps(double beta1, double beta2, double[] withCorrection,
                             double[] withoutCorrection) {
        Arguments.sameLength(withCorrection, withoutCorrection, "withCorrection",
                "withoutCorrection");
        int[] grid = logSteps(withCorrection.length, PER_DECADE);
        double[] x = steps(grid);
        XYChart chart = Plots.logX(Plots.xy("Adam's step size on a constant gradient (β₁ = " + beta1
                + ", β₂ = " + beta2 + ")", "step t", "|Δθₜ| / η"));
        Plots.line(chart, "without bias correction", x, pick(withoutCorrection, grid));
        Plots.line(chart, "with bias correction", x, pick(withCorrection, grid));
        double[] closedForm = Adam.uncorrectedStepRatios(beta1, beta2, withCorrection.length);
        Plots.reference(chart, "(1 − β₁ᵗ)/√(1 − β₂ᵗ)", x, pick(closedForm, grid));
        return chart;
    }

    /**
     * The rows of {@link Conditioning#sweep}: steps against κ on log-log axes, measured (points)
     * over the predictions (dashed).
     */
    public static XYChart conditioning(List<Conditioning> rows) {
        double[] k = rows.stream().mapToDouble(Conditioning::kappa).toArray();
        XYChart chart = Plots.logY(Plots.logX(Plots.xy("Steps until the error is 10⁶ times smaller",
                "condition number κ", "steps T")));
        Plots.line(chart, "gradient descent, η = 2/(L + μ)", k,
                rows.stream().mapToDouble(Conditioning::stepsGd).toArray());
        Plots.line(chart, "heavy ball, tuned α and ε", k,
                rows.stream().mapToDouble(Conditioning::stepsHb).toArray());
        Plots.reference(chart, "predicted, ln 10⁶/(−ln ρ)", k,
                rows.stream().mapToDouble(Conditioning::predictedGd).toArray());
        Plots.reference(chart, "ln 10⁶/(−ln ρ), heavy ball", k,
                rows.stream().mapToDouble(Conditioning::lowerHb).toArray()).setShowInLegend(false);
        return chart;
    }

    /**
     * Tracking a drift (the rows of {@link Tracking#run}): b², V and b² + V against β (curves from
     * the closed forms on a fine grid), with the measured mean squared errors as points.
     */
    public static XYChart tracking(List<Tracking> rows, double drift, double sigma, int n) {
        double lo = rows.get(0).beta();
        double hi = rows.get(rows.size() - 1).beta();
        int m = 200;
        double[] b = new double[m];
        double[] bias2 = new double[m];
        double[] var = new double[m];
        double[] mse = new double[m];
        for (int k = 0; k < m; k++) {
            b[k] = lo + (hi - lo) * k / (m - 1);
            double bk = Tracking.bias(b[k], drift, n);
            bias2[k] = bk * bk;
            var[k] = Tracking.variance(b[k], sigma, n);
            mse[k] = bias2[k] + var[k];
        }
        XYChart chart = Plots.logY(Plots.xy("Tracking a drifting gradient: lag against noise", "β",
                "squared error"));
        Plots.line(chart, "bias² b²", b, bias2);
        Plots.line(chart, "variance V", b, var);
        Plots.reference(chart, "b² + V", b, mse);
        double[] betas = rows.stream().mapToDouble(Tracking::beta).toArray();
        double[] measured = rows.stream().mapToDouble(Tracking::measured).toArray();
        Plots.scatter(chart, "measured mean eₙ²", betas, measured).setMarker(SeriesMarkers.CIRCLE);
        return chart;
    }

    /**
     * Section 7 ({@link AdamWarmStart#chart}): the mean loss against the step (log axis), with and
     * without bias correction, and the settled level.
     */
    public static XYChart warmStart(AdamWarmStart w) {
        int[] grid = logSteps(w.steps(), PER_DECADE);
        double[] x = steps(grid);
        XYChart chart = Plots.logX(Plots.xy("Adam from the minimum, noisy gradients (β₁ = "
                + w.beta1() + ", β₂ = " + w.beta2() + ", " + w.runs() + " runs)", "step t",
                "mean loss ½θₜ²"));
        Plots.line(chart, "without bias correction", x, pick(w.lossWithout(), grid));
        Plots.line(chart, "with bias correction", x, pick(w.lossWith(), grid));
        Plots.horizontal(chart, "settled level", w.settledLevel(), 1, w.steps());
        return chart;
    }

    /**
     * Section 5 ({@link StabilityMap#chart}): converged and diverged runs in the (α, ελ) plane,
     * with the boundary 2(1 + α) and plain gradient descent's limit 2.
     */
    public static XYChart stabilityMap(StabilityMap map) {
        double[] alphas = map.alphas();
        double[] epsLambdas = map.epsLambdas();
        List<double[]> in = new java.util.ArrayList<>();
        List<double[]> out = new java.util.ArrayList<>();
        for (int i = 0; i < alphas.length; i++) {
            for (int j = 0; j < epsLambdas.length; j++) {
                (map.converged(i, j) ? in : out).add(new double[] {alphas[i], epsLambdas[j]});
            }
        }
        XYChart chart = Plots.xy("Heavy ball on λθ²/2 from θ₀ = 1: where |θ| ends after "
                + map.steps() + " steps", "α", "ελ");
        Plots.scatter(chart, "ends with |θ| < 1", column(in, 0), column(in, 1))
                .setMarker(SeriesMarkers.CIRCLE);
        Plots.scatter(chart, "ends with |θ| ≥ 1", column(out, 0), column(out, 1))
                .setMarker(SeriesMarkers.CROSS);
        double a0 = alphas[0];
        double a1 = alphas[alphas.length - 1];
        Plots.reference(chart, "ελ = 2(1 + α)", new double[] {a0, a1},
                new double[] {2 * (1 + a0), 2 * (1 + a1)});
        Plots.reference(chart, "ηλ = 2 (plain GD)", new double[] {a0, a1}, new double[] {2, 2})
                .setLineStyle(new BasicStroke(1.3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                        10f, new float[] {1.5f, 3f}, 0f));
        return chart;
    }

    private static double[] column(List<double[]> points, int k) {
        return points.stream().mapToDouble(p -> p[k]).toArray();
    }

    /**
     * Steps 1…max at about {@code perDecade} log-spaced points per decade, always including 1 and
     * max, without repeats, increasing.
     *
     * @param max       ≥ 1
     * @param perDecade ≥ 1
     */
    static int[] logSteps(int max, int perDecade) {
        Arguments.atLeast(max, 1, "max");
        Arguments.atLeast(perDecade, 1, "perDecade");
        TreeSet<Integer> set = new TreeSet<>();
        for (int i = 0;; i++) {
            long t = Math.round(Math.pow(10, (double) i / perDecade));
            if (t > max) {
                break;
            }
            set.add((int) t);
        }
        set.add(max);
        return set.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double[] steps(int[] grid) {
        double[] x = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            x[i] = grid[i];
        }
        return x;
    }

    private static double[] pick(double[] values, int[] grid) {
        double[] y = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            y[i] = values[grid[i] - 1];
        }
        return y;
    }

    /**
     * {@code p} lies in the plane:
     * {@code "paths must be 2-D to be drawn in the plane, got dimension 3"}.
     */
    private static void twoD(Trajectory p) {
        Arguments.that(p.theta()[0].length == 2, "paths", "be 2-D to be drawn in the plane",
                "dimension " + p.theta()[0].length);
    }
}
