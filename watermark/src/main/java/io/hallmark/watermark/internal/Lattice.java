package io.hallmark.watermark.internal;

import io.hallmark.watermark.Geometry;

/**
 * One sync hypothesis about how the embedder's square tile lattice appears in the analysed image: period
 * {@code P} (grid index of {@link HypothesisSearch#gridPeriod}), rotation, horizontal stretch and mirroring,
 * each on a fixed grid so that every hypothesis the detector can ever test belongs to one finite set (its
 * size is the Bonferroni factor of {@link HypothesisSearch#affinePValue}).
 *
 * <p>Model: an embedded pixel p appears at {@code q = S R F p + c} with {@code S = diag(stretchX, 1)},
 * {@code R} the rotation, {@code F = diag(-1, 1)} when mirrored; the translation c is the cyclic shift the
 * correlator finds. A pixel centre q of the analysed image therefore lies at tile cell
 * {@code (N / P) F R^-1 S^-1 q - 1/2} (modulo N), which is what {@link #cellMatrix} returns.
 *
 * @param periodIndex  grid index of the period, analysis pixels
 * @param angleIndex   rotation in steps of {@value #ANGLE_STEP_DEGREES} degrees, |index| &le; {@value #MAX_ANGLE_STEPS}
 * @param stretchIndex horizontal stretch {@code STRETCH_RATIO^index}, |index| &le; {@value #MAX_STRETCH_STEPS}
 * @param mirrored     mirrored left-right
 */
public record Lattice(int periodIndex, int angleIndex, int stretchIndex, boolean mirrored) {
    public static final double ANGLE_STEP_DEGREES = 0.05;
    /** Rotations up to +-6 degrees. */
    public static final int MAX_ANGLE_STEPS = 120;
    public static final double STRETCH_RATIO = 1.001;
    /** Stretches from 0.88 to 1.14 (1.001^+-128). */
    public static final int MAX_STRETCH_STEPS = 128;
    /** Geometric variants per (period, shift): angles x stretches x mirror, the identity included. */
    public static final double VARIANTS = (2.0 * MAX_ANGLE_STEPS + 1) * (2.0 * MAX_STRETCH_STEPS + 1) * 2;

    public static Lattice identity(int periodIndex) {
        return new Lattice(periodIndex, 0, 0, false);
    }

    public boolean isIdentity() {
        return angleIndex == 0 && stretchIndex == 0 && !mirrored;
    }

    public double period() {
        return HypothesisSearch.gridPeriod(periodIndex);
    }

    public double angleRadians() {
        return Math.toRadians(angleIndex * ANGLE_STEP_DEGREES);
    }

    public double stretch() {
        return Math.pow(STRETCH_RATIO, stretchIndex);
    }

    public boolean inRange() {
        return Math.abs(angleIndex) <= MAX_ANGLE_STEPS && Math.abs(stretchIndex) <= MAX_STRETCH_STEPS
                && periodIndex >= 0 && periodIndex < HypothesisSearch.PERIOD_GRID_SIZE;
    }

    public Lattice withPeriod(int index) {
        return new Lattice(index, angleIndex, stretchIndex, mirrored);
    }

    public Lattice withAngle(int index) {
        return new Lattice(periodIndex, index, stretchIndex, mirrored);
    }

    public Lattice withStretch(int index) {
        return new Lattice(periodIndex, angleIndex, index, mirrored);
    }

    public Lattice mirror() {
        return new Lattice(periodIndex, angleIndex, stretchIndex, !mirrored);
    }

    /**
     * The 2x2 matrix {a, b, c, d} taking a pixel centre (x, y) of an image binned by {@code factor} to cell
     * units of an n-cell fold: {@code cellX = a x + b y}, {@code cellY = c x + d y} (before the -1/2 centre offset).
     */
    public double[] cellMatrix(int n, double factor) {
        double k = n * factor / period();
        double cos = Math.cos(angleRadians());
        double sin = Math.sin(angleRadians());
        double sx = 1 / stretch();
        // R^-1 S^-1 = [[cos, sin], [-sin, cos]] . diag(1/sx, 1)
        double a = k * cos * sx;
        double b = k * sin;
        double c = -k * sin * sx;
        double d = k * cos;
        if (mirrored) {
            a = -a;
            b = -b;
        }
        return new double[] {a, b, c, d};
    }

    public Geometry geometry() {
        return isIdentity() ? Geometry.NONE
                : new Geometry(angleIndex * ANGLE_STEP_DEGREES, stretch(), mirrored);
    }
}
