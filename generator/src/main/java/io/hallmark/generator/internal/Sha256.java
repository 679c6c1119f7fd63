package io.hallmark.generator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as the generator module uses it: files recorded in provenance, prompts turned into seeds. Thread-safe. */
public final class Sha256 {
    private Sha256() {}

    /**
     * @param file read once, streaming
     * @return the file's SHA-256, 64 lower-case hex digits
     * @throws IOException when the file cannot be read
     */
    public static String hexOf(Path file) throws IOException {
        MessageDigest digest = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * @param text any text, hashed as UTF-8
     * @return the first 8 bytes of its SHA-256, big-endian: a seed that the same prompt always gives
     */
    public static long firstLong(String text) {
        byte[] d = digest().digest(text.getBytes(StandardCharsets.UTF_8));
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = (h << 8) | (d[i] & 0xff);
        }
        return h;
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
