package io.hallmark.verify;

import io.hallmark.media.FrameImages;
import io.hallmark.media.VideoFrame;
import io.hallmark.media.VideoReader;
import io.hallmark.watermark.DetectionResult;
import io.hallmark.watermark.WatermarkDetector;
import io.hallmark.watermark.WatermarkKey;
import java.nio.file.Path;
import java.util.Optional;

/** Decodes in this JVM: fastest, for trusted files and for the worker process itself. */
public final class InProcessInspector implements VideoInspector {
    private final WatermarkKey key;

    public InProcessInspector(WatermarkKey key) {
        this.key = key;
    }

    @Override
    public Inspection inspect(Path video) {
        try {
            DetectionResult result = WatermarkDetector.detect(video, key);
            Optional<byte[]> thumbnail;
            try (VideoReader reader = VideoReader.open(video)) {
                VideoFrame first = reader.read();
                thumbnail = first == null ? Optional.empty() : Optional.of(FrameImages.jpegThumbnail(first, 320));
            }
            return new Inspection(Optional.of(result), thumbnail, Optional.empty());
        } catch (Exception | LinkageError e) {
            return Inspection.failed(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }
}
