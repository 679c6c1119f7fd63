package io.hallmark.watermark.transform;

/** Square 2-D FFT (rows then columns) on row-major split arrays of size {@code n*n}. */
public final class Fft2d {
    private final Fft fft;
    private final int n;
    private final double[] colRe;
    private final double[] colIm;

    public Fft2d(int n) {
        this.fft = new Fft(n);
        this.n = n;
        this.colRe = new double[n];
        this.colIm = new double[n];
    }

    public int size() {
        return n;
    }

    public void forward(double[] re, double[] im) {
        transform(re, im, true);
    }

    /** Inverse without the 1/n^2 scaling. */
    public void inverse(double[] re, double[] im) {
        transform(re, im, false);
    }

    /**
     * Forward transform of a real image ({@code im} ignored on input): the same result as {@link #forward}
     * in about half the work, by transforming two real rows as one complex row and only the
     * non-redundant half of the columns (the rest follows from Hermitian symmetry).
     */
    public void forwardReal(double[] re, double[] im) {
        int half = n / 2;
        for (int row = 0; row < n; row += 2) {
            int a = row * n;
            int b = a + n;
            if (n == 1) {
                im[a] = 0;
                break;
            }
            // z = row_a + i row_b
            System.arraycopy(re, b, im, a, n);
            fft.forward(re, im, a);
            for (int k = 0; k <= half; k++) {
                int m = (n - k) & (n - 1);
                double zr = re[a + k], zi = im[a + k];
                double cr = re[a + m], ci = im[a + m];
                // A = (Z[k] + conj Z[-k]) / 2, B = (Z[k] - conj Z[-k]) / 2i
                double ar = 0.5 * (zr + cr), ai = 0.5 * (zi - ci);
                double br = 0.5 * (zi + ci), bi = -0.5 * (zr - cr);
                re[b + k] = br; im[b + k] = bi;
                re[b + m] = br; im[b + m] = -bi;
                re[a + m] = ar; im[a + m] = -ai;
                re[a + k] = ar; im[a + k] = ai;
            }
        }
        for (int col = 0; col <= half; col++) {
            columnTransform(re, im, col, true);
        }
        for (int col = half + 1; col < n; col++) {
            int mirror = n - col;
            for (int row = 0; row < n; row++) {
                int src = ((n - row) & (n - 1)) * n + mirror;
                re[row * n + col] = re[src];
                im[row * n + col] = -im[src];
            }
        }
    }

    /**
     * Inverse transform (no scaling) of a Hermitian spectrum, whose result is real: writes it to {@code re}
     * ({@code im} is left as scratch). About half the work of {@link #inverse}.
     */
    public void inverseToReal(double[] re, double[] im) {
        int half = n / 2;
        for (int col = 0; col <= half; col++) {
            columnTransform(re, im, col, false);
        }
        for (int col = half + 1; col < n; col++) {
            int mirror = n - col;
            for (int row = 0; row < n; row++) {
                re[row * n + col] = re[row * n + mirror];
                im[row * n + col] = -im[row * n + mirror];
            }
        }
        if (n == 1) {
            return;
        }
        for (int row = 0; row < n; row += 2) {
            int a = row * n;
            int b = a + n;
            // Z = G_a + i G_b; its inverse is g_a + i g_b because both rows are Hermitian.
            for (int k = 0; k < n; k++) {
                double zr = re[a + k] - im[b + k];
                double zi = im[a + k] + re[b + k];
                re[a + k] = zr;
                im[a + k] = zi;
            }
            fft.inverse(re, im, a);
            System.arraycopy(im, a, re, b, n);
        }
    }

    private void columnTransform(double[] re, double[] im, int col, boolean forward) {
        for (int row = 0; row < n; row++) {
            colRe[row] = re[row * n + col];
            colIm[row] = im[row * n + col];
        }
        if (forward) {
            fft.forward(colRe, colIm);
        } else {
            fft.inverse(colRe, colIm);
        }
        for (int row = 0; row < n; row++) {
            re[row * n + col] = colRe[row];
            im[row * n + col] = colIm[row];
        }
    }

    private void transform(double[] re, double[] im, boolean forward) {
        for (int row = 0; row < n; row++) {
            if (forward) {
                fft.forward(re, im, row * n);
            } else {
                fft.inverse(re, im, row * n);
            }
        }
        for (int col = 0; col < n; col++) {
            columnTransform(re, im, col, forward);
        }
    }
}
