package dltheory.kernel.runtime;

/** Thrown instead of terminating the JVM when cell code calls {@code System.exit} or {@code Runtime.halt}. */
public final class ExitNotAllowedException extends SecurityException {
    private static final long serialVersionUID = 1L;

    /**
     * @param call   the call that was refused, e.g. {@code System.exit}
     * @param status the status code passed to it
     */
    public ExitNotAllowedException(String call, int status) {
        super(call + "(" + status + ") is not allowed in a notebook cell: it would stop the kernel."
                + " Use 'Restart kernel' or 'Shut down kernel' instead.");
    }
}
