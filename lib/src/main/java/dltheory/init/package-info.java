/**
 * Notebook 01, initialization (Q1): how the variance of activations and gradients moves through
 * the layers of an MLP under a weight law, and which laws keep it level.
 *
 * <p>Equations: the moments of a weight law (Q1.1), the per-layer variance recursion (equation
 * (10), {@link dltheory.init.Theory}), and the Glorot compromise between fan-in and fan-out (Q1.2).
 * Main types: {@link dltheory.init.Init} (a weight law), {@link dltheory.init.Activation},
 * {@link dltheory.init.Theory} (the predictions), {@link dltheory.init.Sweep} and
 * {@link dltheory.init.SweepEnsemble} (measured variance by layer, with their checks),
 * {@link dltheory.init.GradientSweep}, {@link dltheory.init.Training}, {@link dltheory.init.Figures}
 * (the notebook's charts), {@link dltheory.init.InitExercises}.
 */
package dltheory.init;
