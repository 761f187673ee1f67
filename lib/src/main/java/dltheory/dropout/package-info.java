/**
 * Notebook 02, dropout in linear regression (Q2): the expected dropout loss is least squares plus a
 * penalty weighted by the columns' norms, so its minimizer is a ridge-like estimator.
 *
 * <p>Equations: the dropout loss (2.1) and its expectation (2.4) (with the "rows → columns" erratum,
 * {@link dltheory.dropout.PenaltyForms}), the minimizer p·w_drop (2.6), SGD with dropout (2.8), and
 * ridge regression (2.9), which dropout is compared with.
 * Main types: {@link dltheory.dropout.DropoutRegression} (closed forms), {@link dltheory.dropout.Design}
 * (XᵀX, Xᵀy and Γ² computed once, many solves), {@link dltheory.dropout.RidgeComparison} (the closest
 * ridge solution, coefficient paths),
 * {@link dltheory.dropout.MonteCarloDropout} and {@link dltheory.dropout.EveryMask} (the expectation
 * measured), {@link dltheory.dropout.DropoutSgd} / {@link dltheory.dropout.SgdPath} /
 * {@link dltheory.dropout.Ensemble} (SGD on the dropout loss), {@link dltheory.dropout.SgdError}
 * (its exact mean squared error), {@link dltheory.dropout.HeldOut} and
 * {@link dltheory.dropout.HeldOutCurves}, {@link dltheory.dropout.LogisticPenalty},
 * {@link dltheory.dropout.Figures} (the notebook's charts), {@link dltheory.dropout.DropoutExercises}.
 */
package dltheory.dropout;
