package dltheory.kernel.wire;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Computes and checks the HMAC signature of the four signed frames of a Jupyter message. */
public final class Signer {
    private final Mac mac;

    /**
     * @param scheme the connection file's {@code signature_scheme}, e.g. {@code hmac-sha256}
     * @param key    the key; an empty key disables signing (signature is the empty string)
     */
    public Signer(String scheme, String key) {
        if (key == null || key.isEmpty()) {
            this.mac = null;
            return;
        }
        String algorithm = "Hmac" + scheme.replace("hmac-", "").replace("-", "").toUpperCase();
        try {
            mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("unsupported signature scheme " + scheme, e);
        }
    }

    /** True when messages are signed (the connection file has a key). */
    public boolean signs() {
        return mac != null;
    }

    /** Hex signature of header, parent header, metadata and content (empty string without a key). */
    public synchronized String sign(byte[] header, byte[] parent, byte[] metadata, byte[] content) {
        if (mac == null) {
            return "";
        }
        mac.update(header);
        mac.update(parent);
        mac.update(metadata);
        return HexFormat.of().formatHex(mac.doFinal(content));
    }

    /** True when {@code signature} matches the frames; compared in constant time. */
    public boolean verify(String signature, byte[] header, byte[] parent, byte[] metadata, byte[] content) {
        if (mac == null) {
            return true;
        }
        byte[] expected = sign(header, parent, metadata, content).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }
}
