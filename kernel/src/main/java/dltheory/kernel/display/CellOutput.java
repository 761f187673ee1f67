package dltheory.kernel.display;

import dltheory.kernel.wire.Message;

/**
 * Which request's output area cell output currently goes to. Output produced between cells (for
 * example by a thread a cell started) goes to the most recent cell.
 */
public final class CellOutput {
    private volatile Message parent;

    /** Directs output to the cell of this execute request. */
    public void attach(Message executeRequest) {
        this.parent = executeRequest;
    }

    /** The execute request whose output area receives output (null before the first cell). */
    public Message parent() {
        return parent;
    }
}
