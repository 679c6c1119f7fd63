package io.hallmark.fingerprint;

/**
 * Is a verifier's thumbnail a crop (and rescale, or one-axis stretch) of a signer's? The verifier's picture
 * is resampled onto every candidate sub-rectangle of the signer's 32x32 grid, width and height each
 * {@link #FRACTIONS} of the grid (so crops that keep 50-100 % of each side, and stretches, are covered), at
 * every whole-cell offset; the score is the best normalized cross-correlation (Pearson r of the luma
 * values: gain and offset, i.e. brightness and contrast changes, drop out). This is the classical template
 * matching of registration, kept tiny: PDQ alone is exact about framing (a 2 % shift moves a hash ~90 bits),
 * so it cannot tell a cropped copy from other footage; this can.
 *
 * <p>Cost: about 1.2 million multiply-adds per pair for the coarse search, 2.5 million more to refine one
 * placement. Pure functions, thread-safe.
 */
final class CropRegistration {
    static final double[] FRACTIONS = {1.0, 0.9, 0.8, 0.7, 0.6, 0.5};
    /**
     * Narrower windows, tried at the full or 90 % height only: the portrait crops of landscape footage that phones
     * and short-video platforms make (9:16 out of 16:9 keeps 32 % of the width, 3:4 keeps 42 %).
     */
    static final double[] PORTRAIT_WIDTHS = {0.42, 0.32};
    static final double[] PORTRAIT_HEIGHTS = {1.0, 0.9};
    /** A sub-rectangle needs at least this many cells for its correlation to mean something. */
    static final int MIN_CELLS = 120;

    private CropRegistration() {}

    /** Where a query was placed: its grid resampled to {@code tw x th} cells at ({@code ox}, {@code oy}). */
    record Placement(double r, int tw, int th, double ox, double oy, double sw, double sh) {}

    /** Best correlation (-1..1) of {@code query} placed anywhere in {@code reference}: coarse, then refined. */
    static double bestCorrelation(Thumbnail query, Thumbnail reference) {
        Placement coarse = coarse(query, reference);
        return coarse == null ? -1 : refine(query, reference, coarse).r();
    }

    /**
     * The coarse search: {@link #FRACTIONS} per axis, whole-cell offsets. Null when the query is flat.
     */
    static Placement coarse(Thumbnail query, Thumbnail reference) {
        int n = reference.side();
        byte[] ref = reference.raw();
        Placement best = null;
        java.util.List<double[]> windows = new java.util.ArrayList<>();
        for (double fx : FRACTIONS) {
            for (double fy : FRACTIONS) {
                windows.add(new double[] {fx, fy});
            }
        }
        for (double fx : PORTRAIT_WIDTHS) {
            for (double fy : PORTRAIT_HEIGHTS) {
                windows.add(new double[] {fx, fy});
            }
        }
        for (double[] window : windows) {
            int tw = (int) Math.round(n * window[0]);
            int th = (int) Math.round(n * window[1]);
            if (tw * th < MIN_CELLS) {
                continue;
            }
            float[] q = centred(resample(query, tw, th));
            double qVar = energy(q);
            if (qVar < 1e-6) {
                continue; // a flat picture correlates with nothing
            }
            for (int oy = 0; oy + th <= n; oy++) {
                for (int ox = 0; ox + tw <= n; ox++) {
                    double sum = 0;
                    double sumSq = 0;
                    double cross = 0;
                    for (int y = 0; y < th; y++) {
                        int r = (oy + y) * n + ox;
                        int qi = y * tw;
                        for (int x = 0; x < tw; x++) {
                            int v = ref[r + x] & 0xff;
                            sum += v;
                            sumSq += v * v;
                            cross += v * q[qi + x];
                        }
                    }
                    double rVar = sumSq - sum * sum / (tw * th);
                    if (rVar < 1e-6) {
                        continue;
                    }
                    // q has zero mean, so cross needs no mean correction
                    double r = cross / Math.sqrt(rVar * qVar);
                    if (best == null || r > best.r()) {
                        best = new Placement(r, tw, th, ox, oy, tw, th);
                    }
                }
            }
        }
        return best;
    }

    /**
     * The fine search around a coarse placement: window sizes within +-6 % in 2 % steps and offsets within
     * +-1 cell in quarter cells, the reference read by bilinear interpolation (a crop rarely falls on the
     * grid). Never worse than the coarse placement.
     */
    static Placement refine(Thumbnail query, Thumbnail reference, Placement coarse) {
        int n = reference.side();
        byte[] ref = reference.raw();
        int tw = coarse.tw();
        int th = coarse.th();
        float[] q = centred(resample(query, tw, th));
        double qVar = energy(q);
        Placement best = coarse;
        float[] sample = new float[tw * th];
        for (int si = -3; si <= 3; si++) {
            double sw = coarse.sw() * (1 + 0.02 * si);
            for (int sj = -3; sj <= 3; sj++) {
                double sh = coarse.sh() * (1 + 0.02 * sj);
                for (int di = -4; di <= 4; di++) {
                    double ox = coarse.ox() + 0.25 * di;
                    if (ox < -0.5 || ox + sw > n + 0.5) {
                        continue;
                    }
                    for (int dj = -4; dj <= 4; dj++) {
                        double oy = coarse.oy() + 0.25 * dj;
                        if (oy < -0.5 || oy + sh > n + 0.5) {
                            continue;
                        }
                        double sum = 0;
                        double sumSq = 0;
                        double cross = 0;
                        for (int y = 0; y < th; y++) {
                            double ry = Math.max(0, Math.min(n - 1.001, oy + (y + 0.5) * sh / th - 0.5));
                            int y0 = (int) ry;
                            double fy = ry - y0;
                            for (int x = 0; x < tw; x++) {
                                double rx = Math.max(0, Math.min(n - 1.001, ox + (x + 0.5) * sw / tw - 0.5));
                                int x0 = (int) rx;
                                double fx = rx - x0;
                                int p = y0 * n + x0;
                                double v = (1 - fy) * ((1 - fx) * (ref[p] & 0xff) + fx * (ref[p + 1] & 0xff))
                                        + fy * ((1 - fx) * (ref[p + n] & 0xff) + fx * (ref[p + n + 1] & 0xff));
                                sum += v;
                                sumSq += v * v;
                                cross += v * q[y * tw + x];
                            }
                        }
                        double rVar = sumSq - sum * sum / sample.length;
                        if (rVar < 1e-6) {
                            continue;
                        }
                        double r = cross / Math.sqrt(rVar * qVar);
                        if (r > best.r()) {
                            best = new Placement(r, tw, th, ox, oy, sw, sh);
                        }
                    }
                }
            }
        }
        return best;
    }

    private static float[] centred(float[] q) {
        double mean = 0;
        for (float v : q) {
            mean += v;
        }
        mean /= q.length;
        for (int i = 0; i < q.length; i++) {
            q[i] -= (float) mean;
        }
        return q;
    }

    private static double energy(float[] q) {
        double e = 0;
        for (float v : q) {
            e += v * v;
        }
        return e;
    }

    /** The query's whole grid area-resampled to {@code w x h}. */
    static float[] resample(Thumbnail t, int w, int h) {
        int n = t.side();
        byte[] src = t.raw();
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            double y0 = (double) y * n / h;
            double y1 = (double) (y + 1) * n / h;
            for (int x = 0; x < w; x++) {
                double x0 = (double) x * n / w;
                double x1 = (double) (x + 1) * n / w;
                double sum = 0;
                double area = 0;
                for (int sy = (int) y0; sy < Math.min(n, Math.ceil(y1)); sy++) {
                    double wy = Math.min(y1, sy + 1) - Math.max(y0, sy);
                    for (int sx = (int) x0; sx < Math.min(n, Math.ceil(x1)); sx++) {
                        double wx = Math.min(x1, sx + 1) - Math.max(x0, sx);
                        sum += wx * wy * (src[sy * n + sx] & 0xff);
                        area += wx * wy;
                    }
                }
                out[y * w + x] = (float) (sum / area);
            }
        }
        return out;
    }
}
