package io.hallmark.watermark.internal;

/**
 * Per-block embedding amplitude (luma levels RMS) from the luma: the mark hides in texture (local gradient
 * energy) and is reduced in flat areas, near black and near white (clipping). A second bound keeps the
 * structural similarity of every 8x8 window: SSIM drops by about {@code n / (2 var + C2)} when noise of
 * variance n is added to a window of variance var, so the noise variance is held below
 * {@value #SSIM_LOSS} x (2 var + C2). Computed on 8x8 blocks, eroded so that
 * flat areas next to edges stay quiet, and interpolated bilinearly per pixel so it has no block edges.
 */
public final class PerceptualMask {
    public static final int BLOCK = 8;
    /** Gradient activity (mean |dx|+|dy| in levels) at which the gain is 1. */
    static final double REFERENCE_ACTIVITY = 4.0;
    /** Amplitude (levels RMS) where the texture gain is 1. */
    public static final double BASE_AMPLITUDE = 2.7;
    static final double SSIM_LOSS = 0.06;
    /** Per-frame budget: the expected mean SSIM loss of the whole frame, at strength 1. */
    public static final double FRAME_SSIM_LOSS = 0.0093;
    static final double C2 = (0.03 * 255) * (0.03 * 255);
    static final double MIN_GAIN = 0.3;
    static final double MAX_GAIN = 2.5;

    private final int width;
    private final int height;
    private final int blocksX;
    private final int blocksY;
    private final float[] raw;
    private final float[] gain;
    private final float[] ssimDenominator;
    private double expectedSsimLoss;
    private final int[] x0;
    private final float[] wx;

    public PerceptualMask(int width, int height) {
        this.width = width;
        this.height = height;
        this.blocksX = (width + BLOCK - 1) / BLOCK;
        this.blocksY = (height + BLOCK - 1) / BLOCK;
        this.raw = new float[blocksX * blocksY];
        this.gain = new float[blocksX * blocksY];
        this.ssimDenominator = new float[blocksX * blocksY];
        this.x0 = new int[width];
        this.wx = new float[width];
        for (int x = 0; x < width; x++) {
            float f = (x - (BLOCK - 1) / 2f) / BLOCK;
            int b = (int) Math.floor(f);
            float w = f - b;
            if (b < 0) { b = 0; w = 0; }
            if (b >= blocksX - 1) { b = blocksX - 1; w = 0; }
            x0[x] = b;
            wx[x] = w;
        }
    }

    /**
     * Computes the block amplitudes for {@code luma} and returns their mean square (the expected MSE of a
     * unit-RMS pattern scaled by them).
     */
    public double compute(byte[] luma) {
        for (int by = 0; by < blocksY; by++) {
            int yStart = by * BLOCK;
            int yEnd = Math.min(height - 1, yStart + BLOCK); // one row less at the bottom edge (needs y+1)
            for (int bx = 0; bx < blocksX; bx++) {
                int xStart = bx * BLOCK;
                int xEnd = Math.min(width - 1, xStart + BLOCK);
                int activity = 0;
                int sum = 0;
                long sumSq = 0;
                int count = 0;
                // Every other row and column is enough to measure texture (a quarter of the cost).
                for (int y = yStart; y < yEnd; y += 2) {
                    int row = y * width;
                    for (int x = xStart; x < xEnd; x += 2) {
                        int p = luma[row + x] & 0xff;
                        activity += Math.abs(p - (luma[row + x + 1] & 0xff)) + Math.abs(p - (luma[row + width + x] & 0xff));
                        sum += p;
                        sumSq += p * p;
                        count++;
                    }
                }
                float a = count == 0 ? 0 : activity / (float) count;
                float mean = count == 0 ? 128 : sum / (float) count;
                double variance = count == 0 ? 0 : Math.max(0, sumSq / (double) count - mean * mean);
                float g = (float) Math.min(BASE_AMPLITUDE * Math.min(MAX_GAIN, Math.max(MIN_GAIN, a / REFERENCE_ACTIVITY)),
                        Math.sqrt(SSIM_LOSS * (2 * variance + C2)));
                // Quieter near black (visible, little masking) and near white (clipping).
                float dark = Math.min(1f, Math.max(0.5f, (mean - 16f) / 40f));
                float bright = Math.min(1f, Math.max(0.35f, (250f - mean) / 30f));
                raw[by * blocksX + bx] = g * Math.min(dark, bright);
                ssimDenominator[by * blocksX + bx] = (float) (2 * variance + C2);
            }
        }
        double sumSq = 0;
        double ssimLoss = 0;
        for (int by = 0; by < blocksY; by++) {
            for (int bx = 0; bx < blocksX; bx++) {
                float g = raw[by * blocksX + bx];
                if (bx > 0) g = Math.min(g, raw[by * blocksX + bx - 1]);
                if (bx < blocksX - 1) g = Math.min(g, raw[by * blocksX + bx + 1]);
                if (by > 0) g = Math.min(g, raw[(by - 1) * blocksX + bx]);
                if (by < blocksY - 1) g = Math.min(g, raw[(by + 1) * blocksX + bx]);
                gain[by * blocksX + bx] = g;
                sumSq += (double) g * g;
                ssimLoss += (double) g * g / ssimDenominator[by * blocksX + bx];
            }
        }
        expectedSsimLoss = ssimLoss / gain.length;
        return sumSq / gain.length;
    }

    /**
     * Computes the mask on {@code luma} and returns the frame's amplitude: {@code strength}, lowered so that
     * the expected PSNR-Y stays above {@code minPsnrDb} and the expected SSIM loss within
     * {@link #FRAME_SSIM_LOSS} x strength^2 (flat, smooth pictures show noise most; that budget grows with the
     * square of the strength, the PSNR floor does not). Depends on the picture only, not on any key.
     */
    public double amplitude(byte[] luma, double strength, double minPsnrDb) {
        double meanSquareGain = compute(luma);
        double amplitude = strength;
        double maxRms = 255.0 / Math.pow(10, minPsnrDb / 20);
        double expectedRms = amplitude * Math.sqrt(meanSquareGain);
        if (expectedRms > maxRms) {
            amplitude *= maxRms / expectedRms;
        }
        double ssimLoss = expectedSsimLoss * amplitude * amplitude;
        double ssimBudget = FRAME_SSIM_LOSS * strength * strength;
        if (ssimLoss > ssimBudget) {
            amplitude *= Math.sqrt(ssimBudget / ssimLoss);
        }
        return amplitude;
    }

    /** Expected loss of mean SSIM (1 - SSIM) from the last {@link #compute}, at scale 1. */
    public double expectedSsimLoss() {
        return expectedSsimLoss;
    }

    /** Fills {@code out[0..width)} with the interpolated gains of pixel row {@code y}, times {@code scale}. */
    public void row(int y, float scale, float[] out) {
        float f = (y - (BLOCK - 1) / 2f) / BLOCK;
        int b0 = (int) Math.floor(f);
        float w = f - b0;
        if (b0 < 0) { b0 = 0; w = 0; }
        int b1 = Math.min(blocksY - 1, b0 + 1);
        if (b0 >= blocksY - 1) { b0 = blocksY - 1; b1 = b0; w = 0; }
        int r0 = b0 * blocksX;
        int r1 = b1 * blocksX;
        float[] blockRow = rowScratch();
        for (int bx = 0; bx < blocksX; bx++) {
            blockRow[bx] = scale * ((1 - w) * gain[r0 + bx] + w * gain[r1 + bx]);
        }
        int last = blocksX - 1;
        for (int x = 0; x < width; x++) {
            int b = x0[x];
            int bNext = b < last ? b + 1 : b;
            out[x] = blockRow[b] + wx[x] * (blockRow[bNext] - blockRow[b]);
        }
    }

    private float[] scratch;

    private float[] rowScratch() {
        if (scratch == null) {
            scratch = new float[blocksX];
        }
        return scratch;
    }
}
