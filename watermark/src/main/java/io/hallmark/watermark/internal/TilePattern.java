package io.hallmark.watermark.internal;

/**
 * The spatial tile: one period ({@code period x period} pixels, unit RMS) of the keyed pattern carrying
 * the sync bins and the coded payload bits. Evaluated exactly from the layout's DFT bins (separable sum,
 * no interpolation), once per frame size.
 */
public final class TilePattern {
    /** Frames whose shorter side is below this cannot carry the mark: the embedder refuses them. */
    public static final int MIN_FRAME_SIDE = 144;
    /** Smallest tile period: keeps the highest band frequency at or below 1/3 cycle per pixel. */
    public static final int MIN_PERIOD = 3 * TileLayout.K_MAX;
    /** About four tile periods fit across the shorter side of the frame. */
    public static final int TILES_ACROSS_SHORT_SIDE = 4;

    private final int period;
    private final float[] values;

    private TilePattern(int period, float[] values) {
        this.period = period;
        this.values = values;
    }

    /**
     * Periods below this put the band's top frequencies under 5 pixels, which H.264 at CRF 28 removes; small
     * frames therefore get fewer, larger tiles (down to {@link #SMALL_FRAME_RATIO} of the shorter side: two tiles).
     */
    public static final int ROBUST_PERIOD = 160;
    /**
     * Largest period over the shorter side, for frames below 320 px: 2.5 tiles across (the earlier rule) put a 320x240
     * clip's top frequencies at 3 px, which CRF 26 removed, and a 256x144 one's beyond Nyquist.
     */
    public static final float SMALL_FRAME_RATIO = 0.5f;

    /** The tile period (pixels) the embedder uses for a frame of this size. */
    public static int periodFor(int width, int height) {
        int shortSide = Math.min(width, height);
        float period = Math.max(shortSide / (float) TILES_ACROSS_SHORT_SIDE, Math.min(ROBUST_PERIOD, shortSide * SMALL_FRAME_RATIO));
        return Math.max(MIN_PERIOD, Math.round(period));
    }

    /**
     * Builds the tile. {@code codedBits[j]} in {0,1}; a bin carrying bit j gets sign +1 for 0 and -1 for 1,
     * a sync bin sign +1.
     */
    public static TilePattern build(TileLayout layout, int[] codedBits, int period) {
        int bins = layout.binCount();
        int rows = TileLayout.K_MAX + 1;
        // rowSum[ky][x] = sum over bins with this ky of A_b * exp(2 pi i kx x / P)
        double[][] rowRe = new double[rows][period];
        double[][] rowIm = new double[rows][period];
        double[] cosTable = new double[period];
        double[] sinTable = new double[period];
        for (int i = 0; i < period; i++) {
            cosTable[i] = Math.cos(2 * Math.PI * i / period);
            sinTable[i] = Math.sin(2 * Math.PI * i / period);
        }
        for (int b = 0; b < bins; b++) {
            int role = layout.role(b);
            double sign = role < 0 ? 1.0 : (codedBits[role] == 0 ? 1.0 : -1.0);
            double ar = sign * layout.cosPhase(b);
            double ai = sign * layout.sinPhase(b);
            int kx = layout.kx(b);
            double[] re = rowRe[layout.ky(b)];
            double[] im = rowIm[layout.ky(b)];
            for (int x = 0; x < period; x++) {
                int idx = Math.floorMod(kx * x, period);
                double c = cosTable[idx];
                double s = sinTable[idx];
                re[x] += ar * c - ai * s;
                im[x] += ar * s + ai * c;
            }
        }
        float[] values = new float[period * period];
        double sumSq = 0;
        for (int y = 0; y < period; y++) {
            for (int x = 0; x < period; x++) {
                double v = 0;
                for (int ky = 0; ky < rows; ky++) {
                    int idx = (ky * y) % period;
                    v += rowRe[ky][x] * cosTable[idx] - rowIm[ky][x] * sinTable[idx];
                }
                values[y * period + x] = (float) v; // the factor 2 of 2*Re(...) vanishes in the normalisation
                sumSq += v * v;
            }
        }
        float scale = (float) (1.0 / Math.sqrt(sumSq / values.length));
        for (int i = 0; i < values.length; i++) {
            values[i] *= scale;
        }
        return new TilePattern(period, values);
    }

    public int period() {
        return period;
    }

    /** Row-major {@code period*period} values with unit RMS. Shared, do not modify. */
    public float[] values() {
        return values;
    }
}
