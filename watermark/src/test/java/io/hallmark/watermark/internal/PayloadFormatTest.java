package io.hallmark.watermark.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallmark.watermark.Payload;
import io.hallmark.watermark.WatermarkKey;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PayloadFormatTest {
    private final WatermarkKey key = WatermarkKey.fromPassphrase("payload format");

    private static double[] soft(int[] coded) {
        double[] s = new double[coded.length];
        for (int i = 0; i < coded.length; i++) {
            s[i] = coded[i] == 0 ? 1 : -1;
        }
        return s;
    }

    @Test
    void roundTripsThroughTheCodeWithBitErrors() {
        Random random = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            Payload payload = new Payload(random.nextLong());
            double[] s = soft(PayloadFormat.encode(key, payload));
            for (int i = trial % 11; i < s.length; i += 17) {
                s[i] = -s[i];
            }
            PayloadFormat.Decoded decoded = PayloadFormat.decode(key, s);
            assertTrue(decoded.checkPassed());
            assertEquals(payload, decoded.payload().orElseThrow());
        }
    }

    @Test
    void anotherKeyRejectsTheWord() {
        Payload payload = Payload.fromHex("00112233445566ff");
        double[] s = soft(PayloadFormat.encode(key, payload));
        PayloadFormat.Decoded decoded = PayloadFormat.decode(WatermarkKey.fromPassphrase("other"), s);
        assertEquals(payload.bits(), decoded.data());
        assertFalse(decoded.checkPassed());
        assertTrue(decoded.payload().isEmpty());
    }

    @Test
    void noiseNeverPassesTheCheckNeitherAloneNorInAList() {
        Random random = new Random(8);
        for (int trial = 0; trial < 300; trial++) {
            double[] s = new double[PayloadFormat.CODED_BITS];
            for (int i = 0; i < s.length; i++) {
                s[i] = random.nextGaussian();
            }
            assertFalse(PayloadFormat.decode(key, s).checkPassed());
            if (trial < 100) {
                PayloadFormat.Decoded listed = PayloadFormat.decode(key, s, 32);
                assertFalse(listed.checkPassed());
                assertEquals(0, listed.rank());
            }
        }
    }

    @Test
    void carries204CodedBits() {
        assertEquals(204, PayloadFormat.CODED_BITS);
        assertEquals(Math.pow(2, -32), PayloadFormat.FALSE_ACCEPT);
    }

    @Test
    void listDecodingRecoversWordsThePlainDecodeGetsWrongAndNoOtherWord() {
        Random random = new Random(11);
        int recovered = 0;
        for (int trial = 0; trial < 100; trial++) {
            Payload payload = new Payload(random.nextLong());
            double[] s = soft(PayloadFormat.encode(key, payload));
            for (int i = 0; i < s.length; i++) {
                s[i] += 0.9 * random.nextGaussian();
            }
            PayloadFormat.Decoded list = PayloadFormat.decode(key, s, 32);
            if (list.checkPassed()) {
                assertEquals(payload, list.payload().orElseThrow(), "a wrong word passed the check");
                if (list.rank() > 1) {
                    assertFalse(PayloadFormat.decode(key, s).checkPassed());
                    recovered++;
                }
            }
        }
        assertTrue(recovered > 0, "no word recovered beyond the most likely one");
    }
}
