/**
 * Notebook 05, gradients of recurrent networks (Q5): the Jacobian ∂h_T/∂h_0 as a product of
 * per-step Jacobians (Q5.1), the bound (γ‖W‖)^T that makes it vanish (Q5.2, equation (5.5)), and
 * gradient clipping (Q5.3).
 *
 * <p>Main types: {@link dltheory.rnn.Recurrences} (the recurrence and its runs),
 * {@link dltheory.rnn.Jacobians} and {@link dltheory.rnn.JacobianExperiments},
 * {@link dltheory.rnn.SpectralMatrices}, {@link dltheory.rnn.VanishingBound},
 * {@link dltheory.rnn.TemporalComponents}, {@link dltheory.rnn.NormCurve},
 * {@link dltheory.rnn.Clipping}, {@link dltheory.rnn.LayoutComparison},
 * {@link dltheory.rnn.Figures} (the notebook's charts), {@link dltheory.rnn.RnnExercises}.
 */
package dltheory.rnn;
