package io.hallmark.watermark.internal;

import io.hallmark.watermark.transform.Fft2d;

/**
 * Folds an analysis image modulo a candidate tile period into one N x N tile (every pixel is added to the
 * cell {@code floor(x N / P) mod N}), and returns the tile's 2-D spectrum. Summing all tile copies this
 * way adds the mark coherently while the picture averages out.
 */
public final class TileFolder {
    private final int n;
    private final Fft2d fft;

    /** A folder into the full N x N tile. */
    public TileFolder() {
        this(TileLayout.N);
    }

    /** A folder into a coarser n x n tile (n a power of two): 4x cheaper per halving, for a first search. */
    public TileFolder(int n) {
        this.n = n;
        this.fft = new Fft2d(n);
    }

    public int size() {
        return n;
    }

    /** Spectrum of the fold of {@code image} ({@code w x h}) at {@code period} analysis pixels. */
    public Spectrum fold(float[] image, int w, int h, double period) {
        int N = n;
        double[] re = new double[N * N];
        double[] im = new double[N * N];
        int[] cellX = cells(w, period, N);
        int[] cellY = cells(h, period, N);
        for (int y = 0; y < h; y++) {
            int row = y * w;
            int base = cellY[y] * N;
            for (int x = 0; x < w; x++) {
                re[base + cellX[x]] += image[row + x];
            }
        }
        fft.forward(re, im);
        return new Spectrum(re, im, period, N);
    }

    private static int[] cells(int length, double period, int N) {
        int[] cells = new int[length];
        double step = N / period;
        for (int i = 0; i < length; i++) {
            cells[i] = Math.floorMod((int) Math.floor(i * step), N);
        }
        return cells;
    }

    /** The N x N spectrum of a folded tile (row-major, row = vertical frequency). */
    public record Spectrum(double[] re, double[] im, double period, int size) {
    }
}
