package dltheory.kernel.handlers;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dltheory.kernel.NotebookKernel;
import dltheory.kernel.display.CellOutput;
import dltheory.kernel.display.DisplayPublisher;
import dltheory.kernel.display.OutputCapture;
import dltheory.kernel.eval.CellError;
import dltheory.kernel.runtime.CommBackend;
import dltheory.kernel.runtime.Notebook;
import dltheory.kernel.server.IoPub;
import dltheory.kernel.server.Log;
import dltheory.kernel.server.Request;
import dltheory.kernel.wire.Message;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Jupyter's comm protocol on the kernel side: the open comms and the targets, the shell handlers of
 * {@code comm_open}, {@code comm_msg}, {@code comm_close} and {@code comm_info_request}, and the
 * {@link CommBackend} that cell code reaches through {@link dltheory.kernel.runtime.Comms}.
 *
 * <p>Messages the kernel sends while it handles a front end's comm message have that message as parent
 * (a widget's {@code echo_update} must, for instance); messages sent from other threads have the
 * current cell's request as parent.
 */
public final class CommHub implements CommBackend {
    private record Open(String target, Consumer<Map<String, Object>> onMessage,
                        Consumer<Map<String, Object>> onClose) {
    }

    private final IoPub iopub;
    private final CellOutput output;
    private final NotebookKernel kernel;
    private final Map<String, Open> comms = new ConcurrentHashMap<>();
    private final Map<String, BiFunction<String, Map<String, Object>, Consumer<Map<String, Object>>>> targets =
            new ConcurrentHashMap<>();
    private final ThreadLocal<Message> handling = new ThreadLocal<>();
    private final java.util.Set<String> asked = ConcurrentHashMap.newKeySet();

    /**
     * @param iopub  where comm messages are published
     * @param output the current cell (parent of messages sent outside a comm handler)
     * @param kernel renders captured values and reports captured errors
     */
    public CommHub(IoPub iopub, CellOutput output, NotebookKernel kernel) {
        this.iopub = iopub;
        this.output = output;
        this.kernel = kernel;
    }

    private Message parent() {
        Message m = handling.get();
        return m != null ? m : output.parent();
    }

    // ---- front end → kernel ----

    /** {@code comm_open} from the front end: a registered target takes it, else it is closed at once. */
    public void commOpen(Request r) {
        String id = Json.text(r.content(), "comm_id", "");
        String target = Json.text(r.content(), "target_name", "");
        asked.add(target);
        var onOpen = targets.get(target);
        Consumer<Map<String, Object>> handler = null;
        if (onOpen != null && !id.isEmpty()) {
            handling.set(r.message());
            try {
                handler = onOpen.apply(id, objectOf(r.content().get("data")));
            } catch (RuntimeException | LinkageError e) {
                Log.warn("comm target " + target + " failed to open " + id + ": " + e);
            } finally {
                handling.remove();
            }
        }
        if (handler == null) {
            if (onOpen == null) {
                Log.debug("comm_open for unknown target " + target + ": closed");
            }
            JsonObject c = new JsonObject();
            c.addProperty("comm_id", id);
            c.add("data", new JsonObject());
            r.publish("comm_close", c);
            return;
        }
        comms.put(id, new Open(target, handler, null));
    }

    /** {@code comm_msg} from the front end: handed to the comm's handler on this thread. */
    public void commMsg(Request r) {
        String id = Json.text(r.content(), "comm_id", "");
        Open open = comms.get(id);
        if (open == null) {
            Log.debug("comm_msg for unknown comm " + id);
            return;
        }
        handling.set(r.message());
        try {
            open.onMessage().accept(objectOf(r.content().get("data")));
        } catch (RuntimeException | LinkageError e) {
            Log.warn("comm " + id + " (" + open.target() + ") failed on a message: " + e);
        } finally {
            handling.remove();
        }
    }

    /** {@code comm_close} from the front end. */
    public void commClose(Request r) {
        String id = Json.text(r.content(), "comm_id", "");
        Open open = comms.remove(id);
        if (open == null || open.onClose() == null) {
            return;
        }
        handling.set(r.message());
        try {
            open.onClose().accept(objectOf(r.content().get("data")));
        } catch (RuntimeException | LinkageError e) {
            Log.warn("comm " + id + " failed on close: " + e);
        } finally {
            handling.remove();
        }
    }

    /** {@code comm_info_request}: the open comms, only those of {@code target_name} if it is given. */
    public void commInfo(Request r) {
        String only = Json.text(r.content(), "target_name", "");
        JsonObject list = new JsonObject();
        comms.forEach((id, open) -> {
            if (only.isEmpty() || only.equals(open.target())) {
                JsonObject info = new JsonObject();
                info.addProperty("target_name", open.target());
                list.add(id, info);
            }
        });
        JsonObject c = Json.ok();
        c.add("comms", list);
        r.reply("comm_info_reply", c);
    }

    // ---- kernel → front end ----

    @Override
    public String open(String target, Map<String, Object> data, Map<String, Object> metadata,
                       Consumer<Map<String, Object>> onMessage, Consumer<Map<String, Object>> onClose) {
        String id = UUID.randomUUID().toString().replace("-", "");
        comms.put(id, new Open(target, onMessage == null ? m -> { } : onMessage, onClose));
        JsonObject c = new JsonObject();
        c.addProperty("comm_id", id);
        c.addProperty("target_name", target);
        c.add("data", toJson(data == null ? Map.of() : data));
        iopub.publish(parent(), "comm_open", c, toJson(metadata == null ? Map.of() : metadata).getAsJsonObject());
        return id;
    }

    @Override
    public boolean send(String commId, Map<String, Object> data) {
        if (!comms.containsKey(commId)) {
            return false;
        }
        JsonObject c = new JsonObject();
        c.addProperty("comm_id", commId);
        c.add("data", toJson(data));
        iopub.publish(parent(), "comm_msg", c);
        return true;
    }

    @Override
    public void close(String commId, Map<String, Object> data) {
        if (comms.remove(commId) == null) {
            return;
        }
        JsonObject c = new JsonObject();
        c.addProperty("comm_id", commId);
        c.add("data", toJson(data == null ? Map.of() : data));
        iopub.publish(parent(), "comm_close", c);
    }

    @Override
    public void registerTarget(String target,
                               BiFunction<String, Map<String, Object>, Consumer<Map<String, Object>>> onOpen) {
        targets.put(target, onOpen);
    }

    @Override
    public java.util.Set<String> frontEndTargets() {
        return java.util.Set.copyOf(asked);
    }

    @Override
    public void unregisterTarget(String target) {
        targets.remove(target);
    }

    @Override
    public List<Map<String, Object>> capture(Callable<Object> body) {
        OutputCapture capture = OutputCapture.begin();
        List<JsonObject> outputs;
        try {
            Object value = body.call();
            if (value != null && !Notebook.isLastDisplayId(value)) {
                capture.display(DisplayPublisher.toJson(kernel.renderResult(value)));
            }
        } catch (Throwable e) {
            CellError error = kernel.evaluator().reports().runtime(e);
            JsonObject err = new JsonObject();
            err.addProperty("ename", error.ename());
            err.addProperty("evalue", error.evalue());
            err.add("traceback", Json.array(error.traceback()));
            capture.error(err);
        } finally {
            outputs = capture.end();
        }
        List<Map<String, Object>> result = new ArrayList<>();
        for (JsonObject o : outputs) {
            result.add(objectOf(o));
        }
        return result;
    }

    // ---- JSON ↔ JDK values ----

    /** A JSON object as a map (an absent or non-object element: an empty map). */
    static Map<String, Object> objectOf(JsonElement e) {
        Object v = e == null ? null : valueOf(e);
        if (v instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) m;
            return map;
        }
        return new LinkedHashMap<>();
    }

    /** JSON as JDK values: maps, lists, strings, booleans, {@code Long} or {@code Double}, null. */
    static Object valueOf(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (e.isJsonObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            e.getAsJsonObject().entrySet().forEach(en -> m.put(en.getKey(), valueOf(en.getValue())));
            return m;
        }
        if (e.isJsonArray()) {
            List<Object> l = new ArrayList<>();
            e.getAsJsonArray().forEach(x -> l.add(valueOf(x)));
            return l;
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        if (p.isBoolean()) {
            return p.getAsBoolean();
        }
        if (p.isNumber()) {
            double d = p.getAsDouble();
            String text = p.getAsString();
            boolean integral = !text.contains(".") && !text.contains("e") && !text.contains("E");
            if (integral && d == Math.rint(d) && Math.abs(d) < 9.0e18) {
                return p.getAsLong();
            }
            return d;
        }
        return p.getAsString();
    }

    /** JDK values as JSON; other objects as their {@code toString()}. Non-finite doubles become null. */
    static JsonElement toJson(Object v) {
        if (v == null) {
            return JsonNull.INSTANCE;
        }
        if (v instanceof Map<?, ?> m) {
            JsonObject o = new JsonObject();
            m.forEach((k, x) -> o.add(String.valueOf(k), toJson(x)));
            return o;
        }
        if (v instanceof Iterable<?> it) {
            JsonArray a = new JsonArray();
            it.forEach(x -> a.add(toJson(x)));
            return a;
        }
        if (v.getClass().isArray()) {
            JsonArray a = new JsonArray();
            for (int i = 0; i < Array.getLength(v); i++) {
                a.add(toJson(Array.get(v, i)));
            }
            return a;
        }
        if (v instanceof Boolean b) {
            return new JsonPrimitive(b);
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? new JsonPrimitive(d) : JsonNull.INSTANCE;
        }
        if (v instanceof Number n) {
            return new JsonPrimitive(n);
        }
        return new JsonPrimitive(v.toString());
    }
}
