package io.hallmark.media;

import java.util.Arrays;

/**
 * One decoded picture in 8-bit YUV 4:2:0 (limited range, BT.601/709 as decoded), planes packed without
 * padding: luma is {@code width*height}, each chroma plane {@code chromaWidth()*chromaHeight()}.
 *
 * <p>The plane arrays are exposed directly (no copies) because every stage of the pipeline touches
 * every pixel; a stage that keeps a frame beyond the call that received it must {@link #copy()} it.
 */
public final class VideoFrame {
    private final int width;
    private final int height;
    private final byte[] y;
    private final byte[] u;
    private final byte[] v;
    private final long index;
    private final long timestampMicros;
    /** The stored samples of a deeper-than-8-bit source, or null (see {@link #deep()}). */
    private final DeepPlanes deep;

    /**
     * The samples of a 10-bit (or deeper) source as stored, beside the 8-bit planes every analysis reads: the encoder
     * writes these, so a 10-bit source stays 10-bit. Same layout as the 8-bit planes, one {@code short} per sample.
     *
     * @param bitDepth bits per sample, 9 to 16
     */
    public record DeepPlanes(int bitDepth, short[] y, short[] u, short[] v) {
        public DeepPlanes {
            if (bitDepth < 9 || bitDepth > 16) {
                throw new IllegalArgumentException("deep planes need 9 to 16 bits: " + bitDepth);
            }
        }

        DeepPlanes copy() {
            return new DeepPlanes(bitDepth, y.clone(), u.clone(), v.clone());
        }
    }

    public VideoFrame(int width, int height, byte[] y, byte[] u, byte[] v, long index, long timestampMicros) {
        this(width, height, y, u, v, index, timestampMicros, null);
    }

    /** A frame with its deeper stored samples too ({@code deep} null for an 8-bit source). */
    public VideoFrame(int width, int height, byte[] y, byte[] u, byte[] v, long index, long timestampMicros,
                      DeepPlanes deep) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame size must be positive: " + width + "x" + height);
        }
        int cw = (width + 1) / 2;
        int ch = (height + 1) / 2;
        if (y.length != width * height || u.length != cw * ch || v.length != cw * ch) {
            throw new IllegalArgumentException("plane sizes do not match " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.y = y;
        this.u = u;
        this.v = v;
        this.index = index;
        this.timestampMicros = timestampMicros;
        if (deep != null && (deep.y().length != y.length || deep.u().length != u.length || deep.v().length != v.length)) {
            throw new IllegalArgumentException("deep plane sizes do not match " + width + "x" + height);
        }
        this.deep = deep;
    }

    /** The stored samples of a deeper-than-8-bit source, when the reader was asked to keep them. */
    public java.util.Optional<DeepPlanes> deep() {
        return java.util.Optional.ofNullable(deep);
    }

    /** A mid-grey frame (Y=128, U=V=128) of the given size. */
    public static VideoFrame blank(int width, int height, long index, long timestampMicros) {
        int chroma = ((width + 1) / 2) * ((height + 1) / 2);
        byte[] y = new byte[width * height];
        byte[] u = new byte[chroma];
        byte[] v = new byte[chroma];
        Arrays.fill(y, (byte) 128);
        Arrays.fill(u, (byte) 128);
        Arrays.fill(v, (byte) 128);
        return new VideoFrame(width, height, y, u, v, index, timestampMicros);
    }

    public int width() { return width; }
    public int height() { return height; }
    public int chromaWidth() { return (width + 1) / 2; }
    public int chromaHeight() { return (height + 1) / 2; }
    /** Luma plane, row-major, {@code width} bytes per row (unsigned: use {@code & 0xff}). */
    public byte[] y() { return y; }
    public byte[] u() { return u; }
    public byte[] v() { return v; }
    /** Position of this frame in its stream, counted from 0 as decoded. */
    public long index() { return index; }
    /** Presentation time in microseconds from the start of the stream. */
    public long timestampMicros() { return timestampMicros; }

    public VideoFrame copy() {
        return new VideoFrame(width, height, y.clone(), u.clone(), v.clone(), index, timestampMicros,
                deep == null ? null : deep.copy());
    }

    /** The same pixels with another luma plane (chroma shared, not copied); a deep frame loses its deep planes. */
    public VideoFrame withLuma(byte[] newLuma) {
        return new VideoFrame(width, height, newLuma, u, v, index, timestampMicros);
    }

    /** The same pixels with another luma plane, 8-bit and deep (chroma shared, not copied). */
    public VideoFrame withLuma(byte[] newLuma, short[] newDeepLuma) {
        if (deep == null) {
            throw new IllegalStateException("not a deep frame");
        }
        return new VideoFrame(width, height, newLuma, u, v, index, timestampMicros,
                new DeepPlanes(deep.bitDepth(), newDeepLuma, deep.u(), deep.v()));
    }

    /**
     * This frame with an odd last column/row dropped (H.264 4:2:0 needs even sizes); itself when already even.
     */
    public VideoFrame evenCropped() {
        int w = width & ~1;
        int h = height & ~1;
        if (w == width && h == height) {
            return this;
        }
        if (w == 0 || h == 0) {
            throw new IllegalArgumentException("frame " + width + "x" + height + " is too small to encode");
        }
        int cw = w / 2;
        int ch = h / 2;
        byte[] ny = new byte[w * h];
        byte[] nu = new byte[cw * ch];
        byte[] nv = new byte[cw * ch];
        crop(y, width, ny, w, h);
        crop(u, chromaWidth(), nu, cw, ch);
        crop(v, chromaWidth(), nv, cw, ch);
        DeepPlanes d = null;
        if (deep != null) {
            d = new DeepPlanes(deep.bitDepth(), new short[w * h], new short[cw * ch], new short[cw * ch]);
            crop(deep.y(), width, d.y(), w, h);
            crop(deep.u(), chromaWidth(), d.u(), cw, ch);
            crop(deep.v(), chromaWidth(), d.v(), cw, ch);
        }
        return new VideoFrame(w, h, ny, nu, nv, index, timestampMicros, d);
    }

    /** The same pixels renumbered, e.g. when a generator emits frames. */
    public VideoFrame withTiming(long newIndex, long newTimestampMicros) {
        return new VideoFrame(width, height, y, u, v, newIndex, newTimestampMicros, deep);
    }

    /** This frame with deep planes made from its 8-bit ones (each value times 2^(bits-8)), for a deeper encode. */
    public VideoFrame widened(int bits) {
        int shift = bits - 8;
        return new VideoFrame(width, height, y, u, v, index, timestampMicros,
                new DeepPlanes(bits, widen(y, shift), widen(u, shift), widen(v, shift)));
    }

    private static short[] widen(byte[] plane, int shift) {
        short[] out = new short[plane.length];
        for (int i = 0; i < plane.length; i++) {
            out[i] = (short) ((plane[i] & 0xff) << shift);
        }
        return out;
    }

    /** Copies the top-left {@code w x h} of a plane {@code fromWidth} samples wide. */
    private static void crop(Object from, int fromWidth, Object to, int w, int h) {
        for (int row = 0; row < h; row++) {
            System.arraycopy(from, row * fromWidth, to, row * w, w);
        }
    }
}
