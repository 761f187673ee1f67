package dltheory.kernel.runtime;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/** Where the notebook display functions send rendered data; implemented by the kernel. */
public interface DisplaySink {
    /** Publishes a {@code display_data} message. */
    void display(DisplayData data);

    /** Publishes an {@code update_display_data} message for an existing display id. */
    void update(String displayId, DisplayData data);
}
