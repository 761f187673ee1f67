package dltheory.kernel.server;

import com.google.gson.JsonObject;
import dltheory.kernel.wire.Message;

/** A request being handled: its message, and how to reply and publish on its behalf. */
public final class Request {
    private final Message message;
    private final Channel channel;
    private final IoPub iopub;
    private boolean replied;

    Request(Message message, Channel channel, IoPub iopub) {
        this.message = message;
        this.channel = channel;
        this.iopub = iopub;
    }

    /** The request message. */
    public Message message() {
        return message;
    }

    /** The request content. */
    public JsonObject content() {
        return message.content();
    }

    /** Sends the reply on the channel the request came from. */
    public void reply(String type, JsonObject content) {
        replied = true;
        channel.send(message, type, content);
    }

    /**
     * Aborts the {@code execute_request}s already waiting behind this one: they are answered
     * {@code aborted} once this request is done. Call it before replying (a cell failed and its request
     * had {@code stop_on_error}).
     */
    public void abortWaitingExecutions() {
        channel.holdWaiting();
    }

    /** True once a reply was sent. */
    public boolean replied() {
        return replied;
    }

    /** Publishes on IOPub with this request as parent. */
    public void publish(String type, JsonObject content) {
        iopub.publish(message, type, content);
    }

    /** The IOPub publisher. */
    public IoPub iopub() {
        return iopub;
    }
}
