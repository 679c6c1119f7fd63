package io.hallmark.watermark.internal;

/**
 * Turns a luma plane into detector input: box-averaged down to at most about {@value #MAX_ANALYSIS_PIXELS}
 * pixels (an integer factor, so large frames cost little), then high-passed (minus a
 * {@value #BOX}x{@value #BOX} local mean) and clipped to +-{@value #CLIP} levels, which removes most of
 * the picture and limits the weight of strong edges while keeping the band of the mark. Key-independent.
 */
public final class LumaWhitener {
    public static final int MAX_ANALYSIS_PIXELS = 600_000;
    static final int BOX = 13;
    static final float CLIP = 6f;

    private final int width;
    private final int height;
    private final int factor;
    private final int outWidth;
    private final int outHeight;
    private final float[] small;
    private final float[] rowSums;
    private final float[] prefix;
    private final int[] loIndex;
    private final int[] hiIndex;
    private final float[] invCount;
    private final float[] colSum;

    public LumaWhitener(int width, int height) {
        this.width = width;
        this.height = height;
        this.factor = factorFor(width, height);
        this.outWidth = width / factor;
        this.outHeight = height / factor;
        this.small = new float[outWidth * outHeight];
        this.rowSums = new float[outWidth * outHeight];
        this.prefix = new float[outWidth + 1];
        this.loIndex = new int[outWidth];
        this.hiIndex = new int[outWidth];
        this.invCount = new float[outWidth];
        int r = BOX / 2;
        for (int x = 0; x < outWidth; x++) {
            loIndex[x] = Math.max(0, x - r);
            hiIndex[x] = Math.min(outWidth, x + r + 1);
            invCount[x] = 1f / (hiIndex[x] - loIndex[x]);
        }
        this.colSum = new float[outWidth];
    }

    public static int factorFor(int width, int height) {
        return Math.max(1, (int) Math.floor(Math.sqrt((double) width * height / MAX_ANALYSIS_PIXELS)));
    }

    public int factor() { return factor; }
    public int outWidth() { return outWidth; }
    public int outHeight() { return outHeight; }

    /** Adds the whitened analysis image of {@code luma} into {@code accumulator} (outWidth*outHeight). */
    public void accumulate(byte[] luma, float[] accumulator) {
        downsample(luma);
        int w = outWidth;
        int h = outHeight;
        // Box mean: horizontal from a prefix sum per row, vertical as a running sum of rows (small methods
        // so that the JIT compiles and vectorises each loop on its own).
        for (int y = 0; y < h; y++) {
            horizontalMeans(y * w);
        }
        java.util.Arrays.fill(colSum, 0f);
        int r = BOX / 2;
        int lo = 0;
        int hi = Math.min(h - 1, r);
        for (int y = lo; y <= hi; y++) {
            addRow(y * w, 1f);
        }
        for (int y = 0; y < h; y++) {
            int newLo = Math.max(0, y - r);
            int newHi = Math.min(h - 1, y + r);
            while (hi < newHi) {
                addRow(++hi * w, 1f);
            }
            while (lo < newLo) {
                addRow(lo++ * w, -1f);
            }
            emitRow(y * w, 1f / (hi - lo + 1), accumulator);
        }
    }

    private void horizontalMeans(int row) {
        int w = outWidth;
        float sum = 0;
        for (int x = 0; x < w; x++) {
            prefix[x] = sum;
            sum += small[row + x];
        }
        prefix[w] = sum;
        for (int x = 0; x < w; x++) {
            rowSums[row + x] = (prefix[hiIndex[x]] - prefix[loIndex[x]]) * invCount[x];
        }
    }

    private void addRow(int row, float sign) {
        for (int x = 0; x < outWidth; x++) {
            colSum[x] += sign * rowSums[row + x];
        }
    }

    private void emitRow(int row, float inv, float[] accumulator) {
        for (int x = 0; x < outWidth; x++) {
            float v = small[row + x] - colSum[x] * inv;
            accumulator[row + x] += Math.max(-CLIP, Math.min(CLIP, v));
        }
    }

    private void downsample(byte[] luma) {
        if (factor == 1) {
            for (int i = 0; i < small.length; i++) small[i] = luma[i] & 0xff;
            return;
        }
        if (factor == 2) {
            for (int y = 0; y < outHeight; y++) {
                int a = 2 * y * width;
                int b = a + width;
                int dst = y * outWidth;
                for (int x = 0; x < outWidth; x++) {
                    int s = (luma[a + 2 * x] & 0xff) + (luma[a + 2 * x + 1] & 0xff)
                            + (luma[b + 2 * x] & 0xff) + (luma[b + 2 * x + 1] & 0xff);
                    small[dst + x] = s * 0.25f;
                }
            }
            return;
        }
        float inv = 1f / (factor * factor);
        java.util.Arrays.fill(small, 0f);
        for (int y = 0; y < outHeight * factor; y++) {
            int src = y * width;
            int dst = (y / factor) * outWidth;
            for (int x = 0; x < outWidth; x++) {
                int s = 0;
                int base = src + x * factor;
                for (int k = 0; k < factor; k++) s += luma[base + k] & 0xff;
                small[dst + x] += s;
            }
        }
        for (int i = 0; i < small.length; i++) small[i] *= inv;
    }
}
