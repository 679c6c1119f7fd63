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

    private void transform(double[] re, double[] im, boolean forward) {
        for (int row = 0; row < n; row++) {
            if (forward) {
                fft.forward(re, im, row * n);
            } else {
                fft.inverse(re, im, row * n);
            }
        }
        for (int col = 0; col < n; col++) {
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
    }
}
