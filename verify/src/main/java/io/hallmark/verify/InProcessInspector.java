package io.hallmark.verify;

import io.hallmark.fingerprint.VideoFingerprinter;
import io.hallmark.media.FrameImages;
import io.hallmark.watermark.DetectOptions;
import io.hallmark.watermark.DetectionResult;
import io.hallmark.watermark.WatermarkDetector;
import io.hallmark.watermark.WatermarkKey;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Decodes in this JVM: for trusted files, and inside the worker process. One pass over the file: the
 * detector's own decode loop, with the first frame kept as the thumbnail, frames spread over the video kept for the
 * frame strip, and the decoded frames fingerprinted.
 */
public final class InProcessInspector implements VideoInspector {
    /** The frame strip: this many pictures of this width (pixels). */
    static final int STRIP_PICTURES = 8;
    static final int STRIP_WIDTH = 160;
    private final WatermarkKey key;
    private final DetectOptions options;

    public InProcessInspector(WatermarkKey key) {
        this(key, DetectOptions.DEFAULT);
    }

    public InProcessInspector(WatermarkKey key, DetectOptions options) {
        this.key = key;
        this.options = options;
    }

    /**
     * The audit's sample times are drawn from the SHA-256 of the file's bytes: the same file is sampled at the same
     * times by the CLI, the service and a resolver (one decision, every surface), and a forger who wants the signed
     * frames where the samples fall cannot aim: any change to the file moves every sample time.
     */
    @Override
    public Audit audit(Path video, io.hallmark.fingerprint.Reorientation reorientation) {
        try {
            return new Audit(Optional.of(VideoFingerprinter.audit(video, new java.util.Random(contentSeed(video)), reorientation)),
                    Optional.empty());
        } catch (Exception | LinkageError e) {
            return Audit.failed(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** The first 8 bytes of the SHA-256 of the file's bytes. */
    static long contentSeed(Path file) throws java.io.IOException {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
            return java.nio.ByteBuffer.wrap(sha.digest()).getLong();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    @Override
    public java.util.Optional<WatermarkKey> watermarkKey() {
        return java.util.Optional.of(key);
    }

    @Override
    public Inspection inspect(Path video) {
        AtomicReference<byte[]> thumbnail = new AtomicReference<>();
        io.hallmark.media.FrameStrip strip = new io.hallmark.media.FrameStrip(STRIP_WIDTH);
        VideoFingerprinter fingerprinter = VideoFingerprinter.forVerification();
        try {
            DetectionResult result = WatermarkDetector.detect(video, key, options, frame -> {
                if (thumbnail.get() == null) {
                    thumbnail.set(FrameImages.jpegThumbnail(frame, 320));
                }
                strip.accept(frame);
                fingerprinter.accept(frame);
            });
            return new Inspection(Optional.of(result), Optional.of(fingerprinter.result()),
                    Optional.ofNullable(thumbnail.get()), strip.jpeg(STRIP_PICTURES), Optional.empty());
        } catch (Exception | LinkageError e) {
            return Inspection.failed(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }
}
