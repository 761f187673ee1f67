package dltheory.kernel.server;

import com.google.gson.JsonObject;
import dltheory.kernel.wire.Codec;
import dltheory.kernel.wire.Message;
import org.zeromq.ZMQ;

/** The IOPub PUB socket; every thread publishes through this one synchronized sender. */
public final class IoPub {
    private final ZMQ.Socket socket;
    private final Codec codec;
    private final Session session;

    /**
     * @param socket  bound PUB socket
     * @param codec   message codec
     * @param session the kernel session
     */
    public IoPub(ZMQ.Socket socket, Codec codec, Session session) {
        this.socket = socket;
        this.codec = codec;
        this.session = session;
    }

    /** Publishes a message whose parent is {@code parent} (may be null). */
    public synchronized void publish(Message parent, String type, JsonObject content) {
        codec.write(socket, session.broadcast(parent, type, content));
    }

    /** Publishes a message with message-level {@code metadata} (a widget's {@code comm_open} carries its protocol version there). */
    public synchronized void publish(Message parent, String type, JsonObject content, JsonObject metadata) {
        Message m = session.broadcast(parent, type, content);
        codec.write(socket, new Message(m.identities(), m.header(), m.parent(), metadata, m.content(), m.buffers()));
    }

    /** Publishes a {@code status} message. */
    public void status(Message parent, String state) {
        JsonObject c = new JsonObject();
        c.addProperty("execution_state", state);
        publish(parent, "status", c);
    }
}
