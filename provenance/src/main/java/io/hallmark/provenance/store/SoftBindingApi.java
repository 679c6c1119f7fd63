package io.hallmark.provenance.store;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.HexFormat;

/**
 * How our soft binding travels in the C2PA Soft Binding Resolution API (spec 2.2, "Decoupled" section):
 * {@code GET /matches/byBinding?alg=io.hallmark.watermark.1&value=BASE64}, where the value is the 8-byte
 * payload, big-endian, base64-encoded; {@code GET /manifests/{manifestId}} returns application/c2pa bytes.
 */
public final class SoftBindingApi {
    public static final String ALGORITHM = "io.hallmark.watermark.1";

    private SoftBindingApi() {}

    public static String valueOf(String payloadHex) {
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(8).putLong(HexFormat.fromHexDigitsToLong(payloadHex)).array());
    }

    public static String payloadOf(String base64Value) {
        byte[] bytes = Base64.getDecoder().decode(base64Value);
        if (bytes.length != 8) {
            throw new IllegalArgumentException("a " + ALGORITHM + " value is 8 bytes, got " + bytes.length);
        }
        return HexFormat.of().formatHex(bytes);
    }
}
