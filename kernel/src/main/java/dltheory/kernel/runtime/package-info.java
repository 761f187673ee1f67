/**
 * Classes that notebook cells can see: the display functions imported into every cell and the
 * guards that rewritten cell bytecode calls. The cells' class loader delegates this package (and
 * {@code org.dflib.jjava.jupyter}) to the kernel's own loader, so the kernel and the cells share
 * these classes; nothing else of the kernel (gson, jeromq, slf4j, asm) is visible to cells.
 */
package dltheory.kernel.runtime;
