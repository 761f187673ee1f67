/**
 * Notebook 04, weight normalization (Q4): w = γu/‖u‖, its gradient (equations (4.6)–(4.7)), the growth
 * of ‖u‖ under gradient steps (equation (4.9)) and the effective step size it implies (equation
 * (4.10)), and its link to batch normalization (Q4.3).
 *
 * <p>Main types: {@link dltheory.weightnorm.WeightNorm} (the reparametrization and its
 * gradients), {@link dltheory.weightnorm.Training} and {@link dltheory.weightnorm.StepDiagnostics}
 * (runs and their per-step checks), {@link dltheory.weightnorm.MeasuredGradient},
 * {@link dltheory.weightnorm.Burst}, {@link dltheory.weightnorm.BatchNorm} and
 * {@link dltheory.weightnorm.BatchNormLink}, {@link dltheory.weightnorm.Inputs},
 * {@link dltheory.weightnorm.Figures} (the notebook's charts),
 * {@link dltheory.weightnorm.WeightNormExercises}.
 */
package dltheory.weightnorm;
