package dltheory.widgets;

import java.util.function.Consumer;

/**
 * A widget with one value the reader changes: a slider, a dropdown, a checkbox, toggle buttons.
 *
 * @param <T> the value's type
 */
public abstract class ValueWidget<T> extends Widget {
    ValueWidget(String model, String view) {
        super(model, CONTROLS, VERSION, view, CONTROLS, VERSION);
    }

    /** The attribute that holds the value in the model ({@code value}, or {@code index} for a selection). */
    String valueKey() {
        return "value";
    }

    /** The current value. */
    public abstract T value();

    /** Sets the value from Java; the front end moves the control and the observers run. */
    public abstract void value(T v);

    /** The description shown beside the control (its label, and its name in {@code interact}). */
    public final String description() {
        Object d = get("description");
        return d == null ? "" : d.toString();
    }

    /**
     * Calls {@code callback} with the new value after each change (on the widget-callback thread; the
     * newest value when changes come faster than it runs).
     */
    @SuppressWarnings("unchecked")
    public final ValueWidget<T> observe(Consumer<T> callback) {
        observe(valueKey(), c -> callback.accept(value()));
        return this;
    }

    @Override
    public String toString() {
        return kind() + " " + description() + " = " + value();
    }
}
