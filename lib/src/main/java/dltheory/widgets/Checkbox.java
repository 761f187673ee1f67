package dltheory.widgets;

/** A checkbox ({@code CheckboxModel}). */
public final class Checkbox extends ValueWidget<Boolean> {
    Checkbox(String description, boolean value) {
        super("CheckboxModel", "CheckboxView");
        domWidget(new Style("CheckboxStyleModel", "background", null));
        described(description);
        init("disabled", false);
        init("indent", true);
        init("value", value);
    }

    @Override
    public Boolean value() {
        return Boolean.TRUE.equals(get("value"));
    }

    @Override
    public void value(Boolean v) {
        set("value", v);
    }
}
