package io.hallmark.media;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * Decodes the video stream of any container FFmpeg reads into {@link VideoFrame}s (8-bit YUV 4:2:0,
 * converted by swscale from whatever the file stores: 10-bit, full range, grayscale, 4:4:4 ...), turned
 * upright as the file's display matrix tells players to show them (a phone clip stored landscape with a
 * 90-degree rotation comes out portrait; {@link VideoInfo#rotation()} says by how much), so what is marked,
 * fingerprinted and written is what people see.
 * Frames are read one at a time, so memory stays constant whatever the length of the file.
 * Not thread-safe: one reader per thread.
 */
public final class VideoReader implements AutoCloseable {
    private final FFmpegFrameGrabber grabber;
    private final VideoInfo info;
    private final MediaLimits limits;
    private long decoded;

    /** Quarter turns clockwise applied to every frame (0-3). */
    private final int quarterTurns;
    /** Bits per sample of the deep planes each frame carries, or 0 when frames are 8-bit only. */
    private int deepBits;

    private VideoReader(FFmpegFrameGrabber grabber, VideoInfo info, MediaLimits limits) {
        this.quarterTurns = info.rotation() / 90;
        this.grabber = grabber;
        this.info = info;
        this.limits = limits;
    }

    public static VideoReader open(Path file) throws MediaException {
        return open(file, MediaLimits.DEFAULT);
    }

    /**
     * A reader for re-encoding: a 4:2:0 source of 9 to 16 bits that is not turned gives each frame its stored samples
     * too ({@link VideoFrame#deep()}), so the encoder can write them at their own depth; {@link #keepsDepth()} says
     * whether it does. The 8-bit planes are the stored samples rounded to 8 bits.
     */
    public static VideoReader openKeepingDepth(Path file) throws MediaException {
        VideoReader reader = open(file, MediaLimits.DEFAULT, false);
        int bits = reader.info.bitDepth();
        int format = avutil.av_get_pix_fmt("yuv420p" + bits + "le");
        if (bits <= 8 || !reader.info.sourcePixelFormat().startsWith("yuv420p") || reader.quarterTurns != 0 || format < 0) {
            return reader;
        }
        // the grabber sizes its conversion buffer for the format it starts with: a deeper one needs a reader of its own
        reader.close();
        VideoReader deep = open(file, MediaLimits.DEFAULT, false, format);
        deep.deepBits = bits;
        return deep;
    }

    /** Whether frames carry their stored deeper samples ({@link #openKeepingDepth}). */
    public boolean keepsDepth() {
        return deepBits > 0;
    }

    public static VideoReader open(Path file, MediaLimits limits) throws MediaException {
        return open(file, limits, false);
    }

    /**
     * A reader for consumers that sample a few frames per second (a detector): with {@code referenceOnly}
     * the decoder skips the frames no other frame depends on (FFmpeg {@code skip_frame=noref}, typically
     * half of an H.264 stream's frames, which it then never returns), cutting the decode work accordingly.
     */
    public static VideoReader open(Path file, MediaLimits limits, boolean referenceOnly) throws MediaException {
        return open(file, limits, referenceOnly, avutil.AV_PIX_FMT_YUV420P);
    }

    private static VideoReader open(Path file, MediaLimits limits, boolean referenceOnly, int pixelFormat)
            throws MediaException {
        FfmpegLog.quiet();
        if (!Files.isRegularFile(file)) {
            throw new MediaException("not a readable file: " + file);
        }
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        grabber.setPixelFormat(pixelFormat);
        if (referenceOnly) {
            grabber.setVideoOption("skip_frame", "noref");
        }
        try {
            grabber.start();
            if (grabber.getVideoStream() < 0 || grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
                throw new MediaException("no video stream in " + file.getFileName());
            }
            limits.checkSize(grabber.getImageWidth(), grabber.getImageHeight());
            int rotation = clockwiseRotation(grabber.getDisplayRotation());
            boolean sideways = rotation % 180 != 0;
            VideoInfo info = new VideoInfo(sideways ? grabber.getImageHeight() : grabber.getImageWidth(),
                    sideways ? grabber.getImageWidth() : grabber.getImageHeight(),
                    positiveOr(grabber.getVideoFrameRate(), 25.0),
                    Math.max(0, grabber.getLengthInTime()) / 1e6,
                    Math.max(0, grabber.getLengthInVideoFrames()),
                    String.valueOf(grabber.getVideoCodecName()),
                    pixelFormatName(grabber),
                    grabber.getAudioStream() >= 0 && grabber.getAudioChannels() > 0,
                    String.valueOf(grabber.getFormat()), rotation, colourOf(grabber));
            if (info.colour().fullRange() && info.bitDepth() == 8 && pixelFormat == avutil.AV_PIX_FMT_YUV420P) {
                // read the samples as stored: converted to yuv420p they would be squeezed into 16-235
                grabber.setPixelFormat(avutil.AV_PIX_FMT_YUVJ420P);
            }
            return new VideoReader(grabber, info, limits);
        } catch (MediaException e) {
            closeQuietly(grabber);
            throw e;
        } catch (Exception | LinkageError e) {
            closeQuietly(grabber);
            throw new MediaException("cannot decode " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    public VideoInfo info() {
        return info;
    }

    /** The next frame, or {@code null} at the end of the stream. */
    public VideoFrame read() throws MediaException {
        Frame frame = next(true);
        return frame == null ? null : copyPlanes(frame, decoded - 1);
    }

    /**
     * Decodes the next frame but neither converts nor copies it (for readers that sample: a detector that
     * looks at a few frames per second). Returns its presentation time in microseconds, or -1 at the end.
     */
    public long skip() throws MediaException {
        Frame frame = next(false);
        return frame == null ? -1 : Math.max(0, frame.timestamp);
    }

    /**
     * Reads the whole stream, converting only the frames a sampler wants: before each frame after the first,
     * {@code wants} is asked with the frame's expected time (the last time plus one and a half frame
     * intervals, slack for jittery timestamps); a frame it does not want is decoded but neither converted nor
     * copied ({@link #skip()}). A frame read early and not sampled just means the next one is read too.
     * {@code onFrame} sees each converted frame, in order; it must {@link VideoFrame#copy()} what it keeps.
     */
    public void readSampled(java.util.function.LongPredicate wants, java.util.function.Consumer<VideoFrame> onFrame)
            throws MediaException {
        long frameMicros = (long) (1e6 / Math.max(1e-3, info.frameRate()));
        long last = -frameMicros;
        boolean first = true;
        while (true) {
            if (!first && !wants.test(last + frameMicros + frameMicros / 2)) {
                long t = skip();
                if (t < 0) {
                    return;
                }
                last = t;
                continue;
            }
            VideoFrame frame = read();
            if (frame == null) {
                return;
            }
            first = false;
            onFrame.accept(frame);
            last = frame.timestampMicros();
        }
    }

    /** The next decoded video frame (converted to YUV 4:2:0 when asked), counted against the frame limit. */
    private Frame next(boolean convert) throws MediaException {
        Frame frame;
        try {
            frame = grabber.grabFrame(false, true, convert, false, false);
        } catch (Exception e) {
            throw new MediaException("decode failed after " + decoded + " frames: " + e.getMessage(), e);
        }
        if (frame == null || frame.image == null) {
            return null;
        }
        if (++decoded > limits.maxFrames()) {
            throw new MediaException("more than " + limits.maxFrames() + " frames: over the decode limit");
        }
        return frame;
    }

    /** Frames decoded so far. */
    public long framesRead() {
        return decoded;
    }

    private VideoFrame copyPlanes(Frame frame, long index) throws MediaException {
        AVFrame av = (AVFrame) frame.opaque;
        int w = frame.imageWidth;
        int h = frame.imageHeight;
        limits.checkSize(w, h);
        int cw = (w + 1) / 2;
        int ch = (h + 1) / 2;
        byte[] y = new byte[w * h];
        byte[] u = new byte[cw * ch];
        byte[] v = new byte[cw * ch];
        if (deepBits > 0) {
            VideoFrame.DeepPlanes deep = new VideoFrame.DeepPlanes(deepBits, new short[w * h], new short[cw * ch],
                    new short[cw * ch]);
            copyDeepPlane(av, 0, deep.y(), y, w, h);
            copyDeepPlane(av, 1, deep.u(), u, cw, ch);
            copyDeepPlane(av, 2, deep.v(), v, cw, ch);
            return new VideoFrame(w, h, y, u, v, index, Math.max(0, frame.timestamp), deep);
        }
        // The grabber pads strides to 64 bytes; copy row by row (notes/media-and-models.md 1.4).
        copyPlane(av.data(0).capacity((long) av.linesize(0) * h).asByteBuffer(), av.linesize(0), y, w, h);
        copyPlane(av.data(1).capacity((long) av.linesize(1) * ch).asByteBuffer(), av.linesize(1), u, cw, ch);
        copyPlane(av.data(2).capacity((long) av.linesize(2) * ch).asByteBuffer(), av.linesize(2), v, cw, ch);
        VideoFrame stored = new VideoFrame(w, h, y, u, v, index, Math.max(0, frame.timestamp));
        return quarterTurns == 0 ? stored : turned(stored, quarterTurns);
    }

    /**
     * FFmpeg's display rotation (degrees counter-clockwise a player turns the stored frame, as
     * {@code -display_rotation} sets it) as the clockwise quarter turn that presents it: 0, 90, 180 or 270.
     * Angles that are not quarter turns are left alone (0).
     */
    static int clockwiseRotation(double counterClockwise) {
        if (!Double.isFinite(counterClockwise)) {
            return 0;
        }
        double cw = ((-counterClockwise % 360) + 360) % 360;
        long quarter = Math.round(cw / 90);
        return Math.abs(cw - quarter * 90) < 1 ? (int) (quarter % 4) * 90 : 0;
    }

    /** The frame turned {@code quarters} quarter turns clockwise, every plane. */
    static VideoFrame turned(VideoFrame f, int quarters) {
        int w = f.width();
        int h = f.height();
        int cw = (w + 1) / 2;
        int ch = (h + 1) / 2;
        boolean sideways = quarters % 2 == 1;
        return new VideoFrame(sideways ? h : w, sideways ? w : h, turn(f.y(), w, h, quarters), turn(f.u(), cw, ch, quarters),
                turn(f.v(), cw, ch, quarters), f.index(), f.timestampMicros());
    }

    private static byte[] turn(byte[] plane, int w, int h, int quarters) {
        byte[] out = new byte[plane.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int to = switch (quarters) {
                    case 1 -> x * h + (h - 1 - y);             // clockwise: (x, y) -> (h-1-y, x)
                    case 2 -> (h - 1 - y) * w + (w - 1 - x);
                    default -> (w - 1 - x) * h + y;            // counter-clockwise: (x, y) -> (y, w-1-x)
                };
                out[to] = plane[y * w + x];
            }
        }
        return out;
    }

    /** One plane of little-endian samples, and the same rounded to 8 bits. */
    private void copyDeepPlane(AVFrame av, int plane, short[] deep, byte[] eight, int width, int height) {
        int stride = av.linesize(plane);
        java.nio.ShortBuffer src = av.data(plane).capacity((long) stride * height).asByteBuffer()
                .order(java.nio.ByteOrder.LITTLE_ENDIAN).asShortBuffer();
        int shift = deepBits - 8;
        int half = 1 << (shift - 1);
        for (int row = 0; row < height; row++) {
            src.position(row * stride / 2);
            src.get(deep, row * width, width);
            for (int i = row * width, end = i + width; i < end; i++) {
                eight[i] = (byte) Math.min(255, ((deep[i] & 0xffff) + half) >> shift);
            }
        }
    }

    private static void copyPlane(ByteBuffer src, int stride, byte[] dst, int width, int height) {
        for (int row = 0; row < height; row++) {
            src.position(row * stride);
            src.get(dst, row * width, width);
        }
    }

    private static ColourDescription colourOf(FFmpegFrameGrabber grabber) {
        try {
            var par = grabber.getFormatContext().streams(grabber.getVideoStream()).codecpar();
            String range = name(avutil.av_color_range_name(par.color_range()), "unknown");
            var format = avutil.av_get_pix_fmt_name(par.format());
            if (format != null && format.getString().startsWith("yuvj")) {
                range = "pc"; // the deprecated full-range formats say it by their name
            }
            return new ColourDescription(name(avutil.av_color_primaries_name(par.color_primaries()), "unknown"),
                    name(avutil.av_color_transfer_name(par.color_trc()), "unknown"),
                    name(avutil.av_color_space_name(par.color_space()), "unknown"), range,
                    name(avutil.av_chroma_location_name(par.chroma_location()), "unspecified"));
        } catch (RuntimeException e) {
            return ColourDescription.UNSPECIFIED;
        }
    }

    private static String name(org.bytedeco.javacpp.BytePointer p, String fallback) {
        String s = p == null ? null : p.getString();
        return s == null || s.isEmpty() ? fallback : s;
    }

    private static String pixelFormatName(FFmpegFrameGrabber grabber) {
        try {
            var st = grabber.getFormatContext().streams(grabber.getVideoStream());
            var name = avutil.av_get_pix_fmt_name(st.codecpar().format());
            return name == null ? "unknown" : name.getString();
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    private static double positiveOr(double value, double fallback) {
        return Double.isFinite(value) && value > 0 ? value : fallback;
    }

    private static void closeQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (Exception ignored) {
            // already failing; the original error is what the caller needs
        }
    }

    @Override
    public void close() throws MediaException {
        try {
            grabber.close();
        } catch (Exception e) {
            throw new MediaException("closing decoder: " + e.getMessage(), e);
        }
    }
}
