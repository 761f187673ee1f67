/**
 * The notebooks' checks, shared by every topic (notebook 00 introduces them): {@link
 * dltheory.check.Check} prints one ✓ line per claim or fails the cell, {@link
 * dltheory.check.MonteCarlo} and {@link dltheory.check.Stats} give tolerances from the draw
 * (standard errors), {@link dltheory.check.Gradients} compares gradients with central differences,
 * {@link dltheory.check.Exercise} and {@link dltheory.check.Question} grade the reader's answers,
 * and {@link dltheory.check.Arguments} is the one place where the library checks its arguments
 * (an {@link IllegalArgumentException} naming the argument and its allowed range).
 */
package dltheory.check;
