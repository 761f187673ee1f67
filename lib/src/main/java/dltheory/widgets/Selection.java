package dltheory.widgets;

import java.util.ArrayList;
import java.util.List;

/**
 * A choice among options ({@code DropdownModel} or {@code ToggleButtonsModel}): the front end shows
 * each option's {@code toString()} and sends back the chosen index.
 *
 * @param <T> the options' type
 */
public final class Selection<T> extends ValueWidget<T> {
    private final List<T> options;

    Selection(String model, String view, Widget style, String description, List<T> options, T value) {
        super(model, view);
        if (options.isEmpty()) {
            throw new IllegalArgumentException("options: at least one option is needed, got none");
        }
        this.options = List.copyOf(options);
        List<String> labels = new ArrayList<>();
        for (T o : options) {
            labels.add(String.valueOf(o));
        }
        int index = value == null ? 0 : this.options.indexOf(value);
        if (index < 0) {
            throw new IllegalArgumentException("value: " + value + " is not one of the options " + labels);
        }
        init("_options_labels", labels);
        domWidget(style);
        described(description);
        init("disabled", false);
        init("index", index);
        if (model.startsWith("ToggleButtons")) {
            init("button_style", "");
            init("icons", List.of());
            init("tooltips", List.of());
        }
    }

    @Override
    String valueKey() {
        return "index";
    }

    @Override
    Object validate(String name, Object v) {
        if ("index".equals(name) && v instanceof Number n && (n.intValue() < 0 || n.intValue() >= options.size())) {
            throw new IllegalArgumentException("index: " + n + " is outside 0.." + (options.size() - 1));
        }
        return v;
    }

    /** The options. */
    public List<T> options() {
        return options;
    }

    /** The index of the chosen option. */
    public int index() {
        Object i = get("index");
        return i == null ? 0 : ((Number) i).intValue();
    }

    @Override
    public T value() {
        return options.get(index());
    }

    @Override
    public void value(T v) {
        int i = options.indexOf(v);
        if (i < 0) {
            throw new IllegalArgumentException("value: " + v + " is not one of the options " + options);
        }
        set("index", i);
    }
}
