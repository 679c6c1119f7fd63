package io.hallmark.fingerprint;

import java.util.HexFormat;

/**
 * A 256-bit PDQ perceptual hash with its quality (0-100). Immutable, thread-safe.
 *
 * <p>Bit {@code i*16 + j} is set when DCT coefficient (i, j) of the 16x16 block lies above the block's
 * median (Meta's PDQ, "The PDQ and TMK+PDQF hashing algorithms", hashing.pdf, 2019). Similar pictures
 * have hashes a small Hamming distance apart: the reference implementation calls distance &le; 31 a match
 * for quality &ge; 50; two unrelated pictures are about 128 bits apart.
 *
 * @param words   the 256 bits as four 64-bit words, bit k in {@code words[k / 64]} at position {@code k % 64}
 * @param quality how much gradient the picture had, 0 (flat) to 100; flat pictures hash unreliably
 */
public record PdqHash(long[] words, int quality) {
    public static final int BITS = 256;

    public PdqHash {
        if (words.length != 4) {
            throw new IllegalArgumentException("a PDQ hash has 4 words of 64 bits, not " + words.length);
        }
        if (quality < 0 || quality > 100) {
            throw new IllegalArgumentException("quality must be 0..100: " + quality);
        }
        words = words.clone();
    }

    @Override
    public long[] words() {
        return words.clone();
    }

    /** Bit {@code k} (0..255). */
    public boolean bit(int k) {
        return (words[k >>> 6] >>> (k & 63) & 1L) != 0;
    }

    /** Hamming distance to {@code other}: 0 (same) to 256. */
    public int distance(PdqHash other) {
        return Long.bitCount(words[0] ^ other.words[0]) + Long.bitCount(words[1] ^ other.words[1])
                + Long.bitCount(words[2] ^ other.words[2]) + Long.bitCount(words[3] ^ other.words[3]);
    }

    /** Hamming distance between two 4-word hashes given as arrays (index code avoids allocations). */
    static int distance(long[] a, int aOffset, long[] b, int bOffset) {
        return Long.bitCount(a[aOffset] ^ b[bOffset]) + Long.bitCount(a[aOffset + 1] ^ b[bOffset + 1])
                + Long.bitCount(a[aOffset + 2] ^ b[bOffset + 2]) + Long.bitCount(a[aOffset + 3] ^ b[bOffset + 3]);
    }

    /** 64 lower-case hex digits, word 0 first, each word little-endian by bit (bit 0 = lowest nibble's lowest bit). */
    public String hex() {
        byte[] bytes = new byte[32];
        for (int k = 0; k < 32; k++) {
            bytes[k] = (byte) (words[k >>> 3] >>> ((k & 7) * 8));
        }
        return HexFormat.of().formatHex(bytes);
    }

    /** Parses {@link #hex()}. @throws IllegalArgumentException if not 64 hex digits */
    public static PdqHash fromHex(String hex, int quality) {
        if (hex.length() != 64) {
            throw new IllegalArgumentException("a PDQ hash is 64 hex digits, not " + hex.length());
        }
        return fromBytes(HexFormat.of().parseHex(hex), quality);
    }

    /** 32 bytes in the order of {@link #hex()}. */
    public byte[] bytes() {
        return HexFormat.of().parseHex(hex());
    }

    /** Parses the 32 bytes of {@link #bytes()}. @throws IllegalArgumentException if not 32 bytes */
    public static PdqHash fromBytes(byte[] bytes, int quality) {
        if (bytes.length != 32) {
            throw new IllegalArgumentException("a PDQ hash is 32 bytes, not " + bytes.length);
        }
        return fromBytes(bytes, 0, quality);
    }

    static PdqHash fromBytes(byte[] bytes, int offset, int quality) {
        long[] w = new long[4];
        for (int k = 0; k < 32; k++) {
            w[k >>> 3] |= (bytes[offset + k] & 0xffL) << ((k & 7) * 8);
        }
        return new PdqHash(w, quality);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PdqHash h && quality == h.quality && java.util.Arrays.equals(words, h.words);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(words) * 31 + quality;
    }

    @Override
    public String toString() {
        return hex() + "/q" + quality;
    }
}
