package io.hallmark.watermark.internal;

import io.hallmark.watermark.transform.Fft2d;

/**
 * Follows the global translation of the picture between analysed frames, so that a copy whose crop window
 * drifts (the mark moving with the picture) can be summed in the picture's coordinates instead of the
 * frame's. Translation between consecutive whitened frames is measured by phase correlation (Kuglin &amp;
 * Hines 1975) on a Hann-windowed, 2x-binned centre window, with parabolic sub-pixel peaks; offsets are
 * accumulated in analysis pixels. Key-independent. Not thread-safe.
 *
 * <p>Camera motion moves the picture but not the mark, so this sum only helps when the frame itself moved
 * over the mark; the detector keeps the plain sum too and searches both.
 */
final class MotionAligner {
    /** Largest correlation window side (binned pixels). */
    static final int MAX_WINDOW = 256;
    static final int MIN_WINDOW = 32;

    private final int w;
    private final int h;
    private final int n;
    private final Fft2d fft;
    private final double[] hann;
    private final int x0;
    private final int y0;
    private double[] previousRe;
    private double[] previousIm;
    private double offsetX;
    private double offsetY;

    /** For analysis images of {@code w x h}; {@link #usable()} is false when they are too small. */
    MotionAligner(int w, int h) {
        this.w = w;
        this.h = h;
        int side = Math.min(w, h) / 2;
        int size = MIN_WINDOW;
        while (size * 2 <= Math.min(side, MAX_WINDOW)) {
            size *= 2;
        }
        this.n = size;
        this.fft = new Fft2d(n);
        this.hann = new double[n];
        for (int i = 0; i < n; i++) {
            hann[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * (i + 0.5) / n);
        }
        this.x0 = Math.max(0, (w / 2 - n) / 2);
        this.y0 = Math.max(0, (h / 2 - n) / 2);
    }

    boolean usable() {
        return Math.min(w, h) / 2 >= MIN_WINDOW;
    }

    /**
     * Measures the picture's translation since the previous frame and returns the accumulated offset
     * {ox, oy} in analysis pixels: picture content at (x, y) in the first frame is at (x + ox, y + oy) in
     * this one.
     */
    double[] track(float[] image) {
        return track(image, true);
    }

    /**
     * {@link #track(float[])} against the last reference frame; this frame becomes the reference only when
     * {@code newReference}. Frames analysed between references (a small video analysed many times a second) are
     * each measured against the reference, so their measurement errors do not add up frame after frame.
     */
    double[] track(float[] image, boolean newReference) {
        double[] re = new double[n * n];
        double[] im = new double[n * n];
        for (int y = 0; y < n; y++) {
            int by = 2 * (y0 + y);
            for (int x = 0; x < n; x++) {
                int bx = 2 * (x0 + x);
                int i = by * w + bx;
                double v = by + 1 < h && bx + 1 < w ? image[i] + image[i + 1] + image[i + w] + image[i + w + 1] : 0;
                re[y * n + x] = v * hann[x] * hann[y];
            }
        }
        fft.forwardReal(re, im);
        if (previousRe != null) {
            double[] cr = new double[n * n];
            double[] ci = new double[n * n];
            for (int i = 0; i < cr.length; i++) {
                // current * conj(previous), normalised: the cross-power spectrum's phase
                double r = re[i] * previousRe[i] + im[i] * previousIm[i];
                double q = im[i] * previousRe[i] - re[i] * previousIm[i];
                double mag = Math.hypot(r, q);
                if (mag > 0) {
                    cr[i] = r / mag;
                    ci[i] = q / mag;
                }
            }
            fft.inverseToReal(cr, ci);
            CyclicPeak peak = CyclicPeak.of(cr, n);
            double dx = peak.x();
            double dy = peak.y();
            if (dx >= n / 2.0) {
                dx -= n;
            }
            if (dy >= n / 2.0) {
                dy -= n;
            }
            double[] at = {offsetX + 2 * dx, offsetY + 2 * dy};
            if (newReference) {
                offsetX = at[0];
                offsetY = at[1];
                previousRe = re;
                previousIm = im;
            }
            return at;
        }
        previousRe = re;
        previousIm = im;
        return new double[] {offsetX, offsetY};
    }


    /** Adds {@code image} into {@code into}, moved back by the offset (rounded to whole pixels). */
    static void addShifted(float[] image, float[] into, int w, int h, double[] offset) {
        int ox = (int) Math.round(offset[0]);
        int oy = (int) Math.round(offset[1]);
        for (int y = Math.max(0, -oy); y < Math.min(h, h - oy); y++) {
            int src = (y + oy) * w;
            int dst = y * w;
            for (int x = Math.max(0, -ox); x < Math.min(w, w - ox); x++) {
                into[dst + x] += image[src + x + ox];
            }
        }
    }
}
