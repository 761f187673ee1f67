package dltheory.kernel.wire;

import com.google.gson.JsonObject;

import java.util.List;

/**
 * One Jupyter message as JSON parts plus its routing identities and binary buffers.
 *
 * @param identities ZeroMQ routing frames (empty for IOPub)
 * @param header     the header: msg_id, session, username, date, msg_type, version
 * @param parent     the parent header, empty object when none
 * @param metadata   metadata dictionary
 * @param content    the content dictionary
 * @param buffers    extra binary frames
 */
public record Message(List<byte[]> identities, JsonObject header, JsonObject parent, JsonObject metadata,
                      JsonObject content, List<byte[]> buffers) {

    /** The header's {@code msg_type}. */
    public String type() {
        return header.get("msg_type").getAsString();
    }

    /** The header's {@code msg_id}. */
    public String id() {
        return header.has("msg_id") ? header.get("msg_id").getAsString() : "";
    }
}
