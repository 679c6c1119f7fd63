package io.hallmark.watermark.internal;

import io.hallmark.watermark.WatermarkKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudo-random numbers: AES-256 in counter mode under a key derived from the watermark key and a
 * purpose label. Cryptographic, so the pattern's phases are independent and uniform as far as anyone
 * without the key can tell, which is what the false-positive bound assumes.
 */
public final class KeyStream {
    private final Cipher cipher;
    private final byte[] block = new byte[16];
    private int used = 16;

    public KeyStream(WatermarkKey key, String purpose) {
        byte[] aesKey = key.derive("hallmark.watermark.keystream", purpose.getBytes(StandardCharsets.UTF_8));
        try {
            cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new IvParameterSpec(new byte[16]));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CTR unavailable", e);
        }
    }

    private int nextByte() {
        if (used == 16) {
            byte[] out = cipher.update(new byte[16]);
            System.arraycopy(out, 0, block, 0, 16);
            used = 0;
        }
        return block[used++] & 0xff;
    }

    public long nextLong() {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | nextByte();
        }
        return v;
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound) without modulo bias. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        long limit = (1L << 32) - ((1L << 32) % bound);
        while (true) {
            long v = nextLong() >>> 32;
            if (v < limit) {
                return (int) (v % bound);
            }
        }
    }

    /** Keyed Fisher-Yates shuffle. */
    public void shuffle(int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
