package io.hallmark.watermark;

import java.security.SecureRandom;
import java.util.HexFormat;

/** The 64-bit identifier the mark carries (e.g. a pointer to the signed C2PA manifest). */
public record Payload(long bits) {
    public static Payload fromHex(String hex16) {
        if (hex16 == null || !hex16.matches("[0-9a-fA-F]{16}")) {
            throw new IllegalArgumentException("a payload is 16 hex digits, got: " + hex16);
        }
        return new Payload(HexFormat.fromHexDigitsToLong(hex16));
    }

    public static Payload random() {
        return new Payload(new SecureRandom().nextLong());
    }

    public String hex() {
        return HexFormat.of().toHexDigits(bits);
    }

    /** Bit {@code i}, counted from the most significant (0) to the least (63). */
    public int bit(int i) {
        return (int) (bits >>> (63 - i)) & 1;
    }

    @Override
    public String toString() {
        return "Payload[" + hex() + "]";
    }
}
