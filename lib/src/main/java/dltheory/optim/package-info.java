/**
 * Notebook 03, momentum and Adam (Q3): heavy-ball momentum as a running average of gradients
 * (Q3.1, the two forms of the update, equations (17) and (18) of the reference text), the bias of
 * running averages and Adam's correction (Q3.2), and the stability and speed of momentum on a
 * quadratic (Q3.3).
 *
 * <p>Main types: the optimizers {@link dltheory.optim.Sgd}, {@link dltheory.optim.Momentum},
 * {@link dltheory.optim.RunningAverage}, {@link dltheory.optim.HeavyBall} and
 * {@link dltheory.optim.Adam} ({@link dltheory.optim.Optimizer}) on a
 * {@link dltheory.optim.Quadratic}; {@link dltheory.optim.Averages} (closed forms),
 * {@link dltheory.optim.AverageBias} and {@link dltheory.optim.AdamMoments} (Monte Carlo),
 * {@link dltheory.optim.StabilityMap}, {@link dltheory.optim.Conditioning},
 * {@link dltheory.optim.Figures} (the notebook's charts), {@link dltheory.optim.MomentumExercises}.
 */
package dltheory.optim;
