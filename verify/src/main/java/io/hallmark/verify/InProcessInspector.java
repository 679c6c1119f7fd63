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
 * detector's own decode loop, with the first frame kept as the thumbnail and the decoded frames fingerprinted.
 */
public final class InProcessInspector implements VideoInspector {
    private final WatermarkKey key;
    private final DetectOptions options;

    public InProcessInspector(WatermarkKey key) {
        this(key, DetectOptions.DEFAULT);
    }

    public InProcessInspector(WatermarkKey key, DetectOptions options) {
        this.key = key;
        this.options = options;
    }

    @Override
    public Audit audit(Path video, io.hallmark.fingerprint.Reorientation reorientation) {
        try {
            return new Audit(Optional.of(VideoFingerprinter.audit(video, new java.security.SecureRandom(), reorientation)),
                    Optional.empty());
        } catch (Exception | LinkageError e) {
            return Audit.failed(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    @Override
    public Inspection inspect(Path video) {
        AtomicReference<byte[]> thumbnail = new AtomicReference<>();
        VideoFingerprinter fingerprinter = VideoFingerprinter.forVerification();
        try {
            DetectionResult result = WatermarkDetector.detect(video, key, options, frame -> {
                if (thumbnail.get() == null) {
                    thumbnail.set(FrameImages.jpegThumbnail(frame, 320));
                }
                fingerprinter.accept(frame);
            });
            return new Inspection(Optional.of(result), Optional.of(fingerprinter.result()),
                    Optional.ofNullable(thumbnail.get()), Optional.empty());
        } catch (Exception | LinkageError e) {
            return Inspection.failed(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }
}
