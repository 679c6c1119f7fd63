package io.hallmark.watermark.internal;

import io.hallmark.watermark.transform.Fft2d;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * First guess of the tile lattice under rotation and one-axis stretch, from the autocorrelation of the
 * detector's summed, whitened image: a periodic mark puts peaks at the lattice vectors whatever the keyed
 * phases (the self-reference principle of Kutter, "Watermarking resisting to translation, rotation and
 * scaling", SPIE 1998). Key-independent; the keyed correlation then refines and decides
 * ({@link HypothesisSearch}), so a wrong guess here costs time, never a false detection.
 *
 * <p>The autocorrelation is computed once by FFT (zero-padded to a power of two, so lags up to the
 * padding are free of wrap-around) and normalised by the overlap at each lag. Candidate lattices on a
 * coarse grid (period 1 %, angle 0.25 degree, stretch 1 %) are scored by the correlation at six lattice
 * vectors (u, v, u+v, u-v, 2u, 2v; the smaller of each pair, so one-dimensional repetition in the picture scores low); the best few distinct ones are returned. Not thread-safe.
 */
final class LatticeEstimator {
    /** Largest FFT side (1024: about 0.1 s for the transform pair). */
    static final int MAX_FFT = 1024;
    static final int PERIOD_STEP = 20;   // grid indices: 1.0005^20 = 1 %
    static final int ANGLE_STEP = 5;     // 0.25 degree
    static final int STRETCH_STEP = 10;  // 1 %
    static final int CANDIDATES = 4;

    private final float[] acf;
    private final int size;
    private final double factor;

    /** The normalised autocorrelation of {@code image} ({@code w x h}, each pixel {@code factor} analysis pixels). */
    LatticeEstimator(float[] image, int w, int h, double factor) {
        int m = Integer.highestOneBit(Math.max(w, h) * 3 / 2 - 1) << 1;
        this.size = Math.min(MAX_FFT, Math.max(64, m));
        this.factor = factor;
        double[] re = new double[size * size];
        double[] im = new double[size * size];
        int cw = Math.min(w, size);
        int ch = Math.min(h, size);
        double mean = 0;
        for (int y = 0; y < ch; y++) {
            for (int x = 0; x < cw; x++) {
                mean += image[y * w + x];
            }
        }
        mean /= (double) cw * ch;
        for (int y = 0; y < ch; y++) {
            for (int x = 0; x < cw; x++) {
                re[y * size + x] = image[y * w + x] - mean;
            }
        }
        Fft2d fft = new Fft2d(size);
        fft.forwardReal(re, im);
        for (int i = 0; i < re.length; i++) {
            re[i] = re[i] * re[i] + im[i] * im[i];
            im[i] = 0;
        }
        flattenSpectrum(re, size);
        fft.inverseToReal(re, im);
        double zero = re[0];
        this.acf = new float[size * size];
        for (int y = 0; y < size; y++) {
            int dy = y < size / 2 ? y : y - size;
            for (int x = 0; x < size; x++) {
                int dx = x < size / 2 ? x : x - size;
                double overlap = (double) Math.max(0, cw - Math.abs(dx)) * Math.max(0, ch - Math.abs(dy));
                acf[y * size + x] = overlap < 0.2 * cw * ch || zero <= 0 ? 0f
                        : (float) (re[y * size + x] / zero * ((double) cw * ch / overlap));
            }
        }
    }

    /** Half-width of the window of the local mean the power spectrum is divided by. */
    static final int FLATTEN_RADIUS = 4;

    /**
     * Replaces the power spectrum by its excess over the local mean ({@code P / mean - 1}, at least 0): the
     * periodic mark puts its energy into isolated lattice points, the picture spreads its energy smoothly,
     * so what is left is mostly the mark's lattice (spectral whitening in the spirit of the phase transform).
     */
    static void flattenSpectrum(double[] power, int size) {
        int r = FLATTEN_RADIUS;
        double[] rows = new double[power.length];
        for (int y = 0; y < size; y++) {
            int base = y * size;
            double sum = 0;
            for (int k = -r; k <= r; k++) {
                sum += power[base + Math.floorMod(k, size)];
            }
            for (int x = 0; x < size; x++) {
                rows[base + x] = sum;
                sum += power[base + (x + r + 1) % size] - power[base + Math.floorMod(x - r, size)];
            }
        }
        double count = (2.0 * r + 1) * (2.0 * r + 1);
        for (int x = 0; x < size; x++) {
            double sum = 0;
            for (int k = -r; k <= r; k++) {
                sum += rows[Math.floorMod(k, size) * size + x];
            }
            for (int y = 0; y < size; y++) {
                double mean = sum / count;
                int i = y * size + x;
                power[i] = mean > 0 ? Math.max(0, power[i] / mean - 1) : 0;
                sum += rows[((y + r + 1) % size) * size + x] - rows[Math.floorMod(y - r, size) * size + x];
            }
        }
        power[0] = 0;
    }

    /** A coarse lattice and its autocorrelation score. */
    record Candidate(Lattice lattice, double score) {
    }

    /**
     * The best {@value #CANDIDATES} distinct lattices (unmirrored: the autocorrelation cannot tell a
     * mirrored lattice) with periods in grid indices [{@code lo}, {@code hi}].
     */
    List<Candidate> candidates(int lo, int hi) {
        List<Candidate> all = new ArrayList<>();
        for (int p = lo; p <= hi; p += PERIOD_STEP) {
            double period = HypothesisSearch.gridPeriod(p) / factor;
            if (2 * period >= size / 2) {
                break;
            }
            for (int a = -Lattice.MAX_ANGLE_STEPS; a <= Lattice.MAX_ANGLE_STEPS; a += ANGLE_STEP) {
                for (int s = -Lattice.MAX_STRETCH_STEPS + 8; s <= Lattice.MAX_STRETCH_STEPS; s += STRETCH_STEP) {
                    Lattice l = new Lattice(p, a, s, false);
                    all.add(new Candidate(l, score(l)));
                }
            }
        }
        all.sort(Comparator.comparingDouble((Candidate c) -> -c.score()));
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : all) {
            if (kept.stream().noneMatch(k -> close(k.lattice(), c.lattice()))) {
                kept.add(c);
                if (kept.size() == CANDIDATES) {
                    break;
                }
            }
        }
        return kept;
    }

    private static boolean close(Lattice a, Lattice b) {
        return Math.abs(a.periodIndex() - b.periodIndex()) <= 3 * PERIOD_STEP
                && Math.abs(a.angleIndex() - b.angleIndex()) <= 3 * ANGLE_STEP
                && Math.abs(a.stretchIndex() - b.stretchIndex()) <= 3 * STRETCH_STEP;
    }

    /** The autocorrelation at the lattice vectors u, v, u+v, u-v, 2u, 2v: the sum of the smaller of each pair. */
    double score(Lattice l) {
        double p = l.period() / factor;
        double cos = Math.cos(l.angleRadians());
        double sin = Math.sin(l.angleRadians());
        double sx = l.stretch();
        double ux = sx * p * cos;
        double uy = p * sin;
        double vx = -sx * p * sin;
        double vy = p * cos;
        // Pairwise minima: the mark's lattice is two-dimensional, while text lines, stripes and other
        // periodic content usually repeat along one direction only and would score on one vector of each pair.
        return Math.min(at(ux, uy), at(vx, vy)) + Math.min(at(ux + vx, uy + vy), at(ux - vx, uy - vy))
                + Math.min(at(2 * ux, 2 * uy), at(2 * vx, 2 * vy));
    }

    /** Bilinear autocorrelation at lag (dx, dy); 0 beyond half the FFT size. */
    private double at(double dx, double dy) {
        if (Math.abs(dx) >= size / 2.0 - 1 || Math.abs(dy) >= size / 2.0 - 1) {
            return 0;
        }
        double fx = Math.floor(dx);
        double fy = Math.floor(dy);
        double tx = dx - fx;
        double ty = dy - fy;
        int x0 = Math.floorMod((int) fx, size);
        int y0 = Math.floorMod((int) fy, size);
        int x1 = (x0 + 1) % size;
        int y1 = (y0 + 1) % size;
        return (1 - ty) * ((1 - tx) * acf[y0 * size + x0] + tx * acf[y0 * size + x1])
                + ty * ((1 - tx) * acf[y1 * size + x0] + tx * acf[y1 * size + x1]);
    }
}
