/**
 * Seeded random numbers for every notebook: {@link dltheory.random.Seeded} derives independent,
 * reproducible streams from a notebook's seed and a name, so that a check holds for every seed.
 */
package dltheory.random;
