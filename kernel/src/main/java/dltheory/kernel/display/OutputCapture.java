package dltheory.kernel.display;

import com.google.gson.JsonObject;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Output of one thread collected instead of published: what a widget callback prints or displays goes
 * into its output area (nbformat outputs), not into whichever cell ran last.
 */
public final class OutputCapture {
    private static final ThreadLocal<OutputCapture> CURRENT = new ThreadLocal<>();

    private final List<JsonObject> outputs = new ArrayList<>();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private String pendingName;

    /** The capture of the calling thread, or null. */
    public static OutputCapture current() {
        return CURRENT.get();
    }

    /** Starts capturing on the calling thread; returns the capture. */
    public static OutputCapture begin() {
        OutputCapture c = new OutputCapture();
        CURRENT.set(c);
        return c;
    }

    /** Ends capturing on the calling thread and returns the outputs. */
    public List<JsonObject> end() {
        CURRENT.remove();
        flushText();
        return outputs;
    }

    /** Bytes written to {@code stdout} or {@code stderr}. */
    public void write(String name, byte[] b, int off, int len) {
        if (!name.equals(pendingName)) {
            flushText();
            pendingName = name;
        }
        pending.write(b, off, len);
    }

    /** A display (a {@code display_data} bundle as {@link DisplayPublisher#toJson} makes it). */
    public void display(JsonObject bundle) {
        flushText();
        JsonObject o = new JsonObject();
        o.addProperty("output_type", "display_data");
        o.add("data", bundle.get("data"));
        o.add("metadata", bundle.has("metadata") ? bundle.get("metadata") : new JsonObject());
        outputs.add(o);
    }

    /** An error output. */
    public void error(JsonObject error) {
        flushText();
        JsonObject o = error.deepCopy();
        o.addProperty("output_type", "error");
        outputs.add(o);
    }

    private void flushText() {
        if (pending.size() == 0) {
            return;
        }
        JsonObject o = new JsonObject();
        o.addProperty("output_type", "stream");
        o.addProperty("name", pendingName);
        o.addProperty("text", pending.toString(StandardCharsets.UTF_8));
        outputs.add(o);
        pending.reset();
    }
}
