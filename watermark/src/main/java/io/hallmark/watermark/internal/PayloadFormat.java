package io.hallmark.watermark.internal;

import io.hallmark.watermark.Payload;
import io.hallmark.watermark.WatermarkKey;
import io.hallmark.watermark.ecc.ConvolutionalCode;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * The 96-bit information word: 64 payload bits followed by a 32-bit keyed check
 * (first 4 bytes of HMAC-SHA256(key, payload)), protected by the rate-1/2 K=7 convolutional code:
 * 2 * (96 + 6) = 204 coded bits. A decode is accepted only when the check matches, so a wrong payload is
 * reported with probability 2^-32 per decode attempt.
 */
public final class PayloadFormat {
    public static final int DATA_BITS = 64;
    public static final int CHECK_BITS = 32;
    public static final int INFO_BITS = DATA_BITS + CHECK_BITS;
    public static final ConvolutionalCode CODE = new ConvolutionalCode(INFO_BITS);
    public static final int CODED_BITS = CODE.codedBits();
    /** Probability that random soft values decode to a word whose check passes. */
    public static final double FALSE_ACCEPT = Math.pow(2, -CHECK_BITS);

    private PayloadFormat() {}

    public static int check(WatermarkKey key, long data) {
        byte[] mac = key.derive("hallmark.watermark.payload-check", ByteBuffer.allocate(8).putLong(data).array());
        return ByteBuffer.wrap(mac).getInt();
    }

    /** Coded bits (0/1) for a payload. */
    public static int[] encode(WatermarkKey key, Payload payload) {
        int[] info = new int[INFO_BITS];
        long data = payload.bits();
        int check = check(key, data);
        for (int i = 0; i < DATA_BITS; i++) {
            info[i] = (int) (data >>> (63 - i)) & 1;
        }
        for (int i = 0; i < CHECK_BITS; i++) {
            info[DATA_BITS + i] = (check >>> (31 - i)) & 1;
        }
        return CODE.encode(info);
    }

    /**
     * Result of a soft decode: the data bits found (the most likely word's when no candidate passed), whether
     * the keyed check passed, and the accepted word's place in the candidate list (1 = the most likely word;
     * 0 when none passed).
     */
    public record Decoded(long data, boolean checkPassed, int rank) {
        public Optional<Payload> payload() {
            return checkPassed ? Optional.of(new Payload(data)) : Optional.empty();
        }
    }

    /** Soft values: positive = coded bit 0. Decodes the single most likely word. */
    public static Decoded decode(WatermarkKey key, double[] soft) {
        return decode(key, soft, 1);
    }

    /**
     * Tries the {@code listSize} most likely words, best first, and accepts the first whose keyed check
     * passes; a random word passes with probability 2^-32, so the chance that a wrong word is accepted is at
     * most {@code listSize} x 2^-32.
     */
    public static Decoded decode(WatermarkKey key, double[] soft, int listSize) {
        List<int[]> words = CODE.decodeList(soft, listSize);
        for (int r = 0; r < words.size(); r++) {
            int[] info = words.get(r);
            long data = data(info);
            if (checkBits(info) == check(key, data)) {
                return new Decoded(data, true, r + 1);
            }
        }
        return new Decoded(data(words.get(0)), false, 0);
    }

    private static long data(int[] info) {
        long data = 0;
        for (int i = 0; i < DATA_BITS; i++) {
            data = (data << 1) | info[i];
        }
        return data;
    }

    private static int checkBits(int[] info) {
        int check = 0;
        for (int i = 0; i < CHECK_BITS; i++) {
            check = (check << 1) | info[DATA_BITS + i];
        }
        return check;
    }
}
