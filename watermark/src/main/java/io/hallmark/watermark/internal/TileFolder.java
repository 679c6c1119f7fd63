package io.hallmark.watermark.internal;

import io.hallmark.watermark.transform.Fft2d;

/**
 * Folds an analysis image modulo a candidate tile period into one N x N tile (pixel x, at
 * {@code (x + 1/2) N / P - 1/2} in cell units, goes to the cells around it, modulo N), and returns the tile's
 * 2-D spectrum. Summing all tile copies this way adds the mark coherently while the picture averages out.
 */
public final class TileFolder {
    private final int n;
    private final Fft2d fft;
    /** Scratch: the image summed per cell row (one folder is used by one thread). */
    private float[] rows;
    private float[] line;

    /** A folder into the full N x N tile. */
    public TileFolder() {
        this(TileLayout.N);
    }

    /**
     * A folder into an n x n tile (n a power of two; smaller is 4x cheaper per halving, for a first search).
     * Each pixel is shared between the two nearest cells on each axis by its distance to their centres
     * (linear interpolation), so the fold, and its score, changes smoothly with the period (assigning each
     * pixel to one cell makes the score jagged in the period, and misses peaks).
     */
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
        Cells cx = cells(w, period, N);
        Cells cy = cells(h, period, N);
        // Two passes: whole rows are first added into their two cell rows (contiguous adds the JIT
        // vectorises), then only N rows are scattered into cells, instead of every pixel.
        if (rows == null || rows.length < N * w) {
            rows = new float[N * w];
        } else {
            java.util.Arrays.fill(rows, 0, N * w, 0f);
        }
        if (line == null || line.length < w) {
            line = new float[w];
        }
        for (int y = 0; y < h; y++) {
            // Copy the row out first: C2 (Java 17) vectorises a loop with one variable offset, not two.
            System.arraycopy(image, y * w, line, 0, w);
            float f = cy.frac[y];
            addRow(line, cy.cell[y] * w, w, 1f - f);
            addRow(line, ((cy.cell[y] + 1) & (N - 1)) * w, w, f);
        }
        double[] re = new double[N * N];
        double[] im = new double[N * N];
        int[] cell = cx.cell;
        float[] frac = cx.frac;
        for (int row = 0; row < N; row++) {
            int src = row * w;
            int base = row * N;
            for (int x = 0; x < w; x++) {
                float v = rows[src + x];
                float part = v * frac[x];
                re[base + cell[x]] += v - part;
                re[base + ((cell[x] + 1) & (N - 1))] += part;
            }
        }
        fft.forwardReal(re, im);
        return new Spectrum(re, im, period, N);
    }

    /**
     * Spectrum of the fold of a binned image under a general lattice hypothesis (rotation, stretch,
     * mirroring): each pixel is shared bilinearly between the four cells around its position
     * {@link Lattice#cellMatrix}. About twice the work of the separable {@link #fold} at the same size.
     *
     * @param factor analysis pixels per pixel of {@code image}
     */
    public Spectrum fold(float[] image, int w, int h, Lattice lattice, double factor) {
        int N = n;
        int mask = N - 1;
        double[] m = lattice.cellMatrix(N, factor);
        double[] re = new double[N * N];
        double[] im = new double[N * N];
        for (int y = 0; y < h; y++) {
            double cx = m[0] * 0.5 + m[1] * (y + 0.5) - 0.5;
            double cy = m[2] * 0.5 + m[3] * (y + 0.5) - 0.5;
            int row = y * w;
            for (int x = 0; x < w; x++, cx += m[0], cy += m[2]) {
                float v = image[row + x];
                double fx0 = Math.floor(cx);
                double fy0 = Math.floor(cy);
                double fx = cx - fx0;
                double fy = cy - fy0;
                int x0 = (int) fx0 & mask;
                int y0 = (int) fy0 & mask;
                int x1 = (x0 + 1) & mask;
                int y1 = ((y0 + 1) & mask) * N;
                y0 *= N;
                double top = v * (1 - fy);
                double bottom = v - top;
                re[y0 + x0] += top * (1 - fx);
                re[y0 + x1] += top * fx;
                re[y1 + x0] += bottom * (1 - fx);
                re[y1 + x1] += bottom * fx;
            }
        }
        fft.forwardReal(re, im);
        return new Spectrum(re, im, lattice.period(), N);
    }

    private void addRow(float[] line, int to, int w, float weight) {
        float[] acc = rows;
        for (int x = 0; x < w; x++) {
            acc[to + x] += weight * line[x];
        }
    }

    /** For each pixel: the cell whose centre is at or before it, and its distance past that centre (0..1). */
    private record Cells(int[] cell, float[] frac) {
    }

    private static Cells cells(int length, double period, int N) {
        int[] cells = new int[length];
        float[] frac = new float[length];
        double step = N / period;
        for (int i = 0; i < length; i++) {
            // pixel centre i + 0.5 in cell units, minus the cell centre offset 0.5
            double pos = (i + 0.5) * step - 0.5;
            double floor = Math.floor(pos);
            cells[i] = Math.floorMod((int) floor, N);
            frac[i] = (float) (pos - floor);
        }
        return new Cells(cells, frac);
    }

    /** The N x N spectrum of a folded tile (row-major, row = vertical frequency). */
    public record Spectrum(double[] re, double[] im, double period, int size) {
    }
}
