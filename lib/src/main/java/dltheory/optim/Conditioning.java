package dltheory.optim;

import java.util.ArrayList;
import java.util.List;


import dltheory.check.Arguments;
import dltheory.check.Check;
import dltheory.linalg.Vectors;
import dltheory.table.Tables;
import tech.tablesaw.api.Table;

/**
 * The √κ speed-up of momentum, notebook 03, section 6 (Polyak 1964; Goh 2017; d2l §12.6). On a
 * quadratic with curvatures μ ≤ λ ≤ L and κ = L/μ, gradient descent with its best step
 * η = 2/(L + μ) contracts every eigen-direction by exactly ρ_GD = (κ − 1)/(κ + 1) per step.
 * Heavy-ball momentum with α = ((√κ − 1)/(√κ + 1))² and ε = 4/(√L + √μ)² puts a double root
 * of z² − (1 + α − ελ)z + α at ±√α for λ = μ and λ = L (and complex roots of modulus √α in
 * between), so the error decays as ρ_HB = (√κ − 1)/(√κ + 1) up to a factor linear in t:
 * ρ_HBᵗ‖θ₀‖ ≤ ‖θ_t‖ ≤ ρ_HBᵗ(1 + 2t)‖θ₀‖. The steps needed to shrink the error by a factor
 * {@link #REDUCTION} are therefore about ln 10⁶/(−ln ρ): of order κ for gradient descent
 * and √κ for momentum.
 *
 * @param kappa          κ = L/μ
 * @param stepsGd        measured steps of gradient descent until ‖θ_t‖ ≤ 10⁻⁶‖θ₀‖
 * @param predictedGd    ⌈ln 10⁶/(−ln ρ_GD)⌉, exact for gradient descent
 * @param stepsHb        measured steps of heavy-ball momentum
 * @param lowerHb        ⌈ln 10⁶/(−ln ρ_HB)⌉, the fewest momentum can need
 * @param upperHb        the first t with ρ_HBᵗ(1 + 2t) ≤ 10⁻⁶, the most it can need
 * @param speedUp        stepsGd/stepsHb
 * @param sqrtKappa      √κ
 */
public record Conditioning(double kappa, int stepsGd, int predictedGd, int stepsHb, int lowerHb, int upperHb,
                           double speedUp, double sqrtKappa) {

    /** The factor by which each run shrinks the error, 10⁻⁶. */
    public static final double REDUCTION = 1e-6;

    /** Steps allowed before a run is declared stuck. */
    private static final int MAX_STEPS = 10_000_000;

    /** ρ_GD = (κ − 1)/(κ + 1). */
    static double rateGd(double kappa) {
        Arguments.positive(kappa - 1, "kappa - 1");
        return (kappa - 1) / (kappa + 1);
    }

    /** ρ_HB = (√κ − 1)/(√κ + 1). */
    static double rateHeavyBall(double kappa) {
        Arguments.positive(kappa - 1, "kappa - 1");
        double r = Math.sqrt(kappa);
        return (r - 1) / (r + 1);
    }

    /**
     * Runs {@link Sgd} with η = 2/(L + μ) and {@link Momentum} with the α, ε above on the 2-D
     * bowl with curvatures L = 1 and μ = 1/κ, axes rotated by π/6, from θ₀ = (1, 1), each until
     * ‖θ_t‖ ≤ 10⁻⁶‖θ₀‖.
     *
     * @param kappa κ &gt; 1
     */
    public static Conditioning run(double kappa) {
        Arguments.positive(kappa - 1, "kappa - 1");
        double reduction = REDUCTION;
        double L = 1;
        double mu = 1 / kappa;
        Quadratic bowl = Quadratic.rotated(L, mu, Math.PI / 6);
        double sq = Math.sqrt(L) + Math.sqrt(mu);
        double rootAlpha = rateHeavyBall(kappa);
        int gd = stepsUntil(new Sgd(2 / (L + mu)), bowl, reduction);
        int hb = stepsUntil(new Momentum(rootAlpha * rootAlpha, 4 / (sq * sq)), bowl, reduction);
        double logR = Math.log(1 / reduction);
        int predictedGd = (int) Math.ceil(logR / -Math.log(rateGd(kappa)));
        int lower = (int) Math.ceil(logR / -Math.log(rootAlpha));
        int upper = lower;
        while (upper * -Math.log(rootAlpha) - Math.log(1 + 2.0 * upper) < logR) {
            upper++;
        }
        return new Conditioning(kappa, gd, predictedGd, hb, lower, upper, (double) gd / hb, Math.sqrt(kappa));
    }

    /** One {@link #run} per κ. */
    public static List<Conditioning> sweep(double... kappas) {
        Arguments.atLeast(kappas.length, 1, "kappas.length");
        List<Conditioning> rows = new ArrayList<>();
        for (double k : kappas) {
            rows.add(run(k));
        }
        return rows;
    }

    /** The rows of {@link #sweep} as a table. */
    public static Table table(List<Conditioning> rows) {
        return Tables.of("Steps until ‖θ_t‖ ≤ 10⁻⁶‖θ_0‖ on a bowl of condition number κ", rows,
                "κ", "T_GD", "T̂_GD", "T_HB", "T̂_HB (low)", "T̂_HB (high)", "T_GD/T_HB", "√κ");
    }

    /**
     * The check cell: gradient descent takes exactly its predicted number of steps (±1 for
     * rounding at the threshold), momentum lies within its two bounds, and the speed-up exceeds
     * √κ/2 at every κ.
     */
    public static void checkClaims(List<Conditioning> rows) {
        for (Conditioning r : rows) {
            String at = "κ = " + Math.round(r.kappa()) + ": ";
            Check.close(r.stepsGd(), r.predictedGd(), 1, at + "T_GD vs ln 10⁶/(−ln ρ_GD)");
            Check.that(r.stepsHb() >= r.lowerHb() && r.stepsHb() <= r.upperHb(), at + "T_HB within its bounds",
                    r.lowerHb() + " ≤ " + r.stepsHb() + " ≤ " + r.upperHb());
            Check.atLeast(r.speedUp(), r.sqrtKappa() / 2, at + "T_GD/T_HB against √κ/2");
        }
    }

    private static int stepsUntil(Optimizer opt, Quadratic bowl, double reduction) {
        double[] theta = {1, 1};
        double target = reduction * Vectors.norm(theta);
        for (int t = 1; t <= MAX_STEPS; t++) {
            double[] step = opt.update(bowl.gradient(theta));
            theta[0] += step[0];
            theta[1] += step[1];
            if (Vectors.norm(theta) <= target) {
                return t;
            }
        }
        throw new IllegalStateException(opt.name() + " did not reach the target in " + MAX_STEPS + " steps");
    }
}
