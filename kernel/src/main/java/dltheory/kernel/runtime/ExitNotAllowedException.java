package dltheory.kernel.runtime;

/** Thrown instead of terminating the JVM when cell code calls {@code System.exit} or {@code Runtime.halt}. */
public final class ExitNotAllowedException extends SecurityException {
    private static final long serialVersionUID = 1L;

    /** @param call what was refused, e.g. a reflective look-up of {@code System.exit} */
    public ExitNotAllowedException(String call) {
        super(call + " is not allowed in a notebook cell: it would stop the kernel."
                + " Use 'Restart kernel' or 'Shut down kernel' instead.");
    }

    /**
     * @param call   the call refused, e.g. {@code System.exit}
     * @param status its argument
     */
    public ExitNotAllowedException(String call, int status) {
        super(call + "(" + status + ") is not allowed in a notebook cell: it would stop the kernel."
                + " Use 'Restart kernel' or 'Shut down kernel' instead.");
    }
}
