package dltheory.kernel.runtime;

/**
 * Thrown inside cell code at a loop back-edge or method entry after the user interrupted the cell.
 * It is an {@link Error} so that ordinary {@code catch (Exception e)} blocks do not swallow it.
 */
public final class CellInterruptedError extends Error {
    private static final long serialVersionUID = 1L;

    /** Creates the error with the standard message. */
    public CellInterruptedError() {
        super("interrupted: the cell was stopped by a kernel interrupt");
    }
}
