package dltheory.widgets;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import dltheory.check.Arguments;

/**
 * Jupyter widgets for notebooks: sliders, a dropdown, a checkbox, toggle buttons, a label, an output
 * area, boxes, links, and {@code interact}. Use {@code import static dltheory.widgets.Widgets.*;}.
 *
 * <pre>{@code
 * var p = slider("p", 0.05, 0.95, 0.05);
 * interact(p, x -> chartFor(x))          // redraws on every move of the slider
 * }</pre>
 *
 * <p>They work in the project's kernel (JupyterLab 4, Notebook 7 with ipywidgets 8's front end). In
 * another kernel the controls are plain objects: {@code interact} runs the function once with the
 * controls' initial values and shows its value as text.
 */
public final class Widgets {
    private Widgets() {
    }

    /** True when widgets are live (the project's kernel); false where they fall back to text. */
    public static boolean live() {
        return KernelComms.get() != null;
    }

    /** A slider from {@code min} to {@code max} by {@code step}, starting at the step nearest the middle. */
    public static FloatSlider slider(String description, double min, double max, double step) {
        checkRange(min, max, step);
        double middle = min + Math.round((max - min) / 2 / step) * step;
        return slider(description, min, max, step, middle);
    }

    /** A slider from {@code min} to {@code max} by {@code step}, starting at {@code value}. */
    public static FloatSlider slider(String description, double min, double max, double step, double value) {
        checkRange(min, max, step);
        checkValue(value, min, max);
        return new FloatSlider(description, min, max, step, value, false).open();
    }

    /**
     * A logarithmic slider from {@code min} to {@code max} (both &gt; 0), {@code stepsPerDecade} steps
     * for each factor of 10, starting at {@code value}.
     */
    public static FloatSlider logSlider(String description, double min, double max, int stepsPerDecade, double value) {
        Arguments.positive(min, "min");
        Arguments.ordered(min, max, "min", "max");
        Arguments.atLeast(stepsPerDecade, 1, "stepsPerDecade");
        checkValue(value, min, max);
        return new FloatSlider(description, Math.log10(min), Math.log10(max), 1.0 / stepsPerDecade, value, true).open();
    }

    /** An integer slider from {@code min} to {@code max} by {@code step}, starting at {@code value}. */
    public static IntSlider intSlider(String description, int min, int max, int step, int value) {
        checkRange(min, max, step);
        checkValue(value, min, max);
        return new IntSlider(description, min, max, step, value).open();
    }

    /** A dropdown over {@code options} (shown by their {@code toString()}), starting at the first. */
    public static <T> Selection<T> dropdown(String description, List<T> options) {
        return dropdown(description, options, null);
    }

    /** A dropdown over {@code options}, starting at {@code value}. */
    public static <T> Selection<T> dropdown(String description, List<T> options, T value) {
        return new Selection<>("DropdownModel", "DropdownView", new Widget.Style("DescriptionStyleModel"),
                description, options, value).open();
    }

    /** A row of toggle buttons over {@code options}, starting at the first. */
    public static <T> Selection<T> toggleButtons(String description, List<T> options) {
        return toggleButtons(description, options, null);
    }

    /** A row of toggle buttons over {@code options}, starting at {@code value}. */
    public static <T> Selection<T> toggleButtons(String description, List<T> options, T value) {
        return new Selection<>("ToggleButtonsModel", "ToggleButtonsView", new Widget.Style("ToggleButtonsStyleModel",
                "button_width", "", "font_weight", ""), description, options, value).open();
    }

    /** A checkbox. */
    public static Checkbox checkbox(String description, boolean value) {
        return new Checkbox(description, value).open();
    }

    /** A line of text. */
    public static Label label(String text) {
        return new Label(text).open();
    }

    /** An empty output area. */
    public static Output output() {
        return new Output().open();
    }

    /** The widgets side by side. */
    public static Box hbox(Widget... children) {
        return new Box(true, Arrays.asList(children)).open();
    }

    /** The widgets one above the other. */
    public static Box vbox(Widget... children) {
        return new Box(false, Arrays.asList(children)).open();
    }

    /** Keeps the two controls' values equal, in the front end ({@code jslink}). */
    public static Link link(ValueWidget<?> a, ValueWidget<?> b) {
        return link(a, a.valueKey(), b, b.valueKey());
    }

    /** Keeps attribute {@code aName} of {@code a} and {@code bName} of {@code b} equal, in the front end. */
    public static Link link(Widget a, String aName, Widget b, String bName) {
        checkAttribute(a, aName);
        checkAttribute(b, bName);
        return new Link(a, aName, b, bName, true).open();
    }

    /** Copies attribute {@code aName} of {@code a} to {@code bName} of {@code b}, in the front end ({@code jsdlink}). */
    public static Link dlink(Widget a, String aName, Widget b, String bName) {
        checkAttribute(a, aName);
        checkAttribute(b, bName);
        return new Link(a, aName, b, bName, false).open();
    }

    /**
     * The controls above an output area that shows {@code f}'s value (and whatever it prints or
     * displays) for the controls' current values, by description, redrawn after every change.
     */
    public static Interactive interact(Function<Values, Object> f, ValueWidget<?>... controls) {
        Arguments.that(controls.length > 0, "controls", "hold at least one control", "none");
        return Interactive.of(f, Arrays.asList(controls));
    }

    /** One control above an output area that shows {@code f(value)}, redrawn after every change. */
    public static <A> Interactive interact(ValueWidget<A> a, Function<A, Object> f) {
        return Interactive.of(v -> f.apply(v.at(0)), List.of(a));
    }

    /** Two controls above an output area that shows {@code f(a, b)}, redrawn after every change. */
    public static <A, B> Interactive interact(ValueWidget<A> a, ValueWidget<B> b, BiFunction<A, B, Object> f) {
        return Interactive.of(v -> f.apply(v.at(0), v.at(1)), List.of(a, b));
    }

    private static void checkAttribute(Widget w, String name) {
        Arguments.oneOf(name, w.state().keySet(), "name (an attribute of " + w.kind() + ")");
    }

    private static void checkRange(double min, double max, double step) {
        Arguments.ordered(min, max, "min", "max");
        Arguments.inOpenClosed(step, 0, max - min, "step");
    }

    private static void checkValue(double value, double min, double max) {
        Arguments.inClosed(value, min, max, "value");
    }
}
