package dltheory.widgets;

import java.util.ArrayList;
import java.util.List;

/** A row ({@code HBoxModel}) or column ({@code VBoxModel}) of widgets. */
public class Box extends Widget {
    private final List<Widget> children;

    Box(boolean horizontal, List<? extends Widget> children) {
        super(horizontal ? "HBoxModel" : "VBoxModel", CONTROLS, VERSION, horizontal ? "HBoxView" : "VBoxView",
                CONTROLS, VERSION);
        this.children = List.copyOf(children);
        domWidget(null);
        init("box_style", "");
        List<String> refs = new ArrayList<>();
        for (Widget w : this.children) {
            refs.add(w.reference());
        }
        init("children", refs);
    }

    /** The widgets in the box. */
    public List<Widget> children() {
        return children;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (Widget w : children) {
            if (s.length() > 0) {
                s.append('\n');
            }
            s.append(w);
        }
        return s.toString();
    }
}
