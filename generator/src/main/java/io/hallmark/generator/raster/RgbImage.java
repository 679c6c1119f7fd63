package io.hallmark.generator.raster;

/**
 * A small floating-point RGB picture (gamma-encoded, nominally 0..1, values outside are clipped on
 * conversion). Scenes draw into it at reduced resolution; {@link FrameUpscaler} turns it into a full-size
 * YUV frame.
 */
public final class RgbImage {
    private final int width;
    private final int height;
    public final float[] r;
    public final float[] g;
    public final float[] b;
    /** Per-pixel gain of the full-resolution detail texture (1 = as placed, 0 = none), e.g. weave only on cloth. */
    public final float[] detailGain;

    public RgbImage(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.r = new float[width * height];
        this.g = new float[width * height];
        this.b = new float[width * height];
        this.detailGain = new float[width * height];
        java.util.Arrays.fill(detailGain, 1f);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public void set(int index, float red, float green, float blue) {
        r[index] = red;
        g[index] = green;
        b[index] = blue;
    }
}
