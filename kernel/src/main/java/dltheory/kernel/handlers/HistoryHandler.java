package dltheory.kernel.handlers;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dltheory.kernel.server.Handler;
import dltheory.kernel.server.Request;

import java.util.List;

/** Answers {@code history_request} (tail, range, search) from the in-memory {@link History}. */
public final class HistoryHandler implements Handler {
    private final History history;

    /** @param history the session's history */
    public HistoryHandler(History history) {
        this.history = history;
    }

    @Override
    public void handle(Request r) {
        JsonObject q = r.content();
        boolean output = Json.bool(q, "output", false);
        List<History.Entry> entries = switch (Json.text(q, "hist_access_type", "tail")) {
            case "range" -> history.range(Json.integer(q, "session", History.SESSION),
                    Json.integer(q, "start", 0), Json.integer(q, "stop", 0));
            case "search" -> history.search(Json.text(q, "pattern", "*"), Json.integer(q, "n", 0),
                    Json.bool(q, "unique", false));
            default -> history.tail(Json.integer(q, "n", 10));
        };
        JsonArray items = new JsonArray();
        for (History.Entry e : entries) {
            JsonArray item = new JsonArray();
            item.add(e.session());
            item.add(e.line());
            if (output) {
                JsonArray pair = new JsonArray();
                pair.add(e.input());
                pair.add(e.output());
                item.add(pair);
            } else {
                item.add(e.input());
            }
            items.add(item);
        }
        JsonObject c = Json.ok();
        c.add("history", items);
        r.reply("history_reply", c);
    }
}
