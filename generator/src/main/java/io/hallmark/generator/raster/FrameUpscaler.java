package io.hallmark.generator.raster;

import io.hallmark.media.VideoFrame;

/**
 * Turns a reduced-resolution {@link RgbImage} into a full-size BT.709 YUV 4:2:0 frame.
 *
 * <p>Colour is converted at low resolution first, then luma is upscaled bilinearly to full size and chroma to
 * chroma size: one channel at full resolution instead of three, which is most of the per-frame cost.
 * Optional {@link DetailTexture} adds full-resolution texture to luma. Not thread-safe (it reuses buffers);
 * use one per frame source. The work inside one call is spread over row bands.
 */
public final class FrameUpscaler {
    private final int lowW;
    private final int lowH;
    private final int outW;
    private final int outH;
    private final int chromaW;
    private final int chromaH;
    private final float[] lowY;
    private final float[] lowU;
    private final float[] lowV;
    private final Axis lumaX;
    private final Axis lumaY;
    private final Axis chromaX;
    private final Axis chromaY;

    /** Precomputed bilinear taps along one axis. */
    private record Axis(int[] i0, int[] i1, float[] w) {
        static Axis of(int outCount, int lowCount, double outPerSample, double sampleOffset) {
            int[] i0 = new int[outCount];
            int[] i1 = new int[outCount];
            float[] w = new float[outCount];
            double scale = (double) lowCount / (outCount * outPerSample);
            for (int o = 0; o < outCount; o++) {
                double f = (o * outPerSample + sampleOffset) * scale - 0.5;
                f = Math.max(0, Math.min(lowCount - 1, f));
                int a = (int) Math.floor(f);
                i0[o] = a;
                i1[o] = Math.min(lowCount - 1, a + 1);
                w[o] = (float) (f - a);
            }
            return new Axis(i0, i1, w);
        }
    }

    public FrameUpscaler(int lowW, int lowH, int outW, int outH) {
        if (lowW <= 0 || lowH <= 0 || outW <= 0 || outH <= 0) {
            throw new IllegalArgumentException("sizes must be positive");
        }
        this.lowW = lowW;
        this.lowH = lowH;
        this.outW = outW;
        this.outH = outH;
        this.chromaW = (outW + 1) / 2;
        this.chromaH = (outH + 1) / 2;
        this.lowY = new float[lowW * lowH];
        this.lowU = new float[lowW * lowH];
        this.lowV = new float[lowW * lowH];
        this.lumaX = Axis.of(outW, lowW, 1, 0.5);
        this.lumaY = Axis.of(outH, lowH, 1, 0.5);
        // A chroma sample sits at the centre of its 2x2 luma block.
        double cScaleX = (double) outW / (chromaW * 2);
        double cScaleY = (double) outH / (chromaH * 2);
        this.chromaX = Axis.of(chromaW, lowW, 2 * cScaleX, cScaleX);
        this.chromaY = Axis.of(chromaH, lowH, 2 * cScaleY, cScaleY);
    }

    public int lowWidth() {
        return lowW;
    }

    public int lowHeight() {
        return lowH;
    }

    /**
     * Converts and upscales {@code image} (which must be {@code lowWidth x lowHeight}).
     *
     * @param detail full-resolution texture to add to luma, or {@code null}
     */
    public VideoFrame toFrame(RgbImage image, DetailTexture.Placement detail, long index, long timestampMicros) {
        if (image.width() != lowW || image.height() != lowH) {
            throw new IllegalArgumentException("image is " + image.width() + "x" + image.height()
                    + ", upscaler expects " + lowW + "x" + lowH);
        }
        Parallel.forRows(lowH, (from, to) -> {
            for (int i = from * lowW, end = to * lowW; i < end; i++) {
                float r = image.r[i];
                float g = image.g[i];
                float b = image.b[i];
                lowY[i] = Bt709.luma(r, g, b);
                lowU[i] = Bt709.cb(r, g, b);
                lowV[i] = Bt709.cr(r, g, b);
            }
        });
        byte[] y = new byte[outW * outH];
        byte[] u = new byte[chromaW * chromaH];
        byte[] v = new byte[chromaW * chromaH];
        Parallel.forRows(outH, (from, to) -> {
            float[] column = new float[lowW];
            float[] texture = new float[outW];
            float[] gainColumn = new float[lowW];
            for (int row = from; row < to; row++) {
                interpolateRows(lowY, lumaY, row, column);
                int base = row * outW;
                if (detail == null) {
                    for (int x = 0; x < outW; x++) {
                        y[base + x] = Bt709.toByte(horizontal(column, lumaX, x));
                    }
                } else {
                    detail.texture().sampleRow(detail, row, texture, outW);
                    interpolateRows(image.detailGain, lumaY, row, gainColumn);
                    for (int x = 0; x < outW; x++) {
                        float l = horizontal(column, lumaX, x);
                        // Less texture in the shadows, as with real sensor and film detail.
                        float shadow = Math.min(1f, Math.max(0f, (l - 16f) * 0.01f));
                        float gain = horizontal(gainColumn, lumaX, x);
                        y[base + x] = Bt709.toByte(l + texture[x] * gain * (0.3f + 0.7f * shadow));
                    }
                }
            }
        });
        Parallel.forRows(chromaH, (from, to) -> {
            float[] cu = new float[lowW];
            float[] cv = new float[lowW];
            for (int row = from; row < to; row++) {
                interpolateRows(lowU, chromaY, row, cu);
                interpolateRows(lowV, chromaY, row, cv);
                int base = row * chromaW;
                for (int x = 0; x < chromaW; x++) {
                    u[base + x] = Bt709.toByte(horizontal(cu, chromaX, x));
                    v[base + x] = Bt709.toByte(horizontal(cv, chromaX, x));
                }
            }
        });
        return new VideoFrame(outW, outH, y, u, v, index, timestampMicros);
    }

    private void interpolateRows(float[] plane, Axis axis, int row, float[] out) {
        int a = axis.i0()[row] * lowW;
        int c = axis.i1()[row] * lowW;
        float w = axis.w()[row];
        for (int x = 0; x < lowW; x++) {
            float top = plane[a + x];
            out[x] = top + (plane[c + x] - top) * w;
        }
    }

    private static float horizontal(float[] row, Axis axis, int x) {
        float left = row[axis.i0()[x]];
        return left + (row[axis.i1()[x]] - left) * axis.w()[x];
    }
}
