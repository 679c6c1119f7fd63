package io.hallmark.watermark;

import io.hallmark.media.VideoFrame;
import io.hallmark.watermark.internal.PayloadFormat;
import io.hallmark.watermark.internal.PerceptualMask;
import io.hallmark.watermark.internal.TileLayout;
import io.hallmark.watermark.internal.TilePattern;

/**
 * Adds the keyed watermark to the luma of each frame; chroma, size and timing are untouched.
 *
 * <p>A frame that carries its deeper stored samples ({@link VideoFrame#deep()}, a 10-bit source) gets the mark on
 * them too, at the same amplitude in 8-bit levels (times 4 in 10-bit code values), so a 10-bit output carries the mark
 * its 8-bit planes would.
 *
 * <p>Streaming and cheap: the keyed tile is built once per frame size; per frame the work is one pass to
 * measure texture (8x8 block gradient energy) and one pass that adds {@code gain(x,y) * tile(x mod P, y mod P)}.
 * The same pattern goes into every frame, so the detector can sum evidence over time.
 *
 * <p>Frames whose shorter side is under {@value TilePattern#MIN_FRAME_SIDE} pixels cannot hold the mark:
 * {@link #embed} throws {@link IllegalArgumentException} for them. Not thread-safe: one embedder per stream.
 */
public final class WatermarkEmbedder {
    /** Smallest shorter side, in pixels, of a frame that can carry the mark. */
    public static final int MIN_SIDE = TilePattern.MIN_FRAME_SIDE;

    private final TileLayout layout;
    private final int[] codedBits;
    private final EmbedOptions options;
    private int width = -1;
    private int height = -1;
    private TilePattern tile;
    private PerceptualMask mask;
    private float[] gainRow;

    public WatermarkEmbedder(WatermarkKey key, Payload payload) {
        this(key, payload, EmbedOptions.DEFAULT);
    }

    public WatermarkEmbedder(WatermarkKey key, Payload payload, EmbedOptions options) {
        this.layout = new TileLayout(key, PayloadFormat.CODED_BITS);
        this.codedBits = PayloadFormat.encode(key, payload);
        this.options = options;
    }

    /** Whether a frame of this size can carry the mark. */
    public static boolean canEmbed(int width, int height) {
        return Math.min(width, height) >= MIN_SIDE;
    }

    /** Why a frame of this size cannot carry the mark (for error messages). */
    public static String tooSmall(int width, int height) {
        return width + "x" + height + " is too small to watermark: the shorter side must be at least " + MIN_SIDE + " pixels";
    }

    /** The marked frame: a new luma plane, the input's chroma planes (shared), same index and timestamp. */
    public VideoFrame embed(VideoFrame frame) {
        int w = frame.width();
        int h = frame.height();
        if (!canEmbed(w, h)) {
            throw new IllegalArgumentException("frame " + tooSmall(w, h));
        }
        if (w != width || h != height) {
            prepare(w, h);
        }
        byte[] in = frame.y();
        // capped by the frame's PSNR floor and SSIM budget
        double amplitude = mask.amplitude(in, options.strength(), options.minPsnrDb());
        byte[] out = new byte[in.length];
        VideoFrame.DeepPlanes deep = frame.deep().orElse(null);
        // a deep frame gets the same mark on its stored samples: the same amplitude in 8-bit levels, times 2^(bits-8)
        short[] deepOut = deep == null ? null : new short[in.length];
        float deepScale = deep == null ? 0 : (float) (1 << (deep.bitDepth() - 8));
        int deepMax = deep == null ? 0 : (1 << deep.bitDepth()) - 1;
        float[] values = tile.values();
        int period = tile.period();
        float scale = (float) amplitude;
        for (int y = 0; y < h; y++) {
            if ((y & 1) == 0) {
                // The gain varies over 8-pixel blocks; refreshing it every other row is plenty.
                mask.row(y, scale, gainRow);
            }
            int row = y * w;
            int tileRow = (y % period) * period;
            for (int x0 = 0; x0 < w; x0 += period) {
                addSpan(in, out, row + x0, gainRow, x0, values, tileRow, Math.min(period, w - x0));
                if (deep != null) {
                    addDeepSpan(deep.y(), deepOut, deepMax, deepScale, row + x0, gainRow, x0, values, tileRow,
                            Math.min(period, w - x0));
                }
            }
        }
        return deep == null ? frame.withLuma(out) : frame.withLuma(out, deepOut);
    }

    /** out = clamp(round(in + scale * gain * tile)) over one span of a tile row, on deep samples. */
    private static void addDeepSpan(short[] in, short[] out, int max, float scale, int pixel, float[] gain, int gainOffset,
                                    float[] tile, int tileOffset, int length) {
        for (int i = 0; i < length; i++) {
            int v = (int) ((in[pixel + i] & 0xffff) + scale * gain[gainOffset + i] * tile[tileOffset + i] + 0.5f);
            out[pixel + i] = (short) Math.max(0, Math.min(max, v));
        }
    }

    /** out = clamp(round(in + gain * tile)) over one span of a tile row. */
    private static void addSpan(byte[] in, byte[] out, int pixel, float[] gain, int gainOffset, float[] tile,
                                int tileOffset, int length) {
        for (int i = 0; i < length; i++) {
            int v = (int) ((in[pixel + i] & 0xff) + gain[gainOffset + i] * tile[tileOffset + i] + 0.5f);
            out[pixel + i] = (byte) Math.max(0, Math.min(255, v));
        }
    }

    private void prepare(int w, int h) {
        tile = TilePattern.build(layout, codedBits, TilePattern.periodFor(w, h));
        mask = new PerceptualMask(w, h);
        gainRow = new float[w];
        width = w;
        height = h;
    }
}
