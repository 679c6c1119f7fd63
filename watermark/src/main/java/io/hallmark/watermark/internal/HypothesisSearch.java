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
 * Bonferroni factor of the p-value, so a cheaper path costs no false-positive guarantee.
 *
 * <p>The search is coarse-to-fine over the plausible range [{@value #MIN_RATIO}, {@value #MAX_RATIO}] x
 * the shorter side (the embedder puts about 4 periods on the shorter side; crops up to half of each side
 * and padding move the ratio within this range). Each fold reads a binned copy of the image with about
 * one pixel per fold cell, so its cost does not grow with the frame size:
 * <ol>
 *   <li>prior probes: the periods of a copy that was only rescaled ({@link #PRIOR_RATIOS}); a refined
 *       hypothesis reaching {@link #EARLY_Z} ends the search (most re-encodes stop here);</li>
 *   <li>coarse: 64x64 folds over the whole range, on steps that widen as fewer tiles cross the frame
 *       ({@link #COARSE_TOLERANCE});</li>
 *   <li>around the best {@value #COARSE_KEEP} of those, every {@value #MID_STEP}nd period in 64x64 folds;</li>
 *   <li>around the best {@value #MID_KEEP}, every grid period within {@value #FINE_RANGE} steps (and on while
 *       the best is on the edge) in the full 128x128 fold, whose spectrum also carries the payload.</li>
 * </ol>
 */
public final class HypothesisSearch {
    public static final double GRID_MIN = 16;
    public static final double GRID_RATIO = 1.0005;
    public static final int PERIOD_GRID_SIZE = (int) Math.ceil(Math.log(4096 / GRID_MIN) / Math.log(GRID_RATIO)) + 1;
    public static final double HYPOTHESES = (double) PERIOD_GRID_SIZE * TileLayout.N * TileLayout.N;
    static final double MIN_RATIO = 0.2;
    static final double MAX_RATIO = 0.7;
    /**
     * Coarse period steps keep the worst fold drift across the frame's long side near 0.7 of a 64-cell fold's
     * cell: relative step = this x period / long side (0.25 % for nine tiles across, more for fewer).
     */
    static final double COARSE_TOLERANCE = 0.0222;
    static final int COARSE_CELLS = 64;
    static final int COARSE_KEEP = 3;
    static final int MID_STEP = 2;
    static final int MID_KEEP = 2;
    static final int FINE_RANGE = 6;
    static final int FINE_CLIMB = 6;
    /**
     * Period / shorter side of an unscaled or uniformly rescaled copy, most common sources first:
     * {@link TilePattern#periodFor} gives 1/4 for a shorter side of 640 px and up (HD), 160 px on 480, 540
     * and 576 px, shorter side / 2 below 320 px (and / 2.5 below 400 px, as marks made before that rule).
     */
    static final double[] PRIOR_RATIOS = {0.25, 160.0 / 480, 160.0 / 540, 160.0 / 576, 0.4, 0.5};
    static final int PROBE_RANGE = 6;
    static final double PROBE_Z = 7;
    static final double EARLY_Z = 10;

    private final SyncCorrelator coarseCorrelator;
    private final SyncCorrelator correlator;
    private final TileFolder coarseFolder = new TileFolder(COARSE_CELLS);
    private final TileFolder folder = new TileFolder();

    public HypothesisSearch(TileLayout layout) {
        this.coarseCorrelator = new SyncCorrelator(layout, COARSE_CELLS);
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
    public record Best(SyncCorrelator.Peak peak, TileFolder.Spectrum spectrum, Lattice lattice) {
    }

    /** A grid period and the best z of its fold at one stage. */
    private record Scored(int index, double z) {
    }

    /** Null when the image is too small for any period. */
    public Best search(float[] image, int w, int h) {
        int lo = (int) Math.ceil(Math.log(minPeriod(w, h) / GRID_MIN) / Math.log(GRID_RATIO));
        int hi = Math.min(PERIOD_GRID_SIZE - 1, (int) Math.floor(Math.log(maxPeriod(w, h) / GRID_MIN) / Math.log(GRID_RATIO)));
        if (hi < lo) {
            return null;
        }
        Pyramid pyramid = new Pyramid(image, w, h);
        Best early = probePriors(pyramid, Math.min(w, h), lo, hi);
        if (early != null) {
            return early;
        }
        int longSide = Math.max(w, h);
        List<Scored> coarse = new ArrayList<>();
        for (int i = lo; i <= hi; i += coarseStep(gridPeriod(i), longSide)) {
            coarse.add(new Scored(i, coarseCorrelator.search(pyramid.fold(coarseFolder, gridPeriod(i))).z()));
        }
        // Around each of the best coarse periods: the 64-cell fold on a finer step, then the full fold.
        List<Scored> mid = new ArrayList<>();
        for (Scored c : strongest(coarse, COARSE_KEEP, 2 * coarseStep(gridPeriod(lo), longSide))) {
            int reach = (coarseStep(gridPeriod(c.index()), longSide) + 1) / 2 + MID_STEP;
            Scored around = bestCoarse(pyramid, Math.max(0, c.index() - reach), Math.min(PERIOD_GRID_SIZE - 1, c.index() + reach));
            mid.add(around.z() > c.z() ? around : c);
        }
        Best best = null;
        for (Scored m : strongest(mid, MID_KEEP, 2 * FINE_RANGE)) {
            Best local = climb(pyramid, m.index());
            if (best == null || local.peak().z() > best.peak().z()) {
                best = local;
            }
        }
        return best;
    }

    /**
     * The best full fold near grid period {@code start}: all within {@link #FINE_RANGE} steps, then further
     * one step at a time while the best is on the edge of what was tried (the 64-cell estimate can be a few
     * steps off).
     */
    private Best climb(Pyramid pyramid, int start) {
        int from = Math.max(0, start - FINE_RANGE);
        int to = Math.min(PERIOD_GRID_SIZE - 1, start + FINE_RANGE);
        Best best = null;
        int bestIndex = start;
        for (int i = from; i <= to; i++) {
            Best b = fine(pyramid, i);
            if (best == null || b.peak().z() > best.peak().z()) {
                best = b;
                bestIndex = i;
            }
        }
        for (int extra = 0; extra < FINE_CLIMB; extra++) {
            int i;
            if (bestIndex == from && from > 0) {
                i = --from;
            } else if (bestIndex == to && to < PERIOD_GRID_SIZE - 1) {
                i = ++to;
            } else {
                break;
            }
            Best b = fine(pyramid, i);
            if (b.peak().z() > best.peak().z()) {
                best = b;
                bestIndex = i;
            }
        }
        return best;
    }

    private Best fine(Pyramid pyramid, int index) {
        TileFolder.Spectrum s = pyramid.fold(folder, gridPeriod(index));
        return new Best(correlator.search(s), s, Lattice.identity(index));
    }

    /**
     * Tries first the periods of copies that were only rescaled (most re-encodes): the embedder's period
     * over the shorter side is one of {@link #PRIOR_RATIOS}. A hypothesis reaching {@link #EARLY_Z} is
     * returned at once; it could only be noise with probability {@code pValue(EARLY_Z)} < 1e-13, and the
     * p-value already counts every hypothesis of the grid, whichever path the search takes.
     */
    private Best probePriors(Pyramid pyramid, int shortSide, int lo, int hi) {
        for (double ratio : PRIOR_RATIOS) {
            int centre = gridIndex(ratio * shortSide);
            Scored best = bestCoarse(pyramid, Math.max(lo, centre - PROBE_RANGE), Math.min(hi, centre + PROBE_RANGE));
            if (best != null && best.z() >= PROBE_Z) {
                Best found = climb(pyramid, best.index());
                if (found.peak().z() >= EARLY_Z) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The best 64-cell fold among every {@value #MID_STEP}nd grid period of [from, to]; null when empty. */
    private Scored bestCoarse(Pyramid pyramid, int from, int to) {
        Scored best = null;
        for (int i = from; i <= to; i += MID_STEP) {
            double z = coarseCorrelator.search(pyramid.fold(coarseFolder, gridPeriod(i))).z();
            if (best == null || z > best.z()) {
                best = new Scored(i, z);
            }
        }
        return best;
    }

    /** Grid steps between coarse periods near {@code period}. */
    static int coarseStep(double period, int longSide) {
        return Math.max(1, (int) (COARSE_TOLERANCE * period / longSide / (GRID_RATIO - 1)));
    }

    /** The {@code keep} highest-scoring entries, each more than {@code apart} grid steps from those before. */
    private static List<Scored> strongest(List<Scored> scored, int keep, int apart) {
        List<Scored> sorted = new ArrayList<>(scored);
        sorted.sort(Comparator.comparingDouble((Scored s) -> -s.z()));
        List<Scored> kept = new ArrayList<>();
        for (Scored s : sorted) {
            if (kept.stream().noneMatch(k -> Math.abs(k.index() - s.index()) <= apart)) {
                kept.add(s);
                if (kept.size() == keep) {
                    break;
                }
            }
        }
        return kept;
    }

    /** The fold into the full tile at one period, from a binned copy of the image like the search's last stage. */
    public TileFolder.Spectrum fold(float[] image, int w, int h, double period) {
        return new Pyramid(image, w, h).fold(folder, period);
    }

    public SyncCorrelator correlator() {
        return correlator;
    }

    /**
     * Families of hypotheses the detector may search, each spending an equal share of the sync test's
     * false-positive budget: uniform scale and shift on the plain sum of frames; rotation, stretch and
     * mirroring on it ({@link #searchGeometric}); uniform scale and shift on the sum in the picture's
     * coordinates (a drifting crop window).
     */
    public static final int FAMILIES = 3;

    /**
     * Upper bound on the probability that an unmarked video reaches z anywhere in one search without
     * geometric change (uniform scale and shift only), times the {@value #FAMILIES} families:
     * {@code FAMILIES H exp(-z^2/2)}.
     */
    public static double pValue(double z) {
        return bound(FAMILIES * HYPOTHESES, z);
    }

    /**
     * The same bound for the best hypothesis of {@link #searchGeometric}: every (period, angle, stretch,
     * mirror, shift) of the fixed grid counts, {@code FAMILIES H V exp(-z^2/2)} with V = {@link Lattice#VARIANTS}.
     */
    public static double affinePValue(double z) {
        return bound(FAMILIES * HYPOTHESES * Lattice.VARIANTS, z);
    }

    private static double bound(double hypotheses, double z) {
        if (!(z > 0)) {
            return 1.0;
        }
        return Math.min(1.0, hypotheses * Math.exp(-z * z / 2));
    }

    /** The z at which {@link #pValue} reaches {@code alpha}. */
    public static double threshold(double alpha) {
        return Math.sqrt(2 * Math.log(FAMILIES * HYPOTHESES / alpha));
    }

    /** The z at which {@link #affinePValue} reaches {@code alpha}. */
    public static double affineThreshold(double alpha) {
        return Math.sqrt(2 * Math.log(FAMILIES * HYPOTHESES * Lattice.VARIANTS / alpha));
    }

    /**
     * The best hypothesis under rotation (+-6 degrees), horizontal stretch (0.88-1.14, which with the
     * period also covers vertical stretch) and mirroring, for copies the plain search cannot find. The
     * autocorrelation of the image proposes a few coarse lattices ({@link LatticeEstimator}); each is
     * refined, mirrored or not, by coordinate ascent of the keyed z on 64-cell folds, then on full folds.
     * Null when the image is too small for any period.
     */
    public Best searchGeometric(float[] image, int w, int h) {
        int lo = (int) Math.ceil(Math.log(minPeriod(w, h) / GRID_MIN) / Math.log(GRID_RATIO));
        int hi = Math.min(PERIOD_GRID_SIZE - 1, (int) Math.floor(Math.log(maxPeriod(w, h) / GRID_MIN) / Math.log(GRID_RATIO)));
        if (hi < lo) {
            return null;
        }
        Pyramid pyramid = new Pyramid(image, w, h);
        Level level = pyramid.fitting(LatticeEstimator.MAX_FFT * 2 / 3);
        LatticeEstimator estimator = new LatticeEstimator(level.image(), level.w(), level.h(), level.factor());
        Best best = null;
        for (LatticeEstimator.Candidate c : estimator.candidates(lo, hi)) {
            Lattice start = c.lattice();
            double plain = coarseZ(pyramid, start);
            double mirrored = coarseZ(pyramid, start.mirror());
            Lattice l = mirrored > plain ? start.mirror() : start;
            l = ascend(l, Math.max(plain, mirrored), new int[] {16, 8, 4, 2}, 8, lo, hi, n -> coarseZ(pyramid, n));
            Best atCoarse = fineBest(pyramid, l);
            Lattice fine = ascend(l, atCoarse.peak().z(), new int[] {2, 1}, 6, lo, hi, n -> fineBest(pyramid, n).peak().z());
            Best b = fine.equals(l) ? atCoarse : fineBest(pyramid, fine);
            if (best == null || b.peak().z() > best.peak().z()) {
                best = b;
            }
        }
        return best;
    }

    private double coarseZ(Pyramid pyramid, Lattice l) {
        return coarseCorrelator.search(pyramid.fold(coarseFolder, l)).z();
    }

    private Best fineBest(Pyramid pyramid, Lattice l) {
        TileFolder.Spectrum s = pyramid.fold(folder, l);
        return new Best(correlator.search(s), s, l);
    }

    /**
     * Coordinate ascent of {@code score} (the keyed z of a 64-cell or a full fold) over period, angle and
     * stretch, from {@code l} scoring {@code z}, with the given step sizes (grid steps: period x
     * {@value #PERIOD_PER_ANGLE_STEP} per angle step, so one step moves the fold by a similar amount on every
     * axis) and at most {@code rounds} moves per step size.
     */
    private static Lattice ascend(Lattice l, double z, int[] steps, int rounds, int lo, int hi,
                                  java.util.function.ToDoubleFunction<Lattice> score) {
        for (int step : steps) {
            boolean moved = true;
            for (int round = 0; moved && round < rounds; round++) {
                moved = false;
                for (Lattice n : neighbours(l, step)) {
                    if (!n.inRange() || n.periodIndex() < lo || n.periodIndex() > hi) {
                        continue;
                    }
                    double nz = score.applyAsDouble(n);
                    if (nz > z) {
                        z = nz;
                        l = n;
                        moved = true;
                    }
                }
            }
        }
        return l;
    }

    /** Period grid steps per angle or stretch step in the ascent (period steps are 0.05 %, stretch 0.1 %). */
    static final int PERIOD_PER_ANGLE_STEP = 2;

    private static List<Lattice> neighbours(Lattice l, int step) {
        return List.of(
                l.withPeriod(l.periodIndex() + PERIOD_PER_ANGLE_STEP * step),
                l.withPeriod(l.periodIndex() - PERIOD_PER_ANGLE_STEP * step),
                l.withAngle(l.angleIndex() + step),
                l.withAngle(l.angleIndex() - step),
                l.withStretch(l.stretchIndex() + step),
                l.withStretch(l.stretchIndex() - step));
    }

    /** The full fold under one lattice hypothesis (for segments, after the search). */
    public TileFolder.Spectrum fold(float[] image, int w, int h, Lattice lattice) {
        Pyramid pyramid = new Pyramid(image, w, h);
        return lattice.isIdentity() ? pyramid.fold(folder, lattice.period()) : pyramid.fold(folder, lattice);
    }

    /**
     * The image summed over 1x1, 2x2, 4x4, ... blocks (built on demand). A fold into n cells reads the
     * coarsest level that still has at least one pixel per cell: folding sums pixels into cells anyway, so
     * the coarser level carries the same signal for a fraction of the work.
     */
    private static final class Pyramid {
        private final List<Level> levels = new ArrayList<>();

        Pyramid(float[] image, int w, int h) {
            levels.add(new Level(image, w, h, 1));
        }

        TileFolder.Spectrum fold(TileFolder folder, double period) {
            Level level = levelFor(folder.size(), period);
            TileFolder.Spectrum s = folder.fold(level.image, level.w, level.h, period / level.factor);
            return new TileFolder.Spectrum(s.re(), s.im(), period, s.size());
        }

        /** The general-lattice fold, from the same level the plain fold at that period would read. */
        TileFolder.Spectrum fold(TileFolder folder, Lattice lattice) {
            Level level = levelFor(folder.size(), lattice.period());
            return folder.fold(level.image, level.w, level.h, lattice, level.factor);
        }

        /** The coarsest level with at least one pixel per cell of an n-cell fold at this period. */
        Level levelFor(int n, double period) {
            int index = 0;
            while (period / (levels.get(index).factor * 2) >= n) {
                Level level = levels.get(index);
                if (level.w < 8 || level.h < 8) {
                    break;
                }
                if (index + 1 == levels.size()) {
                    levels.add(level.halve());
                }
                index++;
            }
            return levels.get(index);
        }

        /** The finest level whose longer side is at most {@code side} pixels. */
        Level fitting(int side) {
            int index = 0;
            while (Math.max(levels.get(index).w, levels.get(index).h) > side) {
                if (index + 1 == levels.size()) {
                    levels.add(levels.get(index).halve());
                }
                index++;
            }
            return levels.get(index);
        }
    }

    private record Level(float[] image, int w, int h, int factor) {
        Level halve() {
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
            return new Level(out, hw, hh, factor * 2);
        }
    }
}
