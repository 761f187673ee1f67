package dltheory.kernel.eval;

import java.util.List;

/**
 * A failed cell, in the shape of a Jupyter {@code error} output.
 */
public final class CellError extends Exception {
    private static final long serialVersionUID = 1L;

    private final String ename;
    private final String evalue;
    private final transient List<String> traceback;

    /**
     * @param ename     error name shown to the user (a simple class name)
     * @param evalue    the message
     * @param traceback lines of the traceback, first line usually {@code ename: evalue}
     */
    public CellError(String ename, String evalue, List<String> traceback) {
        super(ename + ": " + evalue, null, false, false);
        this.ename = ename;
        this.evalue = evalue;
        this.traceback = List.copyOf(traceback);
    }

    /** The error name. */
    public String ename() {
        return ename;
    }

    /** The error value (message). */
    public String evalue() {
        return evalue;
    }

    /** The traceback lines. */
    public List<String> traceback() {
        return traceback;
    }
}
