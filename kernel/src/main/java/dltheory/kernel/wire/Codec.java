package dltheory.kernel.wire;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.zeromq.ZMQ;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/** Reads and writes the multipart wire format of Jupyter messages on a ZeroMQ socket. */
public final class Codec {
    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    /** Signatures remembered to refuse replayed messages: jupyter_client's {@code digest_history_size}. */
    public static final int DIGEST_HISTORY = 1 << 16;

    private final Signer signer;
    /** Signatures of the signed messages received, oldest first (all channels share it). */
    private final LinkedHashSet<String> digests = new LinkedHashSet<>();

    /** @param signer signs outgoing and verifies incoming messages */
    public Codec(Signer signer) {
        this.signer = signer;
    }

    /** Outcome of reading one multipart message. */
    public sealed interface Read permits Received, Rejected, Nothing {
    }

    /** A valid, signed message. */
    public record Received(Message message) implements Read {
    }

    /** A message that was consumed and dropped, with the reason. */
    public record Rejected(String reason) implements Read {
    }

    /** Nothing arrived before the socket's receive timeout. */
    public record Nothing() implements Read {
    }

    /**
     * Receives one message. Bad signatures and malformed messages are consumed and reported as
     * {@link Rejected}, never thrown.
     */
    public Read read(ZMQ.Socket socket) {
        return read(socket, 0);
    }

    /** Every message already waiting on the socket ({@link Received} or {@link Rejected}), without blocking. */
    public List<Read> readAllWaiting(ZMQ.Socket socket) {
        List<Read> reads = new ArrayList<>();
        for (Read read = read(socket, ZMQ.DONTWAIT); !(read instanceof Nothing); read = read(socket, ZMQ.DONTWAIT)) {
            reads.add(read);
        }
        return reads;
    }

    private Read read(ZMQ.Socket socket, int flags) {
        byte[] first = socket.recv(flags);
        if (first == null) {
            return new Nothing();
        }
        List<byte[]> frames = new ArrayList<>();
        frames.add(first);
        while (socket.hasReceiveMore()) {
            frames.add(socket.recv(0));
        }
        int delimiter = -1;
        for (int i = 0; i < frames.size(); i++) {
            if (Arrays.equals(DELIMITER, frames.get(i))) {
                delimiter = i;
                break;
            }
        }
        if (delimiter < 0 || frames.size() < delimiter + 6) {
            return new Rejected("malformed message: " + frames.size() + " frames");
        }
        String signature = new String(frames.get(delimiter + 1), StandardCharsets.US_ASCII);
        byte[] header = frames.get(delimiter + 2);
        byte[] parent = frames.get(delimiter + 3);
        byte[] metadata = frames.get(delimiter + 4);
        byte[] content = frames.get(delimiter + 5);
        if (!signer.verify(signature, header, parent, metadata, content)) {
            return new Rejected("invalid signature");
        }
        if (signer.signs() && !firstTime(signature)) {
            return new Rejected("duplicate signature (a replayed message)");
        }
        Message message;
        try {
            message = new Message(
                    new ArrayList<>(frames.subList(0, delimiter)),
                    object(header), object(parent), object(metadata), object(content),
                    new ArrayList<>(frames.subList(delimiter + 6, frames.size())));
        } catch (RuntimeException e) {
            return new Rejected("unparseable message: " + e.getMessage());
        }
        String problem = headerProblem(message.header());
        return problem == null ? new Received(message) : new Rejected(problem);
    }

    /**
     * Remembers a signature; false if it was seen before. As jupyter_client's {@code Session}, the kernel
     * refuses a signed message it has already received, so a captured request cannot be replayed; the
     * {@value #DIGEST_HISTORY} latest signatures are kept (the oldest is forgotten first).
     */
    private synchronized boolean firstTime(String signature) {
        if (!digests.add(signature)) {
            return false;
        }
        if (digests.size() > DIGEST_HISTORY) {
            var oldest = digests.iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    /** Why a header cannot be handled (its {@code msg_type} is missing, empty or not a string), or null. */
    static String headerProblem(JsonObject header) {
        JsonElement type = header.get("msg_type");
        if (type == null || !type.isJsonPrimitive() || !type.getAsJsonPrimitive().isString()
                || type.getAsString().isEmpty()) {
            return "header without msg_type: " + abbreviated(header.toString());
        }
        return null;
    }

    private static String abbreviated(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    private static JsonObject object(byte[] json) {
        String text = new String(json, StandardCharsets.UTF_8);
        return text.isBlank() ? new JsonObject() : JsonParser.parseString(text).getAsJsonObject();
    }

    /** Sends a message; the caller must own the socket (sockets are not thread safe). */
    public void write(ZMQ.Socket socket, Message message) {
        byte[] header = bytes(message.header());
        byte[] parent = bytes(message.parent());
        byte[] metadata = bytes(message.metadata());
        byte[] content = bytes(message.content());
        String signature = signer.sign(header, parent, metadata, content);
        for (byte[] identity : message.identities()) {
            socket.sendMore(identity);
        }
        socket.sendMore(DELIMITER);
        socket.sendMore(signature.getBytes(StandardCharsets.US_ASCII));
        socket.sendMore(header);
        socket.sendMore(parent);
        socket.sendMore(metadata);
        List<byte[]> buffers = message.buffers();
        if (buffers.isEmpty()) {
            socket.send(content, 0);
            return;
        }
        socket.sendMore(content);
        for (int i = 0; i < buffers.size(); i++) {
            if (i == buffers.size() - 1) {
                socket.send(buffers.get(i), 0);
            } else {
                socket.sendMore(buffers.get(i));
            }
        }
    }

    private static byte[] bytes(JsonObject json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }
}
