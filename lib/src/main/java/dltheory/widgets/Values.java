package dltheory.widgets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dltheory.check.Arguments;

/** The controls' current values, by description, as {@link Widgets#interact(java.util.function.Function, ValueWidget[])} hands them to its function. */
public final class Values {
    private final Map<String, Object> byName = new LinkedHashMap<>();
    private final List<Object> inOrder = new ArrayList<>();

    Values(List<ValueWidget<?>> controls) {
        for (ValueWidget<?> c : controls) {
            byName.put(c.description(), c.value());
            inOrder.add(c.value());
        }
    }

    /** Values chosen for the controls without setting them (the frames of {@link ExploreFrames}). */
    Values(List<ValueWidget<?>> controls, List<Object> values) {
        for (int k = 0; k < controls.size(); k++) {
            byName.put(controls.get(k).description(), values.get(k));
            inOrder.add(values.get(k));
        }
    }

    /** The value of the {@code k}-th control (counted from 0), as the typed {@code interact} forms read it. */
    @SuppressWarnings("unchecked")
    <T> T at(int k) {
        return (T) inOrder.get(k);
    }

    /** The value of the control described {@code name}. */
    @SuppressWarnings("unchecked")
    public <T> T get(String name) {
        Arguments.oneOf(name, byName.keySet(), "name (a control's description)");
        return (T) byName.get(name);
    }

    /** A number control's value as a {@code double}. */
    public double d(String name) {
        return ((Number) get(name)).doubleValue();
    }

    /** A number control's value as an {@code int}. */
    public int i(String name) {
        return ((Number) get(name)).intValue();
    }

    /** A checkbox's value. */
    public boolean b(String name) {
        return (Boolean) get(name);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        byName.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append(" = ").append(v));
        return s.toString();
    }
}
