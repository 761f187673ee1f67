package dltheory.kernel.wire;

import com.google.gson.JsonObject;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** Builds message headers; dates are ISO 8601 in UTC with microseconds. */
public final class Headers {
    /** Messaging protocol version the kernel speaks. */
    public static final String PROTOCOL_VERSION = "5.3";

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Headers() {
    }

    /** Formats an instant as the protocol's date string, e.g. {@code 2024-01-02T03:04:05.123456Z}. */
    public static String date(Instant instant) {
        return DATE.format(instant);
    }

    /** A fresh header of the given type for the kernel's session. */
    public static JsonObject create(String msgType, String session, String username) {
        JsonObject h = new JsonObject();
        h.addProperty("msg_id", UUID.randomUUID().toString());
        h.addProperty("session", session);
        h.addProperty("username", username);
        h.addProperty("date", date(Instant.now()));
        h.addProperty("msg_type", msgType);
        h.addProperty("version", PROTOCOL_VERSION);
        return h;
    }
}
