package io.hallmark.watermark.transform;

/**
 * In-place radix-2 complex FFT on split real/imaginary double arrays. Written by hand because the detector
 * runs thousands of small transforms per video and Commons Math's {@code Complex[]} API allocates an object
 * per sample (the tests check this class against Commons Math).
 *
 * <p>Convention: {@link #forward} computes {@code X[k] = sum x[n] e^{-2 pi i k n / N}}; {@link #inverse}
 * computes the same sum with {@code e^{+2 pi i k n / N}} and <em>no</em> 1/N scaling.
 */
public final class Fft {
    private final int n;
    private final int[] bitReverse;
    private final double[] cos;
    private final double[] sin;

    public Fft(int n) {
        if (n < 1 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two: " + n);
        }
        this.n = n;
        int bits = Integer.numberOfTrailingZeros(n);
        bitReverse = new int[n];
        for (int i = 0; i < n; i++) {
            bitReverse[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
        }
        cos = new double[Math.max(1, n / 2)];
        sin = new double[Math.max(1, n / 2)];
        for (int i = 0; i < n / 2; i++) {
            cos[i] = Math.cos(2 * Math.PI * i / n);
            sin[i] = Math.sin(2 * Math.PI * i / n);
        }
    }

    public int size() {
        return n;
    }

    public void forward(double[] re, double[] im) {
        transform(re, im, 0, -1);
    }

    public void inverse(double[] re, double[] im) {
        transform(re, im, 0, +1);
    }

    /** Forward transform of {@code n} values starting at {@code offset} (for rows packed in one array). */
    public void forward(double[] re, double[] im, int offset) {
        transform(re, im, offset, -1);
    }

    public void inverse(double[] re, double[] im, int offset) {
        transform(re, im, offset, +1);
    }

    private void transform(double[] re, double[] im, int off, int sign) {
        for (int i = 0; i < n; i++) {
            int j = bitReverse[i];
            if (j > i) {
                double t = re[off + i]; re[off + i] = re[off + j]; re[off + j] = t;
                t = im[off + i]; im[off + i] = im[off + j]; im[off + j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            int half = len >> 1;
            int step = n / len;
            for (int start = 0; start < n; start += len) {
                for (int k = 0; k < half; k++) {
                    double wr = cos[k * step];
                    double wi = sign * sin[k * step];
                    int a = off + start + k;
                    int b = a + half;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }
}
