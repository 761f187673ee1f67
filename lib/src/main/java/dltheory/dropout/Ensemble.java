package dltheory.dropout;

import dltheory.check.Arguments;
import dltheory.linalg.Vectors;

/**
 * The final iterates w_T of independent SGD-with-dropout runs at a constant step η (notebook 02,
 * "beyond the text").
 *
 * @param eta    the constant step η
 * @param steps  T, the steps of every run
 * @param finals {@code finals[r]} = w_T of run r
 */
public record Ensemble(double eta, int steps, double[][] finals) {

    /** Validates and stores copies. */
    public Ensemble {
        Arguments.that(finals.length >= 2, "finals", "hold at least 2 runs", finals.length);
        finals = Vectors.copy(finals);
    }

    @Override
    public double[][] finals() {
        return Vectors.copy(finals);
    }

    /** The number of runs. */
    public int runs() {
        return finals.length;
    }

    /** Coordinate j (from 1) of every run's w_T. */
    public double[] coordinate(int j) {
        Arguments.inRange(j, 1, finals[0].length, "j");
        double[] out = new double[finals.length];
        for (int r = 0; r < out.length; r++) {
            out[r] = finals[r][j - 1];
        }
        return out;
    }

    /** The mean of w_T over the runs. */
    public double[] mean() {
        int d = finals[0].length;
        double[] m = new double[d];
        for (double[] w : finals) {
            for (int j = 0; j < d; j++) {
                m[j] += w[j] / finals.length;
            }
        }
        return m;
    }

    /** The standard error of each coordinate of {@link #mean()}. */
    double[] standardErrors() {
        int d = finals[0].length;
        double[] se = new double[d];
        for (int j = 0; j < d; j++) {
            se[j] = dltheory.check.Stats.of(coordinate(j + 1)).standardError();
        }
        return se;
    }

    /** The largest |mean_j − target_j| / SE_j over the coordinates. */
    public double maxZ(double[] target) {
        double[] m = mean();
        double[] se = standardErrors();
        Arguments.length(target, m.length, "target", "d, the coordinates of the runs");
        double z = 0;
        for (int j = 0; j < m.length; j++) {
            z = Math.max(z, Math.abs(m[j] - target[j]) / se[j]);
        }
        return z;
    }

    /** The root-mean-square distance of the runs' w_T from {@code target}: √(mean_r ‖w_T,r − target‖²). */
    double rmsDistanceTo(double[] target) {
        double s = 0;
        for (double[] w : finals) {
            double dist = Vectors.distance(w, target);
            s += dist * dist;
        }
        return Math.sqrt(s / finals.length);
    }

    /** The root-mean-square distance of the runs' w_T from their own mean: the spread. */
    public double spread() {
        return rmsDistanceTo(mean());
    }

    /**
     * The ratio of the root-mean-square distances to {@code target} of two independent ensembles,
     * ρ = rms(a)/rms(b), with its standard error by the delta method:
     * SE(ρ)/ρ = ½·√((SE_A/A)² + (SE_B/B)²), where A and B are the mean squared distances and SE_A,
     * SE_B their standard errors over the runs. Notebook 02, section 7.
     *
     * @return {ρ, SE(ρ)}
     */
    static double[] spreadRatio(Ensemble a, Ensemble b, double[] target) {
        double[] sa = squaredDistances(a, target);
        double[] sb = squaredDistances(b, target);
        dltheory.check.Stats A = dltheory.check.Stats.of(sa);
        dltheory.check.Stats B = dltheory.check.Stats.of(sb);
        double ratio = Math.sqrt(A.mean() / B.mean());
        double rel = 0.5 * Math.hypot(A.standardError() / A.mean(), B.standardError() / B.mean());
        return new double[] {ratio, ratio * rel};
    }

    /**
     * The check of notebook 02, section 7: the spread at η over the spread at η/4 is 2, as a
     * spread proportional to √η gives, within {@code allowance}·2 for the finite step (the √η law
     * holds as η → 0) plus {@link dltheory.check.MonteCarlo#K} standard errors of the ratio.
     */
    public static void checkSpreadRatio(Ensemble a, Ensemble b, double[] target, double allowance) {
        double[] r = spreadRatio(a, b, target);
        dltheory.check.Check.close(r[0], 2.0, allowance * 2.0 + dltheory.check.MonteCarlo.K * r[1],
                "spread at η / spread at η/4 (tolerance " + allowance + "·2 + 4 SE, SE = "
                        + dltheory.text.SignificantFormat.format(r[1], 2) + ")");
    }

    private static double[] squaredDistances(Ensemble e, double[] target) {
        double[] d = new double[e.runs()];
        for (int r = 0; r < d.length; r++) {
            double s = 0;
            for (int j = 0; j < target.length; j++) {
                double v = e.finals[r][j] - target[j];
                s += v * v;
            }
            d[r] = s;
        }
        return d;
    }
}
