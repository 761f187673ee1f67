package dltheory.widgets;

import java.util.ArrayList;
import java.util.List;

import dltheory.check.Arguments;

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
        Arguments.nonEmpty(options, "options");
        this.options = List.copyOf(options);
        List<String> labels = new ArrayList<>();
        for (T o : options) {
            labels.add(String.valueOf(o));
        }
        int index = value == null ? 0
                : this.options.indexOf(Arguments.oneOf(value, this.options, "value"));
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
        if ("index".equals(name) && v instanceof Number n) {
            Arguments.inRange(n.intValue(), 0, options.size() - 1, "index");
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
        set("index", options.indexOf(Arguments.oneOf(v, options, "value")));
    }
}
