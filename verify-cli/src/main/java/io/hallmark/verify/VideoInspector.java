package io.hallmark.verify;

import io.hallmark.watermark.DetectionResult;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Decodes a video for the verifier: the watermark detection and a first-frame thumbnail. Decoding is
 * where hostile files can hurt (native FFmpeg), so this is the seam where it can be moved into a child
 * process ({@link io.hallmark.verify.isolation.IsolatedInspector}).
 */
public interface VideoInspector extends AutoCloseable {
    /** What decoding found; {@code error} says why there is no detection. */
    record Inspection(Optional<DetectionResult> detection, Optional<byte[]> thumbnailJpeg, Optional<String> error) {
        public static Inspection failed(String reason) {
            return new Inspection(Optional.empty(), Optional.empty(), Optional.of(reason));
        }
    }

    Inspection inspect(Path video);

    @Override
    default void close() {
    }
}
