package dltheory.widgets;

/** A line of text ({@code LabelModel}); {@link #text(String)} changes it. */
public final class Label extends Widget {
    Label(String text) {
        super("LabelModel", CONTROLS, VERSION, "LabelView", CONTROLS, VERSION);
        domWidget(new Style("LabelStyleModel", "background", null, "font_family", null, "font_size", null,
                "font_style", null, "font_variant", null, "font_weight", null, "text_color", null,
                "text_decoration", null));
        described("");
        init("placeholder", "\u200b");
        init("value", text == null ? "" : text);
    }

    /** The text. */
    public String text() {
        return String.valueOf(get("value"));
    }

    /** Replaces the text. */
    public void text(String text) {
        set("value", text);
    }

    @Override
    public String toString() {
        return text();
    }
}
