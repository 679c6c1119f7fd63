package io.hallmark.verify;

import io.hallmark.media.FrameImages;
import io.hallmark.media.VideoFrame;
import io.hallmark.media.VideoReader;
import io.hallmark.watermark.DetectOptions;
import io.hallmark.watermark.WatermarkDetector;
import io.hallmark.watermark.WatermarkKey;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Decodes in this JVM: for trusted files, and inside the worker process. One pass over the file: the
 * first frame becomes the thumbnail, the frames the detector samples (a few per second) are converted and
 * analysed, and every other frame is decoded but neither converted nor copied — which is most of the
 * difference between "look at the video" and "decode it", the floor this verifier is measured against.
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
        WatermarkDetector detector = new WatermarkDetector(key, options);
        Optional<byte[]> thumbnail = Optional.empty();
        try (VideoReader reader = VideoReader.open(video)) {
            long interval = (long) (1e6 / options.analysisFps());
            long frameMicros = (long) (1e6 / reader.info().frameRate());
            long next = Long.MIN_VALUE; // the detector's next sampling time (same rule as its own)
            long last = -frameMicros;
            while (true) {
                boolean wanted = next == Long.MIN_VALUE || last + frameMicros >= next - frameMicros / 2;
                if (!wanted) {
                    long t = reader.skip();
                    if (t < 0) {
                        break;
                    }
                    last = t;
                    continue;
                }
                VideoFrame frame = reader.read();
                if (frame == null) {
                    break;
                }
                last = frame.timestampMicros();
                if (thumbnail.isEmpty()) {
                    thumbnail = Optional.of(FrameImages.jpegThumbnail(frame, 320));
                }
                detector.accept(frame);
                if (next == Long.MIN_VALUE || last >= next) {
                    next = (next == Long.MIN_VALUE ? last : Math.max(next, last - interval)) + interval;
                }
            }
            return new Inspection(Optional.of(detector.result()), thumbnail, Optional.empty());
        } catch (Exception | LinkageError e) {
            return Inspection.failed(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }
}
