package io.hallmark.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Encodes {@link VideoFrame}s to H.264 MP4 (libx264, yuv420p, faststart), at constant frame rate or, with
 * {@link EncodeSettings#sourceTiming()}, at each frame's own timestamp (on a 90 kHz clock).
 *
 * <p>Output is written to a temporary file beside the destination and moved into place only by
 * {@link #finish()}; {@link #close()} without {@code finish()} (an exception, a cancel) deletes it, so a
 * failed run never leaves a partial file. Audio, when {@link EncodeSettings#audioSource()} has any, is
 * copied unchanged (remuxed) at finish.
 */
public final class VideoWriter implements AutoCloseable {
    /** Time base of source-timed streams: the 90 kHz MPEG clock. */
    private static final int CLOCK_HZ = 90_000;

    private final FFmpegFrameRecorder recorder;
    private final Path destination;
    private final Path temp;
    private final EncodeSettings settings;
    private final int width;
    private final int height;
    private final double frameRate;
    private final ByteBuffer packed;
    private long written;
    private long lastTick = -1;
    private boolean finished;
    private boolean closed;

    private VideoWriter(FFmpegFrameRecorder recorder, Path destination, Path temp, EncodeSettings settings,
                        int width, int height, double frameRate) {
        this.recorder = recorder;
        this.frameRate = frameRate;
        this.destination = destination;
        this.temp = temp;
        this.settings = settings;
        this.width = width;
        this.height = height;
        int chroma = ((width + 1) / 2) * ((height + 1) / 2);
        int bytesPerSample = settings.bitDepth() > 8 ? 2 : 1;
        this.packed = ByteBuffer.allocateDirect(bytesPerSample * (width * height + 2 * chroma))
                .order(java.nio.ByteOrder.nativeOrder());
    }

    public static VideoWriter create(Path destination, int width, int height, double frameRate,
                                     EncodeSettings settings) throws MediaException {
        FfmpegLog.quiet();
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
            throw new MediaException("H.264 4:2:0 needs an even, positive frame size, got " + width + "x" + height);
        }
        if (!(frameRate > 0 && frameRate <= 1000)) {
            throw new MediaException("frame rate must be within (0, 1000]: " + frameRate);
        }
        Path dir = destination.toAbsolutePath().getParent();
        Path temp;
        try {
            Files.createDirectories(dir);
            temp = OutputFiles.createTempBeside(destination, ".part.mp4");
        } catch (IOException e) {
            throw new MediaException("cannot write to " + dir + ": " + e.getMessage(), e);
        }
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(temp.toFile(), width, height, 0);
        recorder.setFormat("mp4");
        recorder.setVideoCodec(settings.codec().id());
        recorder.setPixelFormat(pixelFormat(settings));
        // Source timing: the stream's clock ticks at 90 kHz (the MPEG clock: exact for 24, 25, 30 and
        // 29.97 fps) and each frame is placed at its own timestamp; x264 still gets the nominal rate.
        recorder.setFrameRate(settings.sourceTiming() ? CLOCK_HZ : frameRate);
        if (settings.codec() == VideoCodec.HEVC) {
            // x265 prints a banner and per-encode statistics on stderr unless told not to
            recorder.setVideoOption("x265-params", "log-level=error" + (settings.sourceTiming() ? ":fps=" + frameRate : "")
                    + settings.hdr().x265Params());
        } else {
            String params = (settings.sourceTiming() ? ":fps=" + frameRate : "") + settings.hdr().x264Params();
            if (!params.isEmpty()) {
                recorder.setVideoOption("x264-params", params.substring(1));
            }
        }
        recorder.setVideoOption("crf", Integer.toString(settings.crf()));
        // the colour description in the stream (VUI) and the container (colr): without it players guess
        for (String[] option : settings.colour().encoderOptions()) {
            recorder.setVideoOption(option[0], option[1]);
        }
        recorder.setVideoOption("preset", settings.preset());
        recorder.setOption("movflags", "+faststart");
        try {
            recorder.start();
        } catch (Exception | LinkageError e) {
            deleteQuietly(temp);
            throw new MediaException("cannot start the " + settings.codec().encoder() + " encoder: " + e.getMessage(), e);
        }
        return new VideoWriter(recorder, destination, temp, settings, width, height, frameRate);
    }

    private static int pixelFormat(EncodeSettings settings) {
        return settings.bitDepth() == 10 ? avutil.AV_PIX_FMT_YUV420P10LE : avutil.AV_PIX_FMT_YUV420P;
    }

    public void write(VideoFrame frame) throws MediaException {
        if (finished || closed) {
            throw new IllegalStateException("writer already finished");
        }
        if (frame.width() != width || frame.height() != height) {
            throw new MediaException("frame is " + frame.width() + "x" + frame.height()
                    + " but the stream is " + width + "x" + height);
        }
        // recordImage wants the three planes packed back to back without padding (media notes 1.5).
        packed.clear();
        java.nio.Buffer image;
        if (settings.bitDepth() > 8) {
            VideoFrame.DeepPlanes deep = frame.deep().orElseThrow(() -> new MediaException(
                    "a " + settings.bitDepth() + "-bit encode needs frames with their " + settings.bitDepth() + "-bit samples"));
            if (deep.bitDepth() != settings.bitDepth()) {
                throw new MediaException("frame has " + deep.bitDepth() + "-bit samples, the stream " + settings.bitDepth());
            }
            java.nio.ShortBuffer samples = packed.asShortBuffer();
            samples.put(deep.y()).put(deep.u()).put(deep.v()).flip();
            image = samples;
        } else {
            packed.put(frame.y()).put(frame.u()).put(frame.v()).flip();
            image = packed;
        }
        try {
            if (settings.sourceTiming()) {
                // Strictly increasing ticks: a frame that rounds onto its predecessor moves one tick on.
                long tick = Math.max(lastTick + 1, Math.round(frame.timestampMicros() * (CLOCK_HZ / 1e6)));
                recorder.setFrameNumber(Math.toIntExact(tick));
                lastTick = tick;
            }
            recorder.recordImage(width, height, settings.bitDepth() > 8 ? Frame.DEPTH_USHORT : Frame.DEPTH_UBYTE, 1, width,
                    pixelFormat(settings), image);
        } catch (Exception e) {
            throw new MediaException("encode failed at frame " + written + ": " + e.getMessage(), e);
        }
        written++;
    }

    public long framesWritten() {
        return written;
    }

    /** Flushes the encoder, adds the audio, and moves the file into place atomically. */
    public void finish() throws MediaException {
        if (finished) {
            return;
        }
        try {
            recorder.stop();
            recorder.release();
        } catch (Exception e) {
            close();
            throw new MediaException("finishing the encode failed: " + e.getMessage(), e);
        }
        finished = true;
        Path result = temp;
        Path muxed = null;
        try {
            boolean hevc = settings.codec() == VideoCodec.HEVC;
            if (settings.audioSource().isPresent() || settings.sourceTiming() || hevc) {
                // source timing: the last frame lasts one frame interval, as the source's did, not one 90 kHz tick
                muxed = OutputFiles.createTempBeside(destination, ".mux.mp4");
                Ffmpeg.remux(temp, settings.audioSource(), settings.sourceTiming() ? Math.round(CLOCK_HZ / frameRate) : 0,
                        hevc ? "hvc1" : null, muxed);
                result = muxed;
            }
            OutputFiles.moveIntoPlace(result, destination);
        } catch (IOException e) {
            throw e instanceof MediaException me ? me : new MediaException("cannot write " + destination + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
            if (muxed != null) {
                deleteQuietly(muxed);
            }
            closed = true;
        }
    }

    /** Without a prior {@link #finish()}: abandons the encode and deletes the partial output. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!finished) {
            try {
                recorder.close();
            } catch (Exception ignored) {
                // abandoning anyway
            }
            deleteQuietly(temp);
        }
    }

    /** Best-effort delete (also used by {@link ExternalProcess} for its output files). */
    static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // best effort: a leftover temp file is harmless
        }
    }
}
