package io.hallmark.watermark;

import io.hallmark.media.VideoFrame;
import java.util.Arrays;
import java.util.Random;

/** Deterministic synthetic test pictures: textured, moving content, and degenerate ones. */
final class SyntheticVideo {
    private SyntheticVideo() {}

    /** Smooth blobs plus fine texture, panning by 3 px per frame, at 30 fps. */
    static VideoFrame textured(int w, int h, int index, long seed) {
        return textured(w, h, index, seed, 3);
    }

    /** The same blobs and fresh noise in every frame, as from a camera on a tripod. */
    static VideoFrame still(int w, int h, int index, long seed) {
        return textured(w, h, index, seed, 0);
    }

    private static VideoFrame textured(int w, int h, int index, long seed, int pan) {
        Random random = new Random(seed);
        double[] fx = new double[6];
        double[] fy = new double[6];
        double[] ph = new double[6];
        for (int i = 0; i < 6; i++) {
            fx[i] = 0.005 + 0.05 * random.nextDouble();
            fy[i] = 0.005 + 0.05 * random.nextDouble();
            ph[i] = 2 * Math.PI * random.nextDouble();
        }
        Random noise = new Random(seed * 31 + index);
        byte[] y = new byte[w * h];
        int shift = pan * index;
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                double v = 128;
                for (int i = 0; i < 6; i++) {
                    v += 14 * Math.sin(fx[i] * (c + shift) + fy[i] * r + ph[i]);
                }
                v += 10 * noise.nextGaussian();
                y[r * w + c] = (byte) Math.max(16, Math.min(235, (int) Math.round(v)));
            }
        }
        return withGreyChroma(w, h, y, index);
    }

    /** Every pixel the same value. */
    static VideoFrame flat(int w, int h, int index, int value) {
        byte[] y = new byte[w * h];
        Arrays.fill(y, (byte) value);
        return withGreyChroma(w, h, y, index);
    }

    static VideoFrame withGreyChroma(int w, int h, byte[] y, int index) {
        int chroma = ((w + 1) / 2) * ((h + 1) / 2);
        byte[] u = new byte[chroma];
        byte[] v = new byte[chroma];
        Arrays.fill(u, (byte) 128);
        Arrays.fill(v, (byte) 128);
        return new VideoFrame(w, h, y, u, v, index, index * 1_000_000L / 30);
    }
}
