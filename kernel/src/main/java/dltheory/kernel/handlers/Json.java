package dltheory.kernel.handlers;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.List;

/** Small helpers for reading request fields and building reply content. */
final class Json {
    private Json() {
    }

    static String text(JsonObject o, String name, String fallback) {
        return o.has(name) && !o.get(name).isJsonNull() ? o.get(name).getAsString() : fallback;
    }

    static int integer(JsonObject o, String name, int fallback) {
        return o.has(name) && !o.get(name).isJsonNull() ? o.get(name).getAsInt() : fallback;
    }

    static boolean bool(JsonObject o, String name, boolean fallback) {
        return o.has(name) && !o.get(name).isJsonNull() ? o.get(name).getAsBoolean() : fallback;
    }

    static JsonArray array(List<String> items) {
        JsonArray a = new JsonArray();
        items.forEach(a::add);
        return a;
    }

    static JsonObject ok() {
        JsonObject o = new JsonObject();
        o.addProperty("status", "ok");
        return o;
    }
}
