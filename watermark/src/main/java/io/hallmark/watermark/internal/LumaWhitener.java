package io.hallmark.watermark.internal;

/**
 * Turns a luma plane into detector input: box-averaged down to at most about {@value #MAX_ANALYSIS_PIXELS}
 * pixels (an integer factor, so large frames cost little), then high-passed (minus a
 * {@value #BOX}x{@value #BOX} local mean, the window clipped at the frame edges) and clipped to
 * +-{@value #CLIP} levels, which removes most of the picture and limits the weight of strong edges while
 * keeping the band of the mark. Key-independent.
 *
 * <p>One streaming pass: each analysis row is made, its horizontal means taken and added to running column
 * sums while it enters the vertical window, all in ring buffers of {@value #BOX}+1 rows that stay in the CPU
 * cache (whole-frame intermediate planes made this memory-bound). Not thread-safe.
 */
public final class LumaWhitener {
    public static final int MAX_ANALYSIS_PIXELS = 600_000;
    static final int BOX = 13;
    static final float CLIP = 6f;
    private static final int RING = BOX + 1;

    private final int width;
    private final int factor;
    private final int outWidth;
    private final int outHeight;
    /** The last RING analysis rows, and their horizontal means. */
    private final float[][] rows;
    private final float[][] means;
    private final float[] colSum;
    private final float[] power;
    private final float[] next;
    private final float[] window;
    private final float[] shifted;
    private final float[] clipped;
    private final int[] loIndex;
    private final int[] hiIndex;
    private final float[] invCount;

    public LumaWhitener(int width, int height) {
        this.width = width;
        this.factor = factorFor(width, height);
        this.outWidth = width / factor;
        this.outHeight = height / factor;
        this.rows = new float[RING][outWidth];
        this.means = new float[RING][outWidth];
        this.colSum = new float[outWidth];
        this.power = new float[outWidth];
        this.next = new float[outWidth];
        this.window = new float[outWidth];
        this.shifted = new float[outWidth];
        this.clipped = new float[outWidth];
        this.loIndex = new int[outWidth];
        this.hiIndex = new int[outWidth];
        this.invCount = new float[outWidth];
        int r = BOX / 2;
        for (int x = 0; x < outWidth; x++) {
            loIndex[x] = Math.max(0, x - r);
            hiIndex[x] = Math.min(outWidth, x + r + 1);
            invCount[x] = 1f / (hiIndex[x] - loIndex[x]);
        }
    }

    public static int factorFor(int width, int height) {
        return Math.max(1, (int) Math.floor(Math.sqrt((double) width * height / MAX_ANALYSIS_PIXELS)));
    }

    public int factor() { return factor; }
    public int outWidth() { return outWidth; }
    public int outHeight() { return outHeight; }

    /** Adds the whitened analysis image of {@code luma} into {@code accumulator} (outWidth*outHeight). */
    public void accumulate(byte[] luma, float[] accumulator) {
        int w = outWidth;
        int h = outHeight;
        int r = BOX / 2;
        java.util.Arrays.fill(colSum, 0f);
        int entered = 0; // rows [0, entered) have been made; rows [lo, entered) are in the column sums
        int lo = 0;
        for (int y = 0; y < h; y++) {
            int newHi = Math.min(h - 1, y + r);
            while (entered <= newHi) {
                int slot = entered % RING;
                makeRow(luma, entered, rows[slot]);
                horizontalMeans(rows[slot], means[slot]);
                addTo(colSum, means[slot], 1f);
                entered++;
            }
            int newLo = Math.max(0, y - r);
            while (lo < newLo) {
                addTo(colSum, means[lo % RING], -1f);
                lo++;
            }
            emitRow(rows[y % RING], 1f / (entered - lo), accumulator, y * w);
        }
    }

    /** Analysis row {@code y}: the luma row, or the mean of its factor x factor blocks. */
    private void makeRow(byte[] luma, int y, float[] out) {
        int w = outWidth;
        if (factor == 1) {
            int src = y * width;
            for (int x = 0; x < w; x++) {
                out[x] = luma[src + x] & 0xff;
            }
            return;
        }
        java.util.Arrays.fill(out, 0f);
        for (int k = 0; k < factor; k++) {
            int src = (y * factor + k) * width;
            for (int x = 0; x < w; x++) {
                int s = 0;
                int base = src + x * factor;
                for (int j = 0; j < factor; j++) {
                    s += luma[base + j] & 0xff;
                }
                out[x] += s;
            }
        }
        float inv = 1f / (factor * factor);
        for (int x = 0; x < w; x++) {
            out[x] *= inv;
        }
    }

    private void horizontalMeans(float[] row, float[] out) {
        int w = outWidth;
        int r = BOX / 2;
        if (w <= BOX) {
            edgeMeans(row, out, 0, w);
            return;
        }
        // Interior: window sums of BOX values built by doubling (sums of 1, 2, 4, 8 ... neighbours, each one
        // contiguous loop the JIT vectorises), the binary digits of BOX picking which to add.
        float[] p = power;
        float[] q = next;
        System.arraycopy(row, 0, p, 0, w);
        java.util.Arrays.fill(window, 0f);
        int span = 1;
        int offset = 0;
        for (int bits = BOX; bits > 0; bits >>= 1) {
            if ((bits & 1) != 0) {
                addShifted(window, p, offset, w - BOX + 1);
                offset += span;
            }
            if (bits > 1) {
                pairSums(q, p, span, w - 2 * span + 1);
                float[] t = p;
                p = q;
                q = t;
                span *= 2;
            }
        }
        float inv = 1f / BOX;
        int interior = w - 2 * r;
        for (int x = 0; x < interior; x++) {
            window[x] *= inv;
        }
        System.arraycopy(window, 0, out, r, interior);
        edgeMeans(row, out, 0, r);
        edgeMeans(row, out, w - r, w);
    }

    /** {@code to[i] += from[i + shift]} for i in [0, count). */
    private void addShifted(float[] to, float[] from, int shift, int count) {
        // Shift by a copy first: C2 (Java 17) does not vectorise a loop reading at a variable offset.
        System.arraycopy(from, shift, shifted, 0, count);
        float[] s = shifted;
        for (int i = 0; i < count; i++) {
            to[i] += s[i];
        }
    }

    /** {@code to[i] = from[i] + from[i + span]} for i in [0, count). */
    private void pairSums(float[] to, float[] from, int span, int count) {
        System.arraycopy(from, span, shifted, 0, count);
        float[] s = shifted;
        for (int i = 0; i < count; i++) {
            to[i] = from[i] + s[i];
        }
    }

    /** Means of the windows clipped at the frame edge, for x in [from, to). */
    private void edgeMeans(float[] row, float[] out, int from, int to) {
        for (int x = from; x < to; x++) {
            float sum = 0;
            for (int k = loIndex[x]; k < hiIndex[x]; k++) {
                sum += row[k];
            }
            out[x] = sum * invCount[x];
        }
    }

    private static void addTo(float[] sum, float[] row, float sign) {
        for (int x = 0; x < sum.length; x++) {
            sum[x] += sign * row[x];
        }
    }

    private void emitRow(float[] row, float inv, float[] accumulator, int offset) {
        // Two loops: C2 (Java 17) vectorises a loop with one variable offset, not the fused one.
        float[] out = clipped;
        for (int x = 0; x < outWidth; x++) {
            float v = row[x] - colSum[x] * inv;
            out[x] = Math.max(-CLIP, Math.min(CLIP, v));
        }
        for (int x = 0; x < outWidth; x++) {
            accumulator[offset + x] += out[x];
        }
    }
}
