package io.hallmark.verify;

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
 * detector's own decode loop, with the first frame kept as the thumbnail.
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
    public Inspection inspect(Path video) {
        AtomicReference<byte[]> thumbnail = new AtomicReference<>();
        try {
            DetectionResult result = WatermarkDetector.detect(video, key, options,
                    first -> thumbnail.set(FrameImages.jpegThumbnail(first, 320)));
            return new Inspection(Optional.of(result), Optional.ofNullable(thumbnail.get()), Optional.empty());
        } catch (Exception | LinkageError e) {
            return Inspection.failed(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }
}
