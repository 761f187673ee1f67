package dltheory.dropout;

import dltheory.linalg.Vectors;

import dltheory.check.Arguments;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import dltheory.check.Stats;

/**
 * Dropout masks and Monte Carlo estimates for notebook 02. A mask R ∈ {0,1}ⁿˣᵈ has i.i.d.
 * Bernoulli(p) entries (1 = keep, with probability p), drawn row by row from a stream seeded by the
 * given generator;
 * the loss for one mask is L(w) = ‖(R⊙X)w − y‖² (equation (2.1)).
 */
public final class MonteCarloDropout {

    private MonteCarloDropout() {
    }

    /** A mask R (n×d) of i.i.d. Bernoulli(p) entries, p ∈ (0, 1], drawn row by row. Equation (2.1). */
    public static DMatrixRMaj mask(int n, int d, double p, Random rng) {
        Arguments.atLeast(n, 1, "n");
        Arguments.atLeast(d, 1, "d");
        Arguments.inOpenClosed(p, 0, 1, "p (keep probability)");
        return draw(n, d, p, new MaskSource(rng));
    }

    /**
     * N masks (each n×d, i.i.d. Bernoulli(p) entries) from one stream seeded by {@code rng}: the
     * very masks that {@link #lossSamples} and {@link #secondMoment} draw from a generator in the
     * same state.
     */
    public static List<DMatrixRMaj> masks(int n, int d, double p, int masks, Random rng) {
        Arguments.atLeast(n, 1, "n");
        Arguments.atLeast(d, 1, "d");
        Arguments.inOpenClosed(p, 0, 1, "p (keep probability)");
        Arguments.atLeast(masks, 2, "masks (N)");
        MaskSource source = new MaskSource(rng);
        List<DMatrixRMaj> out = new ArrayList<>();
        for (int m = 0; m < masks; m++) {
            out.add(draw(n, d, p, source));
        }
        return out;
    }

    private static DMatrixRMaj draw(int n, int d, double p, MaskSource source) {
        DMatrixRMaj R = new DMatrixRMaj(n, d);
        for (int k = 0; k < n * d; k++) {
            R.data[k] = source.keep(p) ? 1.0 : 0.0;
        }
        return R;
    }

    /** R⊙X, the input with dropped entries set to 0 (a new matrix). */
    public static DMatrixRMaj masked(DMatrixRMaj R, DMatrixRMaj X) {
        Arguments.shape(R, X.numRows, X.numCols, "R");
        DMatrixRMaj out = new DMatrixRMaj(X.numRows, X.numCols);
        CommonOps_DDRM.elementMult(R, X, out);
        return out;
    }

    /** The dropout loss for one mask, L(w) = ‖(R⊙X)w − y‖², notebook 02, equation (2.1). */
    public static double loss(DMatrixRMaj X, double[] y, double[] w, DMatrixRMaj R) {
        Arguments.nonEmpty(X, "X");
        Arguments.length(y, X.numRows, "y", "n, the rows of X");
        Arguments.length(w, X.numCols, "w", "d, the columns of X");
        Arguments.shape(R, X.numRows, X.numCols, "R");
        double[] r = Vectors.times(masked(R, X), w);
        double s = 0;
        for (int i = 0; i < r.length; i++) {
            s += (r[i] - y[i]) * (r[i] - y[i]);
        }
        return s;
    }

    /**
     * L(w) for N independent masks (equation (2.1)): {@code loss(X, y, w, R)} for each R of
     * {@code masks(n, d, p, N, rng)}, computed without storing the masks.
     *
     * @param masks N, at least 2 (so that the sample has a standard error)
     */
    public static double[] lossSamples(DMatrixRMaj X, double[] y, double[] w, double p, int masks, Random rng) {
        Arguments.nonEmpty(X, "X");
        Arguments.length(y, X.numRows, "y", "n, the rows of X");
        Arguments.length(w, X.numCols, "w", "d, the columns of X");
        Arguments.inOpenClosed(p, 0, 1, "p (keep probability)");
        Arguments.atLeast(masks, 2, "masks (N)");
        int n = X.numRows;
        int d = X.numCols;
        double[] samples = new double[masks];
        MaskSource source = new MaskSource(rng);
        for (int m = 0; m < masks; m++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                double pred = 0;
                for (int j = 0; j < d; j++) {
                    if (source.keep(p)) {
                        pred += X.unsafe_get(i, j) * w[j];
                    }
                }
                s += (pred - y[i]) * (pred - y[i]);
            }
            samples[m] = s;
        }
        return samples;
    }

    /**
     * The Monte Carlo mean of L(w) over N masks beside the closed form E_R[L(w)] (equation (2.4)),
     * with the distance between them in standard errors.
     *
     * @param label a name for w in the table
     */
    public static LossComparison compare(String label, DMatrixRMaj X, double[] y, double[] w, double p,
                                         int masks, Random rng) {
        Stats s = Stats.of(lossSamples(X, y, w, p, masks, rng));
        double closed = DropoutRegression.expectedLoss(X, y, w, p);
        double se = s.standardError();
        return new LossComparison(label, masks, s.mean(), se, closed, se == 0 ? 0 : (s.mean() - closed) / se);
    }

    /**
     * The running Monte Carlo mean of {@code samples} and its standard error after the first N
     * samples, at about {@code points} N values spaced evenly on a log scale from 2 to
     * samples.length; {@code closedForm} is the value it should approach.
     */
    public static RunningEstimate running(double[] samples, double closedForm, int points) {
        Arguments.atLeast(samples.length, 2, "masks (N)");
        Arguments.atLeast(points, 2, "points");
        int total = samples.length;
        int[] checkpoints = java.util.stream.IntStream.range(0, points)
                .map(k -> (int) Math.round(2 * Math.pow(total / 2.0, k / (points - 1.0))))
                .map(m -> Math.min(Math.max(m, 2), total)).distinct().toArray();
        double[] ns = new double[checkpoints.length];
        double[] means = new double[checkpoints.length];
        double[] ses = new double[checkpoints.length];
        double mean = 0;
        double m2 = 0;
        int next = 0;
        for (int i = 0; i < total && next < checkpoints.length; i++) {
            double delta = samples[i] - mean;
            mean += delta / (i + 1);
            m2 += delta * (samples[i] - mean);
            if (i + 1 == checkpoints[next]) {
                ns[next] = i + 1;
                means[next] = mean;
                ses[next] = Math.sqrt(m2 / i / (i + 1));
                next++;
            }
        }
        return new RunningEstimate(ns, means, ses, closedForm);
    }

    /**
     * Monte Carlo check of E_R[(R⊙X)ᵀ(R⊙X)] = p²XᵀX + p(1−p)Γ² (equation (2.3)): the entrywise mean
     * of (R⊙X)ᵀ(R⊙X) over N masks against the closed form, reported as the largest distance in
     * standard errors over the d² entries.
     */
    public static MomentCheck secondMoment(DMatrixRMaj X, double p, int masks, Random rng) {
        Arguments.nonEmpty(X, "X");
        Arguments.inOpenClosed(p, 0, 1, "p (keep probability)");
        Arguments.atLeast(masks, 2, "masks (N)");
        int d = X.numCols;
        double[] sum = new double[d * d];
        double[] sumSq = new double[d * d];
        DMatrixRMaj gram = new DMatrixRMaj(d, d);
        MaskSource source = new MaskSource(rng);
        for (int m = 0; m < masks; m++) {
            DMatrixRMaj RX = masked(draw(X.numRows, d, p, source), X);
            CommonOps_DDRM.multTransA(RX, RX, gram);
            for (int k = 0; k < d * d; k++) {
                sum[k] += gram.data[k];
                sumSq[k] += gram.data[k] * gram.data[k];
            }
        }
        return MomentCheck.of("E[(R⊙X)ᵀ(R⊙X)]", masks, sum, sumSq, DropoutRegression.expectedGram(X, p).data);
    }

    /**
     * Monte Carlo check of E_R[R⊙X] = pX (equation (2.2)): the entrywise mean of R⊙X over N masks
     * against pX, as the largest distance in standard errors over the n·d entries.
     */
    public static MomentCheck firstMoment(DMatrixRMaj X, double p, int masks, Random rng) {
        Arguments.nonEmpty(X, "X");
        Arguments.inOpenClosed(p, 0, 1, "p (keep probability)");
        Arguments.atLeast(masks, 2, "masks (N)");
        int size = X.numRows * X.numCols;
        double[] sum = new double[size];
        double[] sumSq = new double[size];
        MaskSource source = new MaskSource(rng);
        for (int m = 0; m < masks; m++) {
            for (int k = 0; k < size; k++) {
                if (source.keep(p)) {
                    double x = X.data[k];
                    sum[k] += x;
                    sumSq[k] += x * x;
                }
            }
        }
        double[] expected = X.data.clone();
        for (int k = 0; k < size; k++) {
            expected[k] *= p;
        }
        return MomentCheck.of("E[R⊙X]", masks, sum, sumSq, expected);
    }
}
