package dltheory.kernel.maven;

/** Dependencies could not be resolved, or the Maven configuration could not be read; the message says which. */
public final class ResolutionException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what failed, naming the coordinate or file */
    public ResolutionException(String message) {
        super(message);
    }

    /**
     * @param message what failed, naming the coordinate or file
     * @param cause   the resolver's exception
     */
    public ResolutionException(String message, Throwable cause) {
        super(message, cause);
    }
}
