package io.hallmark.generator.procedural;

import io.hallmark.generator.raster.DetailTexture;
import io.hallmark.generator.raster.RgbImage;
import java.util.Map;

/**
 * One scene family's renderer. A scene is stateful (simulations advance), so frames are drawn in order:
 * {@link #advanceTo} then {@link #render} for each frame time.
 */
abstract class Scene {
    /** Family-specific variant, e.g. {@code rain}, {@code ocean}, {@code city}. */
    abstract String variant();

    /** Parameters worth recording in provenance (wind speed, stripe count, ...). */
    abstract void describe(Map<String, String> into);

    /** Whether the camera may pan forever horizontally / vertically without leaving the scene. */
    abstract boolean endlessX();

    abstract boolean endlessY();

    /** Moves any simulation state forward to time {@code t} (seconds); called with non-decreasing t. */
    void advanceTo(double t) {
    }

    /** Draws the scene as seen through {@code view} at time {@code t} into {@code out} (all pixels). */
    abstract void render(double t, Camera.View view, RgbImage out);

    /** Full-resolution texture for this scene's surfaces. */
    abstract DetailTexture detail();

    /** Amplitude of {@link #detail()} in luma code values. */
    abstract float detailAmplitude();

    static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.3f", v);
    }
}
