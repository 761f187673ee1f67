package dltheory.widgets;

/**
 * A slider over real numbers ({@code FloatSliderModel}), or over their logarithm
 * ({@code FloatLogSliderModel}: the model's {@code min}, {@code max} and {@code step} are exponents of
 * {@code base}; {@link #value()} is the number itself).
 */
public final class FloatSlider extends ValueWidget<Double> {
    private final boolean log;

    FloatSlider(String description, double min, double max, double step, double value, boolean log) {
        super(log ? "FloatLogSliderModel" : "FloatSliderModel", log ? "FloatLogSliderView" : "FloatSliderView");
        this.log = log;
        domWidget(new Style("SliderStyleModel", "handle_color", null));
        described(description);
        if (log) {
            init("base", 10.0);
        }
        init("behavior", "drag-tap");
        init("continuous_update", true);
        init("disabled", false);
        init("max", max);
        init("min", min);
        init("orientation", "horizontal");
        init("readout", true);
        init("readout_format", log ? ".3g" : readoutFormat(step));
        init("step", step);
        init("value", value);
    }

    /** Enough decimals to show the step ({@code .2f} for 0.05, as ipywidgets' default for 0.1 and 0.01). */
    static String readoutFormat(double step) {
        int decimals = 2;
        while (decimals < 8 && Math.abs(step * Math.pow(10, decimals) - Math.rint(step * Math.pow(10, decimals))) > 1e-9) {
            decimals++;
        }
        return "." + decimals + "f";
    }

    @Override
    Object validate(String name, Object v) {
        if ("value".equals(name) && v instanceof Number n) {
            double lo = ((Number) get("min")).doubleValue();
            double hi = ((Number) get("max")).doubleValue();
            if (log) {
                double base = ((Number) get("base")).doubleValue();
                lo = Math.pow(base, lo);
                hi = Math.pow(base, hi);
            }
            return Math.max(lo, Math.min(hi, n.doubleValue()));
        }
        return v;
    }

    /** True for a logarithmic slider. */
    public boolean isLog() {
        return log;
    }

    @Override
    public Double value() {
        return ((Number) get("value")).doubleValue();
    }

    @Override
    public void value(Double v) {
        set("value", v);
    }
}
