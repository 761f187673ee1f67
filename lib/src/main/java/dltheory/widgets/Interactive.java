package dltheory.widgets;

import dltheory.plot.Plots;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Controls and an output area below them: the function runs once when it is made and again after
 * every change of a control, and its output (a chart, a table, text, or an error) replaces the
 * previous one. Runs happen on the widget-callback thread, one at a time; changes that arrive during
 * a run are coalesced, so the next run sees the newest values.
 */
public final class Interactive extends Box {
    private final List<ValueWidget<?>> controls;
    private final Output output;
    private final Function<Values, Object> f;
    private final AtomicInteger runs = new AtomicInteger();
    private volatile Values lastValues;

    private Interactive(List<ValueWidget<?>> controls, Output output, Function<Values, Object> f) {
        super(false, children(controls, output));
        this.controls = List.copyOf(controls);
        this.output = output;
        this.f = f;
    }

    private static List<Widget> children(List<ValueWidget<?>> controls, Output output) {
        List<Widget> all = new ArrayList<>(controls);
        all.add(output);
        return all;
    }

    static Interactive of(Function<Values, Object> f, List<ValueWidget<?>> controls) {
        Output out = new Output().open();
        Interactive i = new Interactive(controls, out, f).open();
        Callbacks.Coalesced rerun = new Callbacks.Coalesced(i::run);
        for (ValueWidget<?> c : controls) {
            c.observe(c.valueKey(), change -> rerun.due());
        }
        i.run();   // the first output, on the cell's thread, before the widget is shown
        return i;
    }

    private void run() {
        Values v = new Values(controls);
        lastValues = v;
        if (runs.get() == 0) {
            output.show(() -> f.apply(v));
        } else {
            // a move: its chart claims no colours, so the cells below keep those of a Run All
            Plots.withoutNewColours(() -> {
                output.show(() -> f.apply(v));
                return null;
            });
        }
        runs.incrementAndGet();
    }

    /**
     * What the function gives for {@code values}, without moving the controls or the output area
     * (the frames of {@link ExploreFrames}).
     */
    Object valueAt(Values values) {
        return f.apply(values);
    }

    /** The output area. */
    public Output output() {
        return output;
    }

    /** The controls. */
    public List<ValueWidget<?>> controls() {
        return controls;
    }

    /** How many times the function has run (the first run included). */
    public int runs() {
        return runs.get();
    }

    /** The values of the latest run. */
    public Values values() {
        return lastValues;
    }

    @Override
    public String toString() {
        String head = lastValues == null ? "" : lastValues.toString();
        return isLive() ? head : head + "\n" + output;
    }
}
