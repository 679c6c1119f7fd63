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

    public VideoFrame(int width, int height, byte[] y, byte[] u, byte[] v, long index, long timestampMicros) {
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
        return new VideoFrame(width, height, y.clone(), u.clone(), v.clone(), index, timestampMicros);
    }

    /** The same pixels with another luma plane (chroma shared, not copied). */
    public VideoFrame withLuma(byte[] newLuma) {
        return new VideoFrame(width, height, newLuma, u, v, index, timestampMicros);
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
        byte[] ny = new byte[w * h];
        for (int row = 0; row < h; row++) {
            System.arraycopy(y, row * width, ny, row * w, w);
        }
        int cw = w / 2;
        int ch = h / 2;
        byte[] nu = new byte[cw * ch];
        byte[] nv = new byte[cw * ch];
        for (int row = 0; row < ch; row++) {
            System.arraycopy(u, row * chromaWidth(), nu, row * cw, cw);
            System.arraycopy(v, row * chromaWidth(), nv, row * cw, cw);
        }
        return new VideoFrame(w, h, ny, nu, nv, index, timestampMicros);
    }

    /** The same pixels renumbered, e.g. when a generator emits frames. */
    public VideoFrame withTiming(long newIndex, long newTimestampMicros) {
        return new VideoFrame(width, height, y, u, v, newIndex, newTimestampMicros);
    }
}
