/**
 * Dense linear algebra shared by the topics: {@link dltheory.linalg.Vectors} (vector operations
 * on {@code double[]} through EJML, and the small helpers max, argmax and a deep copy) and
 * {@link dltheory.linalg.Gemm} (the matrix products of notebook 01's variance sweep, on EJML's
 * concurrent kernels).
 */
package dltheory.linalg;
