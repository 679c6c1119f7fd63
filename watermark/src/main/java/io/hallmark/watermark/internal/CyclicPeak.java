package io.hallmark.watermark.internal;

/**
 * The highest cell of an n x n cyclic surface (a correlation computed by FFT) and its sub-cell position
 * from a parabola through the peak and its neighbours on each axis (clamped to half a cell).
 *
 * @param index the peak cell, row-major
 * @param x     column of the peak, fractional
 * @param y     row of the peak, fractional
 * @param value the surface at the peak cell
 */
record CyclicPeak(int index, double x, double y, double value) {
    static CyclicPeak of(double[] surface, int n) {
        int best = 0;
        for (int i = 1; i < surface.length; i++) {
            if (surface[i] > surface[best]) {
                best = i;
            }
        }
        int cx = best % n;
        int cy = best / n;
        double x = cx + parabolic(surface[cy * n + Math.floorMod(cx - 1, n)], surface[best], surface[cy * n + (cx + 1) % n]);
        double y = cy + parabolic(surface[Math.floorMod(cy - 1, n) * n + cx], surface[best], surface[((cy + 1) % n) * n + cx]);
        return new CyclicPeak(best, x, y, surface[best]);
    }

    private static double parabolic(double left, double centre, double right) {
        double denom = left - 2 * centre + right;
        if (denom >= 0) {
            return 0;
        }
        return Math.max(-0.5, Math.min(0.5, 0.5 * (left - right) / denom));
    }
}
