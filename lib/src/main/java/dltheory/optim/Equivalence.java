package dltheory.optim;

import static dltheory.text.SignificantFormat.format;

import org.knowm.xchart.XYChart;

import tech.tablesaw.api.Table;

/**
 * The experiment of notebook 03, Q3.1: on one bowl from one start, the running average (β, δ),
 * momentum with the matched α = β and ε = δ(1 − β), plain SGD with η = ε and with η = δ, and
 * momentum with the mismatched ε = δ (a control that must not coincide).
 *
 * @param beta          β (= α)
 * @param delta         δ
 * @param bowl          the quadratic
 * @param average       the running average's path
 * @param momentum      matched momentum's path
 * @param sgdSmall      SGD with η = ε
 * @param sgdLarge      SGD with η = δ
 * @param mismatched    momentum with α = β, ε = δ
 * @param velocityRatio v_T(momentum)/v_T(average), first coordinate; Q3.1 predicts δ
 */
public record Equivalence(double beta, double delta, Quadratic bowl, Trajectory average, Trajectory momentum,
                          Trajectory sgdSmall, Trajectory sgdLarge, Trajectory mismatched, double velocityRatio) {

    /**
     * Runs the five optimizers for T steps from θ_0.
     *
     * @param beta   β in [0, 1)
     * @param delta  δ &gt; 0
     * @param bowl   the quadratic (2-D for the chart)
     * @param theta0 θ_0. Not modified.
     * @param steps  T ≥ 1
     */
    public static Equivalence run(double beta, double delta, Quadratic bowl, double[] theta0, int steps) {
        double epsilon = Averages.matchingEpsilon(beta, delta);
        RunningAverage ra = new RunningAverage(beta, delta);
        Momentum mo = new Momentum(beta, epsilon);
        Trajectory average = Trajectory.run(ra, bowl, theta0, steps);
        Trajectory momentum = Trajectory.run(mo, bowl, theta0, steps);
        Trajectory sgdSmall = Trajectory.run(new Sgd(epsilon), bowl, theta0, steps);
        Trajectory sgdLarge = Trajectory.run(new Sgd(delta), bowl, theta0, steps);
        Trajectory mismatched = Trajectory.run(new Momentum(beta, delta), bowl, theta0, steps);
        double ratio = mo.velocity()[0] / ra.average()[0];
        return new Equivalence(beta, delta, bowl, average, momentum, sgdSmall, sgdLarge, mismatched, ratio);
    }

    /** max over t of ‖θ_t(running average) − θ_t(matched momentum)‖; Q3.1 predicts 0. */
    public double maxDistance() {
        return average.maxDistance(momentum);
    }

    /** max over t of ‖θ_t(running average) − θ_t(momentum with ε = δ)‖; must be far from 0. */
    public double mismatchedDistance() {
        return average.maxDistance(mismatched);
    }

    /** Final loss and distance to the minimum of the four compared methods. */
    public Table table() {
        return Trajectory.table("After T = " + average.steps() + " steps on the bowl (minimum θ* = 0)", bowl,
                average, momentum, sgdSmall, sgdLarge);
    }

    /** The four paths in the (θ₁, θ₂) plane, momentum as dots over the running average's line. */
    public XYChart chart() {
        return Figures.paths(("Paths on the bowl ½θᵀAθ from θ₀ = (" + format(average.theta()[0][0], 4) + ", "
                        + format(average.theta()[0][1], 4) + ")").replace('-', '−'), bowl.dim() == 2 ? bowl : null, momentum.withName("momentum"),
                sgdSmall.withName("SGD, η = ε"), sgdLarge.withName("SGD, η = δ"), average.withName("running average"));
    }

}
