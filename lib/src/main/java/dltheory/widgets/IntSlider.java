package dltheory.widgets;

/** A slider over integers ({@code IntSliderModel}). */
public final class IntSlider extends ValueWidget<Integer> {
    IntSlider(String description, int min, int max, int step, int value) {
        super("IntSliderModel", "IntSliderView");
        domWidget(new Style("SliderStyleModel", "handle_color", null));
        described(description);
        init("behavior", "drag-tap");
        init("continuous_update", true);
        init("disabled", false);
        init("max", max);
        init("min", min);
        init("orientation", "horizontal");
        init("readout", true);
        init("readout_format", "d");
        init("step", step);
        init("value", value);
    }

    @Override
    Object validate(String name, Object v) {
        if ("value".equals(name) && v instanceof Number n) {
            long lo = ((Number) get("min")).longValue();
            long hi = ((Number) get("max")).longValue();
            return Math.max(lo, Math.min(hi, Math.round(n.doubleValue())));
        }
        return v;
    }

    @Override
    public Integer value() {
        return ((Number) get("value")).intValue();
    }

    @Override
    public void value(Integer v) {
        set("value", v);
    }
}
