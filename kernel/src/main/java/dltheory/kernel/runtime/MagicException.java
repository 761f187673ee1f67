package dltheory.kernel.runtime;

/** A magic failed: bad arguments, a file or artifact that cannot be found, a failed resolution. */
public final class MagicException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed, naming the magic and its argument */
    public MagicException(String message) {
        super(message);
    }

    /**
     * @param message what failed, naming the magic and its argument
     * @param cause   the underlying failure
     */
    public MagicException(String message, Throwable cause) {
        super(message, cause);
    }
}
