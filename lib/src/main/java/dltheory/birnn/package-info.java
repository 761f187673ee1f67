/**
 * Notebook 06, bidirectional RNNs (Q6): the computational graph (Q6.1), backpropagation through
 * both chains (Q6.2, the text's equations (29)–(32)), how far a gradient reaches (equation (5) of
 * notebook 05 applied to each chain) and truncated BPTT.
 *
 * <p>Main types: {@link dltheory.birnn.BidirectionalRnn} (weights, forward and backward passes),
 * {@link dltheory.birnn.BidirectionalPass}, {@link dltheory.birnn.BidirectionalLoss},
 * {@link dltheory.birnn.BidirectionalBptt} and {@link dltheory.birnn.BidirectionalGradients},
 * the checks {@link dltheory.birnn.BidirectionalParameterCheck} and
 * {@link dltheory.birnn.BidirectionalStateCheck}, {@link dltheory.birnn.BidirectionalGradientNorms},
 * {@link dltheory.birnn.ContributionByDistance}, {@link dltheory.birnn.TruncatedBptt},
 * {@link dltheory.birnn.ComputationalGraph}, {@link dltheory.birnn.Figures} (the notebook's charts),
 * {@link dltheory.birnn.BirnnExercises}.
 */
package dltheory.birnn;
