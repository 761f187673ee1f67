package dltheory.widgets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import dltheory.check.Arguments;

/**
 * A Jupyter widget model on the kernel side (widget message protocol 2.1, the models of
 * {@code @jupyter-widgets/base} and {@code @jupyter-widgets/controls} 2.0.0 that ipywidgets 8 and
 * JupyterLab 4 / Notebook 7 use): its state, kept in step with the front end through a comm.
 *
 * <p>In the project's kernel a widget opens a {@code jupyter.widget} comm when it is made, applies the
 * front end's {@code update} messages (answering each with {@code echo_update}), sends {@code update}
 * when Java code changes it, and shows as {@code application/vnd.jupyter.widget-view+json}. In other
 * kernels it is a plain object that shows as text (its {@link #toString()}).
 *
 * <p>Observers run on a thread of their own ("widget-callbacks"), one at a time; changes that arrive
 * while an observer runs are coalesced, so it next sees the newest value.
 */
public abstract class Widget {
    /** Widget message protocol version (ipywidgets 8). */
    public static final String PROTOCOL_VERSION = "2.1.0";
    static final String BASE = "@jupyter-widgets/base";
    static final String CONTROLS = "@jupyter-widgets/controls";
    static final String VERSION = "2.0.0";
    private static final Map<String, Widget> LIVE = new ConcurrentHashMap<>();
    private static volatile boolean controlRegistered;

    private final Map<String, Object> state = new LinkedHashMap<>();
    private final Map<String, List<Observer>> observers = new ConcurrentHashMap<>();
    private String id;
    private boolean live;

    /** A change of one attribute: the value before and after. */
    public record Change(Widget widget, String name, Object oldValue, Object newValue) {
    }

    Widget(String model, String modelModule, String modelVersion, String view, String viewModule,
           String viewVersion) {
        state.put("_model_module", modelModule);
        state.put("_model_module_version", modelVersion);
        state.put("_model_name", model);
        state.put("_view_count", null);
        state.put("_view_module", viewModule);
        state.put("_view_module_version", viewVersion);
        state.put("_view_name", view);
    }

    /** Adds the attributes of {@code DOMWidget}: a layout model of its own, and a style model if given. */
    final void domWidget(Widget style) {
        Widget layout = new Layout().open();
        state.put("_dom_classes", List.of());
        state.put("layout", layout.reference());
        if (style != null) {
            state.put("style", style.open().reference());
        }
        state.put("tabbable", null);
        state.put("tooltip", null);
    }

    /** Adds the attributes of {@code DescriptionWidget}. */
    final void described(String description) {
        state.put("description", description == null ? "" : description);
        state.put("description_allow_html", false);
    }

    /** Sets an initial attribute (before {@link #open()}). */
    final void init(String name, Object value) {
        state.put(name, normalize(null, value));
    }

    /**
     * Opens the widget's comm in the project's kernel (sending the whole state); in other kernels only
     * gives it an id. Returns this widget.
     */
    @SuppressWarnings("unchecked")
    final <W extends Widget> W open() {
        KernelComms comms = KernelComms.get();
        synchronized (this) {
            if (id != null) {
                return (W) this;
            }
            if (comms == null) {
                id = UUID.randomUUID().toString().replace("-", "");
                return (W) this;
            }
            registerControl(comms);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("state", new LinkedHashMap<>(state));
            data.put("buffer_paths", List.of());
            id = comms.open("jupyter.widget", data, Map.of("version", PROTOCOL_VERSION), this::onMessage,
                    d -> closed());
            live = true;
            LIVE.put(id, this);
        }
        return (W) this;
    }

    /**
     * The front end's {@code jupyter.widget.control} comm: on {@code request_states} (a notebook reopened
     * while the kernel runs) it gets every live widget's state in one {@code update_states}.
     */
    private static void registerControl(KernelComms comms) {
        if (controlRegistered) {
            return;
        }
        controlRegistered = true;
        comms.registerTarget("jupyter.widget.control", (commId, data) -> message -> {
            if ("request_states".equals(message.get("method"))) {
                Map<String, Object> states = new LinkedHashMap<>();
                for (Widget w : LIVE.values()) {
                    Map<String, Object> one = new LinkedHashMap<>();
                    Map<String, Object> s = w.state();
                    one.put("model_name", s.get("_model_name"));
                    one.put("model_module", s.get("_model_module"));
                    one.put("model_module_version", s.get("_model_module_version"));
                    one.put("state", s);
                    states.put(w.id(), one);
                }
                Map<String, Object> reply = new LinkedHashMap<>();
                reply.put("method", "update_states");
                reply.put("states", states);
                reply.put("buffer_paths", List.of());
                comms.send(commId, reply);
            }
        });
    }

    private synchronized void closed() {
        live = false;
        LIVE.remove(id);
    }

    /** Closes the widget: the front end removes its views. */
    public void close() {
        KernelComms comms = KernelComms.get();
        String commId;
        synchronized (this) {
            if (!live) {
                return;
            }
            live = false;
            commId = id;
            LIVE.remove(id);
        }
        comms.close(commId, Map.of());
    }

    /** The model id (the comm's id). */
    public final synchronized String id() {
        return id;
    }

    /** True if the widget is connected to a front end through the kernel. */
    public final synchronized boolean isLive() {
        return live;
    }

    /** {@code "IPY_MODEL_<id>"}, how other models refer to this one. */
    final String reference() {
        return "IPY_MODEL_" + id();
    }

    /** A copy of the whole state. */
    public final synchronized Map<String, Object> state() {
        return new LinkedHashMap<>(state);
    }

    /** One attribute of the state. */
    public final synchronized Object get(String name) {
        return state.get(name);
    }

    /**
     * Sets attributes from Java: the front end gets one {@code update}, and the observers of the
     * attributes that changed are run.
     */
    public final void set(Map<String, Object> changes) {
        Map<String, Object> sent = new LinkedHashMap<>();
        List<String> changed = new ArrayList<>();
        String commId;
        synchronized (this) {
            for (Map.Entry<String, Object> e : changes.entrySet()) {
                Arguments.oneOf(e.getKey(), state.keySet(),
                        "name (an attribute of " + kind() + ")");
                Object v = normalize(state.get(e.getKey()), validate(e.getKey(), e.getValue()));
                if (!Objects.equals(state.put(e.getKey(), v), v)) {
                    changed.add(e.getKey());
                }
                sent.put(e.getKey(), v);
            }
            commId = live ? id : null;
        }
        if (commId != null && !sent.isEmpty()) {
            KernelComms.get().send(commId, Map.of("method", "update", "state", sent, "buffer_paths", List.of()));
        }
        fire(changed);
    }

    /** Sets one attribute from Java (see {@link #set(Map)}). */
    public final void set(String name, Object value) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put(name, value);
        set(one);
    }

    /** Checks or corrects a value before it is stored; subclasses clamp, for instance. */
    Object validate(String name, Object value) {
        return value;
    }

    /** A message from the front end (on the kernel's shell thread: quick work only). */
    private void onMessage(Map<String, Object> data) {
        Object method = data.get("method");
        if ("update".equals(method) && data.get("state") instanceof Map<?, ?> incoming) {
            Map<String, Object> echo = new LinkedHashMap<>();
            List<String> changed = new ArrayList<>();
            synchronized (this) {
                for (Map.Entry<?, ?> e : incoming.entrySet()) {
                    String name = String.valueOf(e.getKey());
                    if (!state.containsKey(name)) {
                        continue;
                    }
                    Object v = normalize(state.get(name), e.getValue());
                    echo.put(name, v);
                    if (!Objects.equals(state.put(name, v), v)) {
                        changed.add(name);
                    }
                }
            }
            if (!echo.isEmpty()) {
                // protocol 2.1: the kernel echoes the state it accepted, with the update as parent
                KernelComms.get().send(id(), Map.of("method", "echo_update", "state", echo,
                        "buffer_paths", List.of()));
            }
            fire(changed);
        } else if ("request_state".equals(method)) {
            KernelComms.get().send(id(), Map.of("method", "update", "state", state(), "buffer_paths", List.of()));
        }
    }

    /** Numbers keep the kind of the value they replace (JSON has one kind of number). */
    static Object normalize(Object old, Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            value = ((Number) value).longValue();
        } else if (value instanceof Float f) {
            value = f.doubleValue();
        }
        if (old instanceof Double && value instanceof Number n) {
            return n.doubleValue();
        }
        if (old instanceof Long && value instanceof Double d && d == Math.rint(d)) {
            return d.longValue();
        }
        return value;
    }

    /**
     * Calls {@code callback} after each change of the attribute {@code name}, on the widget-callback
     * thread; if several changes arrive while it runs, it is called once more with the newest value. An
     * exception it throws is printed on standard error and the widget keeps working.
     */
    public final Widget observe(String name, Consumer<Change> callback) {
        Objects.requireNonNull(callback, "callback");
        Arguments.oneOf(name, state().keySet(), "name (an attribute of " + kind() + ")");
        observers.computeIfAbsent(name, k -> new CopyOnWriteArrayList<>()).add(new Observer(name, callback));
        return this;
    }

    private void fire(List<String> changed) {
        for (String name : changed) {
            for (Observer o : observers.getOrDefault(name, List.of())) {
                o.coalesced.due();
            }
        }
    }

    private final class Observer {
        final Callbacks.Coalesced coalesced;
        Object last;

        Observer(String name, Consumer<Change> callback) {
            last = get(name);
            coalesced = new Callbacks.Coalesced(() -> {
                Object now = get(name);
                if (!Objects.equals(now, last)) {
                    Change change = new Change(Widget.this, name, last, now);
                    last = now;
                    callback.accept(change);
                }
            });
        }
    }

    /** The bundle a front end shows: the view of this model, with a text fallback. */
    public final Map<String, Object> mimeBundle() {
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", toString());
        if (isLive() && get("_view_name") != null && !KernelComms.get().oldFrontEnd()) {
            bundle.put("application/vnd.jupyter.widget-view+json",
                    Map.of("version_major", 2, "version_minor", 0, "model_id", id()));
        }
        return Collections.unmodifiableMap(bundle);
    }

    /** The model name without {@code Model}: {@code FloatSlider}. */
    final String kind() {
        String m = String.valueOf(get("_model_name"));
        return m.endsWith("Model") ? m.substring(0, m.length() - 5) : m;
    }

    @Override
    public String toString() {
        return kind();
    }

    /** {@code LayoutModel}: CSS layout attributes, all unset. */
    static final class Layout extends Widget {
        private static final String[] KEYS = {"align_content", "align_items", "align_self", "border_bottom",
            "border_left", "border_right", "border_top", "bottom", "display", "flex", "flex_flow", "grid_area",
            "grid_auto_columns", "grid_auto_flow", "grid_auto_rows", "grid_column", "grid_gap", "grid_row",
            "grid_template_areas", "grid_template_columns", "grid_template_rows", "height", "justify_content",
            "justify_items", "left", "margin", "max_height", "max_width", "min_height", "min_width", "object_fit",
            "object_position", "order", "overflow", "padding", "right", "top", "visibility", "width"};

        Layout() {
            super("LayoutModel", BASE, VERSION, "LayoutView", BASE, VERSION);
            for (String k : KEYS) {
                init(k, null);
            }
        }
    }

    /** A style model ({@code SliderStyleModel}, {@code DescriptionStyleModel}, ...) with its defaults. */
    static final class Style extends Widget {
        Style(String model, Object... keyValues) {
            super(model, CONTROLS, VERSION, "StyleView", BASE, VERSION);
            init("description_width", "");
            for (int i = 0; i < keyValues.length; i += 2) {
                init((String) keyValues[i], keyValues[i + 1]);
            }
        }
    }
}
