package io.hallmark.watermark.internal;

import io.hallmark.watermark.Payload;
import io.hallmark.watermark.WatermarkKey;
import io.hallmark.watermark.ecc.ConvolutionalCode;
import java.nio.ByteBuffer;
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

    /** Result of a soft decode: the data bits found, and whether the keyed check passed. */
    public record Decoded(long data, boolean checkPassed) {
        public Optional<Payload> payload() {
            return checkPassed ? Optional.of(new Payload(data)) : Optional.empty();
        }
    }

    /** Soft values: positive = coded bit 0. */
    public static Decoded decode(WatermarkKey key, double[] soft) {
        int[] info = CODE.decode(soft);
        long data = 0;
        for (int i = 0; i < DATA_BITS; i++) {
            data = (data << 1) | info[i];
        }
        int check = 0;
        for (int i = 0; i < CHECK_BITS; i++) {
            check = (check << 1) | info[DATA_BITS + i];
        }
        return new Decoded(data, check == check(key, data));
    }
}
