package dltheory.widgets;

import java.util.List;

/**
 * Keeps two widgets' attributes equal in the front end ({@code LinkModel}, ipywidgets' {@code jslink}),
 * or copies the source to the target only ({@code DirectionalLinkModel}, {@code jsdlink}). The kernel
 * still hears of every change through the widgets' own updates.
 */
public final class Link extends Widget {
    Link(Widget source, String sourceName, Widget target, String targetName, boolean both) {
        super(both ? "LinkModel" : "DirectionalLinkModel", CONTROLS, VERSION, null, CONTROLS, VERSION);
        init("source", List.of(source.reference(), sourceName));
        init("target", List.of(target.reference(), targetName));
    }

    /** Removes the link. */
    public void unlink() {
        close();
    }
}
