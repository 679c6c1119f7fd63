package io.hallmark.watermark.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Searches the sync hypotheses (tile period, cyclic shift) for the best keyed correlation.
 *
 * <p>Periods live on a fixed geometric grid {@code P_i = 16 * 1.0005^i} analysis pixels up to 4096, so
 * every hypothesis ever tested belongs to one fixed finite set of {@link #HYPOTHESES} =
 * {@value #PERIOD_GRID_SIZE} periods x N^2 shifts, whatever path the search takes: that count is the
 * Bonferroni factor of the p-value.
 *
 * <p>Search: a coarse pass over every 5th grid period (0.25 % steps) in the plausible range
 * [{@value #MIN_RATIO}, {@value #MAX_RATIO}] x the shorter side (the embedder puts about 4 periods on
 * the shorter side; crops up to half of each side and padding move the ratio within this range), each
 * folded into a cheap 64x64 tile from a binned copy of the image; then the best few are refined on the
 * full grid with the full 128x128 tile.
 */
public final class HypothesisSearch {
    public static final double GRID_MIN = 16;
    public static final double GRID_RATIO = 1.0005;
    public static final int PERIOD_GRID_SIZE = (int) Math.ceil(Math.log(4096 / GRID_MIN) / Math.log(GRID_RATIO)) + 1;
    public static final double HYPOTHESES = (double) PERIOD_GRID_SIZE * TileLayout.N * TileLayout.N;
    static final double MIN_RATIO = 0.2;
    static final double MAX_RATIO = 0.6;
    static final int COARSE_STEP = 5;
    static final int COARSE_SIZE = 64;
    static final int REFINE = 3;
    static final int REFINE_RANGE = 5;

    private final SyncCorrelator coarseCorrelator;
    private final SyncCorrelator correlator;
    private final TileFolder coarseFolder = new TileFolder(COARSE_SIZE);
    private final TileFolder folder = new TileFolder();

    public HypothesisSearch(TileLayout layout) {
        this.coarseCorrelator = new SyncCorrelator(layout, COARSE_SIZE);
        this.correlator = new SyncCorrelator(layout);
    }

    public static double gridPeriod(int index) {
        return GRID_MIN * Math.pow(GRID_RATIO, index);
    }

    public static int gridIndex(double period) {
        return (int) Math.round(Math.log(period / GRID_MIN) / Math.log(GRID_RATIO));
    }

    /** Smallest period searched, analysis pixels. */
    public static double minPeriod(int w, int h) {
        return Math.max(PeriodLimits.MIN_PERIOD, MIN_RATIO * Math.min(w, h));
    }

    public static double maxPeriod(int w, int h) {
        return MAX_RATIO * Math.min(w, h);
    }

    /** The best hypothesis found, with the folded spectrum it was found in. */
    public record Best(SyncCorrelator.Peak peak, TileFolder.Spectrum spectrum) {
    }

    /** Null when the image is too small for any period. */
    public Best search(float[] image, int w, int h) {
        int lo = (int) Math.ceil(Math.log(minPeriod(w, h) / GRID_MIN) / Math.log(GRID_RATIO));
        int hi = (int) Math.floor(Math.log(maxPeriod(w, h) / GRID_MIN) / Math.log(GRID_RATIO));
        if (hi < lo) {
            return null;
        }
        List<Binned> pyramid = new ArrayList<>();
        pyramid.add(new Binned(image, w, h, 1));
        List<double[]> coarse = new ArrayList<>();
        for (int i = lo; i <= hi; i += COARSE_STEP) {
            double period = gridPeriod(i);
            Binned level = pyramid.get(0);
            while (period / (level.factor * 2) >= COARSE_SIZE && level.w >= 4 && level.h >= 4) {
                int next = pyramid.indexOf(level) + 1;
                if (next == pyramid.size()) {
                    pyramid.add(level.halve());
                }
                level = pyramid.get(next);
            }
            TileFolder.Spectrum s = coarseFolder.fold(level.image, level.w, level.h, period / level.factor);
            coarse.add(new double[] {i, coarseCorrelator.search(s).z()});
        }
        coarse.sort(Comparator.comparingDouble((double[] c) -> -c[1]));
        Best best = null;
        List<Integer> refined = new ArrayList<>();
        for (double[] c : coarse) {
            int centre = (int) c[0];
            if (refined.stream().anyMatch(r -> Math.abs(r - centre) <= 2 * REFINE_RANGE)) {
                continue;
            }
            refined.add(centre);
            for (int i = Math.max(0, centre - REFINE_RANGE); i <= Math.min(PERIOD_GRID_SIZE - 1, centre + REFINE_RANGE); i++) {
                TileFolder.Spectrum s = folder.fold(image, w, h, gridPeriod(i));
                SyncCorrelator.Peak peak = correlator.search(s);
                if (best == null || peak.z() > best.peak().z()) {
                    best = new Best(peak, s);
                }
            }
            if (refined.size() == REFINE) {
                break;
            }
        }
        return best;
    }

    public TileFolder folder() {
        return folder;
    }

    public SyncCorrelator correlator() {
        return correlator;
    }

    /** Upper bound on the probability that an unmarked video reaches z anywhere in the search. */
    public static double pValue(double z) {
        if (!(z > 0)) {
            return 1.0;
        }
        return Math.min(1.0, HYPOTHESES * Math.exp(-z * z / 2));
    }

    /** The z an unmarked video reaches with probability at most {@code alpha} anywhere in the search. */
    public static double threshold(double alpha) {
        return Math.sqrt(2 * Math.log(HYPOTHESES / alpha));
    }

    /** An image summed over factor x factor blocks. */
    private static final class Binned {
        final float[] image;
        final int w;
        final int h;
        final int factor;

        Binned(float[] image, int w, int h, int factor) {
            this.image = image;
            this.w = w;
            this.h = h;
            this.factor = factor;
        }

        Binned halve() {
            int hw = w / 2;
            int hh = h / 2;
            float[] out = new float[hw * hh];
            for (int y = 0; y < hh; y++) {
                int a = 2 * y * w;
                int b = a + w;
                for (int x = 0; x < hw; x++) {
                    out[y * hw + x] = image[a + 2 * x] + image[a + 2 * x + 1] + image[b + 2 * x] + image[b + 2 * x + 1];
                }
            }
            return new Binned(out, hw, hh, factor * 2);
        }
    }
}
