package dltheory.widgets;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * An output area ({@code OutputModel} of {@code @jupyter-widgets/output} 1.0.0) whose outputs the
 * kernel sets as state: {@link #show} replaces them with what a piece of code prints, displays and
 * returns, so the area is redrawn in one message and is saved with the widget state.
 */
public final class Output extends Widget {
    private static final String MODULE = "@jupyter-widgets/output";
    private volatile Object lastValue;

    Output() {
        super("OutputModel", MODULE, "1.0.0", "OutputView", MODULE, "1.0.0");
        domWidget(null);
        init("msg_id", "");
        init("outputs", List.of());
    }

    /**
     * Runs {@code body} and replaces the area's outputs with what it printed, displayed and returned; an
     * exception it throws is shown in the area (as a cell shows one) instead of being thrown. Outside the
     * project's kernel the body runs as plain code and its value is kept for {@link #lastValue()}.
     */
    public void show(Callable<Object> body) {
        KernelComms comms = KernelComms.get();
        if (comms == null) {
            try {
                lastValue = body.call();
            } catch (Exception e) {
                lastValue = e;
                System.err.println(e);
            }
            return;
        }
        List<Map<String, Object>> outputs = comms.capture(body);
        set("outputs", outputs);
    }

    /** The outputs shown now (nbformat's form). */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> outputs() {
        return (List<Map<String, Object>>) get("outputs");
    }

    /** Empties the area. */
    public void clear() {
        set("outputs", List.of());
    }

    /** The value of the last {@link #show} outside the project's kernel (null in it). */
    public Object lastValue() {
        return lastValue;
    }

    @Override
    public String toString() {
        Object v = lastValue;
        return v == null ? "Output" : String.valueOf(v);
    }
}
