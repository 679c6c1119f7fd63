package io.hallmark.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PdqHasherTest {
    /** A random textured picture: a sum of random plane waves of 1-24 cycles across, like natural detail. */
    static byte[] picture(int w, int h, long seed) {
        Random r = new Random(seed);
        double[][] waves = new double[24][4];
        for (double[] b : waves) {
            double cycles = 1 + r.nextDouble() * 23;
            double angle = r.nextDouble() * Math.PI;
            b[0] = 2 * Math.PI * cycles * Math.cos(angle) / w;
            b[1] = 2 * Math.PI * cycles * Math.sin(angle) / w;
            b[2] = r.nextDouble() * 2 * Math.PI;
            b[3] = 40 / Math.sqrt(cycles);
        }
        byte[] y = new byte[w * h];
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                double v = 128;
                for (double[] b : waves) {
                    v += b[3] * Math.sin(b[0] * i + b[1] * j + b[2]);
                }
                y[j * w + i] = (byte) Math.max(0, Math.min(255, Math.round(v)));
            }
        }
        return y;
    }

    @Test
    void aHashHas256BitsHalfOfThemSetByTheMedianRule() {
        PdqHash h = new PdqHasher().hash(picture(320, 180, 1), 320, 180);
        int ones = 0;
        for (int k = 0; k < 256; k++) {
            ones += h.bit(k) ? 1 : 0;
        }
        assertTrue(ones >= 120 && ones <= 128, "median split gives about 128 ones, got " + ones);
        assertTrue(h.quality() > 0);
    }

    @Test
    void gainAndOffsetOfLumaLeaveTheHashAlmostUnchanged() {
        byte[] y = picture(320, 180, 2);
        byte[] limited = new byte[y.length];
        for (int i = 0; i < y.length; i++) {
            limited[i] = (byte) (16 + (y[i] & 0xff) * 219 / 255);
        }
        PdqHasher hasher = new PdqHasher();
        assertTrue(hasher.hash(y, 320, 180).distance(hasher.hash(limited, 320, 180)) <= 8);
    }

    @Test
    void aRescaledPictureIsNearAndADifferentOneIsFar() {
        PdqHasher hasher = new PdqHasher();
        byte[] big = picture(640, 360, 3);
        byte[] half = new byte[320 * 180];
        for (int j = 0; j < 180; j++) {
            for (int i = 0; i < 320; i++) {
                int s = (big[2 * j * 640 + 2 * i] & 0xff) + (big[2 * j * 640 + 2 * i + 1] & 0xff)
                        + (big[(2 * j + 1) * 640 + 2 * i] & 0xff) + (big[(2 * j + 1) * 640 + 2 * i + 1] & 0xff);
                half[j * 320 + i] = (byte) (s / 4);
            }
        }
        PdqHash a = hasher.hash(big, 640, 360);
        assertTrue(a.distance(hasher.hash(half, 320, 180)) <= 16);
        assertTrue(a.distance(hasher.hash(picture(640, 360, 4), 640, 360)) >= 70);
    }

    @Test
    void aFlatPictureHasQualityZero() {
        byte[] flat = new byte[200 * 200];
        java.util.Arrays.fill(flat, (byte) 90);
        assertEquals(0, new PdqHasher().hash(flat, 200, 200).quality());
    }

    @Test
    void aWindowOutsideThePictureIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PdqHasher().hash(new byte[100], 10, 5, 5, 10, 10));
    }

    @Test
    void hexRoundTrips() {
        PdqHash h = new PdqHasher().hash(picture(100, 100, 5), 100, 100);
        assertEquals(h, PdqHash.fromHex(h.hex(), h.quality()));
        assertEquals(0, h.distance(PdqHash.fromHex(h.hex(), 0)));
    }
}
