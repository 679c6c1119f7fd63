package io.hallmark.watermark.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LumaWhitenerTest {
    @Test
    void subtractsTheLocalMeanAndClipsLikeTheDefinition() {
        Random random = new Random(5);
        for (int[] size : new int[][] {{7, 5}, {13, 13}, {14, 9}, {101, 37}, {640, 48}}) {
            int w = size[0];
            int h = size[1];
            byte[] luma = new byte[w * h];
            for (int i = 0; i < luma.length; i++) {
                luma[i] = (byte) random.nextInt(256);
            }
            LumaWhitener whitener = new LumaWhitener(w, h);
            float[] out = new float[w * h];
            whitener.accumulate(luma, out);
            float[] expected = naive(luma, w, h);
            for (int i = 0; i < out.length; i++) {
                assertEquals(expected[i], out[i], 1e-3, "pixel " + i + " of " + w + "x" + h);
            }
        }
    }

    @Test
    void accumulatesIntoWhatIsThere() {
        byte[] luma = new byte[64 * 64];
        new Random(6).nextBytes(luma);
        LumaWhitener whitener = new LumaWhitener(64, 64);
        float[] once = new float[64 * 64];
        whitener.accumulate(luma, once);
        float[] twice = new float[64 * 64];
        whitener.accumulate(luma, twice);
        whitener.accumulate(luma, twice);
        for (int i = 0; i < once.length; i++) {
            assertEquals(2 * once[i], twice[i], 1e-4);
        }
    }

    /** The definition: pixel minus the mean of the BOX x BOX window clipped to the frame, clipped to +-CLIP. */
    private static float[] naive(byte[] luma, int w, int h) {
        int r = LumaWhitener.BOX / 2;
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sum = 0;
                int n = 0;
                for (int yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) {
                    for (int xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
                        sum += luma[yy * w + xx] & 0xff;
                        n++;
                    }
                }
                double v = (luma[y * w + x] & 0xff) - sum / n;
                out[y * w + x] = (float) Math.max(-LumaWhitener.CLIP, Math.min(LumaWhitener.CLIP, v));
            }
        }
        return out;
    }
}
