package dltheory.dropout;

import dltheory.linalg.Vectors;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

import org.ejml.data.DMatrixRMaj;

/**
 * Dropout beside ridge regression, notebook 02, section 2.7: the ridge solution (2.9) closest to
 * p·w_drop of (2.6), and the coefficient paths of both as p or λ_L2 moves. Each builder sets up one
 * {@link Design} (XᵀX, Xᵀy and Γ² computed once) and solves on it as often as it needs.
 */
public final class RidgeComparison {

    private RidgeComparison() {
    }

    /**
     * The ridge solution (2.9) closest to p·w_drop of (2.6): λ_L2 minimising ‖p·w_drop − w_L2(λ_L2)‖, found
     * by a scan of 241 values over twelve decades around the mean squared column norm, then a
     * golden-section search on log λ_L2 between the neighbours of the best value (about 320 ridge solves,
     * all on one {@link Design}). Notebook 02, section 5.
     */
    public static RidgeMatch closestRidge(DMatrixRMaj X, double[] y, double p) {
        return closestRidge("X", X, y, p);
    }

    /** {@link #closestRidge(DMatrixRMaj, double[], double)} with the design named {@code data}. */
    public static RidgeMatch closestRidge(String data, DMatrixRMaj X, double[] y, double p) {
        return closestRidge(data, Design.of(X, y), p);
    }

    /** {@link #closestRidge(String, DMatrixRMaj, double[], double)} on a design whose XᵀX and Xᵀy are computed. */
    public static RidgeMatch closestRidge(String data, Design design, double p) {
        double[] pw = design.scaledMinimiser(p);
        double[] g2 = design.gammaSquared();
        double mean = 0;
        for (double g : g2) {
            mean += g / g2.length;
        }
        java.util.function.DoubleUnaryOperator gap = t -> Vectors.distance(pw, design.ridge(Math.exp(t)));
        double lo = Math.log(mean) - 6 * Math.log(10);
        double hi = Math.log(mean) + 6 * Math.log(10);
        int steps = 240;
        int best = 0;
        double bestGap = Double.POSITIVE_INFINITY;
        for (int k = 0; k <= steps; k++) {
            double v = gap.applyAsDouble(lo + (hi - lo) * k / steps);
            if (v < bestGap) {
                bestGap = v;
                best = k;
            }
        }
        double a = lo + (hi - lo) * Math.max(best - 1, 0) / steps;
        double b = lo + (hi - lo) * Math.min(best + 1, steps) / steps;
        double phi = (Math.sqrt(5) - 1) / 2;
        double c = b - phi * (b - a);
        double e = a + phi * (b - a);
        double fc = gap.applyAsDouble(c);
        double fe = gap.applyAsDouble(e);
        for (int it = 0; it < 80; it++) {
            if (fc <= fe) {
                b = e;
                e = c;
                fe = fc;
                c = b - phi * (b - a);
                fc = gap.applyAsDouble(c);
            } else {
                a = c;
                c = e;
                fc = fe;
                e = a + phi * (b - a);
                fe = gap.applyAsDouble(e);
            }
        }
        double t = fc <= fe ? c : e;
        double distance = Math.min(fc, fe);
        return new RidgeMatch(data, p, Math.exp(t), distance, distance / Vectors.norm(pw));
    }

    /** {@link #closestRidge(String, DMatrixRMaj, double[], double)} at each keep probability in {@code ps}. */
    public static List<RidgeMatch> closestRidges(String data, DMatrixRMaj X, double[] y, double... ps) {
        Design design = Design.of(X, y);
        List<RidgeMatch> rows = new ArrayList<>();
        for (double p : ps) {
            rows.add(closestRidge(data, design, p));
        }
        return rows;
    }

    /**
     * Dropout coefficient paths p·w_drop(p) for each p in {@code ps} (equation (2.6)), as
     * {@code paths[j][k]} = coefficient j at ps[k].
     */
    public static CoefficientPaths dropoutPaths(DMatrixRMaj X, double[] y, double[] ps) {
        return paths(ps, Design.of(X, y)::scaledMinimiser);
    }

    /** Ridge coefficient paths w_L2(λ) for each λ in {@code lambdas} (equation (2.9)). */
    public static CoefficientPaths ridgePaths(DMatrixRMaj X, double[] y, double[] lambdas) {
        return paths(lambdas, Design.of(X, y)::ridge);
    }

    /** The coefficients {@code solve(x)} at every x of {@code grid}, one path per coefficient. */
    private static CoefficientPaths paths(double[] grid, DoubleFunction<double[]> solve) {
        double[][] columns = new double[grid.length][];
        for (int k = 0; k < grid.length; k++) {
            columns[k] = solve.apply(grid[k]);
        }
        int d = grid.length == 0 ? 0 : columns[0].length;
        double[][] paths = new double[d][grid.length];
        for (int k = 0; k < grid.length; k++) {
            for (int j = 0; j < d; j++) {
                paths[j][k] = columns[k][j];
            }
        }
        return new CoefficientPaths(grid, paths);
    }
}
