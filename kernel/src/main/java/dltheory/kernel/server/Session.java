package dltheory.kernel.server;

import com.google.gson.JsonObject;
import dltheory.kernel.wire.Headers;
import dltheory.kernel.wire.Message;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** The kernel's messaging session: builds replies and broadcasts with proper headers. */
public final class Session {
    private final String id = UUID.randomUUID().toString();

    /** The kernel's session id. */
    public String id() {
        return id;
    }

    /** A reply to {@code parent}, routed back to the identities it came from. */
    public Message reply(Message parent, String type, JsonObject content) {
        return new Message(parent.identities(), Headers.create(type, id, username(parent)),
                parent.header(), new JsonObject(), content, List.of());
    }

    /** An IOPub message; {@code parent} may be null (e.g. the start-up status). */
    public Message broadcast(Message parent, String type, JsonObject content) {
        List<byte[]> topic = List.of(("kernel." + id + "." + type).getBytes(StandardCharsets.UTF_8));
        JsonObject parentHeader = parent == null ? new JsonObject() : parent.header();
        return new Message(topic, Headers.create(type, id, username(parent)), parentHeader, new JsonObject(),
                content, List.of());
    }

    private static String username(Message parent) {
        if (parent != null && parent.header().has("username")) {
            return parent.header().get("username").getAsString();
        }
        return "kernel";
    }
}
