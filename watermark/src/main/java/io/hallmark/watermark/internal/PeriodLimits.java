package io.hallmark.watermark.internal;

/** Bounds on the tile period the detector can use, in analysis pixels. */
public final class PeriodLimits {
    /** Below this the band's highest frequency would exceed the analysis image's Nyquist limit by far. */
    public static final double MIN_PERIOD = 24;

    private PeriodLimits() {}
}
