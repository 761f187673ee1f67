package dltheory.weightnorm;

/**
 * One gradient step of {@link Training#run} (notebook 04, Q4.3): the state before the step and
 * what the step did to ‖u‖.
 *
 * @param t               the step index, 0 for the first step
 * @param u               u_t, the direction before the step (copied)
 * @param beta            β_t
 * @param normU           ‖u_t‖
 * @param normUNext       ‖u_{t+1}‖, from the updated vector
 * @param loss            L at (u_t, γ_t, β_t)
 * @param gamma           γ_t
 * @param scale           s_t = γ_t/‖u_t‖ (4.6)
 * @param effectiveRate   α s_t² = α γ_t²/‖u_t‖² (4.10)
 * @param growth          ‖u_{t+1}‖² − ‖u_t‖², from the vectors
 * @param predictedGrowth α² s_t² ‖W⊥ ∇_w L‖², the right-hand side of eq. (4.9)
 */
public record Step(int t, double[] u, double beta, double normU, double normUNext, double loss,
                   double gamma, double scale, double effectiveRate, double growth,
                   double predictedGrowth) {

    /** Copies u. */
    public Step {
        u = u.clone();
    }

    /** A copy of u_t. */
    @Override
    public double[] u() {
        return u.clone();
    }

    /** |growth − predictedGrowth| / ‖u_{t+1}‖²: how far eq. (4.9) is from exact at this step. */
    double identityError() {
        return Math.abs(growth - predictedGrowth) / (normUNext * normUNext);
    }
}
