package dltheory.kernel.display;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import dltheory.kernel.runtime.DisplaySink;
import dltheory.kernel.server.IoPub;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * Publishes rendered {@link DisplayData} as {@code display_data}, {@code update_display_data} and
 * {@code execute_result} messages. Pending stream output is published first so outputs keep their order.
 */
public final class DisplayPublisher implements DisplaySink {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private final IoPub iopub;
    private final CellOutput output;
    private final OutputStreams streams;

    /**
     * @param iopub   the publisher
     * @param output  the current cell
     * @param streams stdout/stderr, drained before each display
     */
    public DisplayPublisher(IoPub iopub, CellOutput output, OutputStreams streams) {
        this.iopub = iopub;
        this.output = output;
        this.streams = streams;
    }

    /** The JSON form of a bundle: {@code data}, {@code metadata} and, if any, {@code transient}. */
    public static JsonObject toJson(DisplayData data) {
        JsonObject json = GSON.toJsonTree(data).getAsJsonObject();
        if (!json.has("metadata")) {
            json.add("metadata", new JsonObject());
        }
        if (!json.has("data")) {
            json.add("data", new JsonObject());
        }
        return json;
    }

    @Override
    public void display(DisplayData data) {
        OutputCapture capture = OutputCapture.current();
        if (capture != null) {
            capture.display(toJson(data));
            return;
        }
        streams.drain();
        JsonObject c = toJson(data);
        if (!c.has("transient")) {
            c.add("transient", new JsonObject());
        }
        iopub.publish(output.parent(), "display_data", c);
    }

    @Override
    public void update(String displayId, DisplayData data) {
        OutputCapture capture = OutputCapture.current();
        if (capture != null) {
            capture.display(toJson(data));   // a captured area is replaced whole: an update is a display
            return;
        }
        streams.drain();
        data.setDisplayId(displayId);
        iopub.publish(output.parent(), "update_display_data", toJson(data));
    }

    /** Publishes the value of a cell's last expression. */
    public void result(int executionCount, DisplayData data) {
        streams.drain();
        JsonObject c = toJson(data);
        c.remove("transient");
        c.addProperty("execution_count", executionCount);
        iopub.publish(output.parent(), "execute_result", c);
    }
}
