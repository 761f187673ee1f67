package dltheory.kernel.wire;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The contents of a Jupyter connection file: transport, address, the five ports and the signing key.
 *
 * @param transport       {@code tcp} or {@code ipc}
 * @param ip              the address every socket binds to (and only that one)
 * @param shellPort       shell ROUTER port
 * @param controlPort     control ROUTER port
 * @param stdinPort       stdin ROUTER port
 * @param iopubPort       IOPub PUB port
 * @param hbPort          heartbeat REP port
 * @param signatureScheme e.g. {@code hmac-sha256}
 * @param key             the HMAC key; empty means messages are not signed
 */
public record ConnectionInfo(String transport, String ip, int shellPort, int controlPort, int stdinPort,
                             int iopubPort, int hbPort, String signatureScheme, String key) {

    /** Reads and parses a connection file. */
    public static ConnectionInfo read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Parses the JSON text of a connection file. */
    public static ConnectionInfo parse(String json) {
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        return new ConnectionInfo(
                text(o, "transport", "tcp"),
                text(o, "ip", "127.0.0.1"),
                o.get("shell_port").getAsInt(),
                o.get("control_port").getAsInt(),
                o.get("stdin_port").getAsInt(),
                o.get("iopub_port").getAsInt(),
                o.get("hb_port").getAsInt(),
                text(o, "signature_scheme", "hmac-sha256"),
                text(o, "key", ""));
    }

    private static String text(JsonObject o, String name, String fallback) {
        return o.has(name) && !o.get(name).isJsonNull() ? o.get(name).getAsString() : fallback;
    }

    /** The ZeroMQ endpoint for a port: {@code tcp://ip:port} or {@code ipc://ip-port}. */
    public String endpoint(int port) {
        return "ipc".equals(transport) ? "ipc://" + ip + "-" + port : transport + "://" + ip + ":" + port;
    }
}
