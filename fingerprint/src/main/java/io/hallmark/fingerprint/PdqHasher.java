package io.hallmark.fingerprint;

/**
 * PDQ, Meta's perceptual image hash, implemented from its published description ("The PDQ and TMK+PDQF
 * hashing algorithms", hashing.pdf) and the reference implementation's constants (facebook/ThreatExchange,
 * pdq/cpp): luminance, two passes of a Jarosz box filter of window {@code ceil(side / 128)} on each axis,
 * decimation to 64x64, a 16x16 DCT (coefficients 1..16, so the DC term and with it any brightness offset is
 * left out), and one bit per coefficient: above the median or not. Quality is the mean absolute gradient of
 * the 64x64 image, scaled as the reference does.
 *
 * <p>Input is a luma plane (8 bits per sample, row-major, {@code width} bytes per row); an affine change of
 * luma (gain and offset, e.g. limited vs full range) leaves the hash unchanged. Not thread-safe: one hasher
 * per thread (it keeps scratch buffers); hashes are immutable.
 */
public final class PdqHasher {
    private static final int N = 64;
    private static final int D = 16;
    /** DCT-II rows 1..16 of size 64, scaled as the reference: sqrt(2/64) cos(pi (i+1)(2j+1) / 128). */
    private static final float[] DCT = new float[D * N];

    static {
        double scale = Math.sqrt(2.0 / N);
        for (int i = 0; i < D; i++) {
            for (int j = 0; j < N; j++) {
                DCT[i * N + j] = (float) (scale * Math.cos(Math.PI / 2 / N * (i + 1) * (2 * j + 1)));
            }
        }
    }

    private float[] a = new float[0];
    private float[] b = new float[0];
    private final float[] small = new float[N * N];
    private final float[] tmp = new float[D * N];
    private final float[] block = new float[D * D];

    /**
     * Hashes the {@code w x h} window at ({@code x0}, {@code y0}) of a luma plane.
     *
     * @throws IllegalArgumentException if the window is empty or leaves the plane
     */
    public PdqHash hash(byte[] luma, int stride, int x0, int y0, int w, int h) {
        if (w <= 0 || h <= 0 || x0 < 0 || y0 < 0 || x0 + w > stride || (long) (y0 + h) * stride > luma.length) {
            throw new IllegalArgumentException("window " + w + "x" + h + "+" + x0 + "+" + y0 + " is outside the picture");
        }
        int n = w * h;
        if (a.length < n) {
            a = new float[n];
            b = new float[n];
        }
        for (int y = 0; y < h; y++) {
            int row = (y0 + y) * stride + x0;
            for (int x = 0; x < w; x++) {
                a[y * w + x] = luma[row + x] & 0xff;
            }
        }
        int wx = windowSize(w);
        int wy = windowSize(h);
        for (int rep = 0; rep < 2; rep++) {
            for (int y = 0; y < h; y++) {
                box(a, b, y * w, 1, w, wx);
            }
            for (int x = 0; x < w; x++) {
                box(b, a, x, w, h, wy);
            }
        }
        for (int i = 0; i < N; i++) {
            int yi = (int) ((i + 0.5) * h / N);
            for (int j = 0; j < N; j++) {
                small[i * N + j] = a[yi * w + (int) ((j + 0.5) * w / N)];
            }
        }
        int quality = quality(small);
        // block = DCT * small * DCT^T
        for (int i = 0; i < D; i++) {
            for (int j = 0; j < N; j++) {
                float s = 0;
                for (int k = 0; k < N; k++) {
                    s += DCT[i * N + k] * small[k * N + j];
                }
                tmp[i * N + j] = s;
            }
        }
        for (int i = 0; i < D; i++) {
            for (int j = 0; j < D; j++) {
                float s = 0;
                for (int k = 0; k < N; k++) {
                    s += tmp[i * N + k] * DCT[j * N + k];
                }
                block[i * D + j] = s;
            }
        }
        float median = median(block);
        long[] words = new long[4];
        for (int k = 0; k < D * D; k++) {
            if (block[k] > median) {
                words[k >>> 6] |= 1L << (k & 63);
            }
        }
        return new PdqHash(words, quality);
    }

    /** Hashes a whole luma plane. */
    public PdqHash hash(byte[] luma, int width, int height) {
        return hash(luma, width, 0, 0, width, height);
    }

    /** The reference's Jarosz window: ceil(side / (2 * 64)), at least 1. */
    static int windowSize(int side) {
        return Math.max(1, (side + 2 * N - 1) / (2 * N));
    }

    /** The reference's one-dimensional box filter (window centred, shrinking at the ends). */
    static void box(float[] in, float[] out, int start, int stride, int length, int window) {
        window = Math.min(window, length);
        int half = (window + 2) / 2;
        int phase1 = half - 1;
        int phase2 = window - half + 1;
        int phase3 = length - window;
        int phase4 = half - 1;
        int li = start;
        int ri = start;
        int oi = start;
        float sum = 0;
        int count = 0;
        for (int i = 0; i < phase1; i++) {
            sum += in[ri];
            count++;
            ri += stride;
        }
        for (int i = 0; i < phase2; i++) {
            sum += in[ri];
            count++;
            out[oi] = sum / count;
            ri += stride;
            oi += stride;
        }
        for (int i = 0; i < phase3; i++) {
            sum += in[ri] - in[li];
            out[oi] = sum / count;
            li += stride;
            ri += stride;
            oi += stride;
        }
        for (int i = 0; i < phase4; i++) {
            sum -= in[li];
            count--;
            out[oi] = sum / count;
            li += stride;
            oi += stride;
        }
    }

    /** The reference's quality: summed absolute neighbour differences in percent of 255, / 90, at most 100. */
    private static int quality(float[] img) {
        long sum = 0;
        for (int i = 0; i < N - 1; i++) {
            for (int j = 0; j < N; j++) {
                sum += Math.abs((int) (((img[i * N + j] - img[(i + 1) * N + j]) * 100) / 255));
            }
        }
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N - 1; j++) {
                sum += Math.abs((int) (((img[i * N + j] - img[i * N + j + 1]) * 100) / 255));
            }
        }
        return (int) Math.min(100, sum / 90);
    }

    private static float median(float[] v) {
        float[] s = v.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }
}
