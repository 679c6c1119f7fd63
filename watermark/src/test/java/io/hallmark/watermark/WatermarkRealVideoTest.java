package io.hallmark.watermark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallmark.media.EncodeSettings;
import io.hallmark.media.VideoFrame;
import io.hallmark.media.VideoReader;
import io.hallmark.media.VideoWriter;
import io.hallmark.testdata.SharedData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end on real footage: embed, encode with H.264 CRF 28, decode, detect. */
class WatermarkRealVideoTest {
    private static final WatermarkKey KEY = WatermarkKey.fromPassphrase("real video test");
    private static final Payload PAYLOAD = Payload.fromHex("c0ffee0123456789");

    @TempDir
    Path dir;

    @Test
    void survivesH264Crf28OnARealClip() throws Exception {
        Path marked = dir.resolve("marked.mp4");
        WatermarkEmbedder embedder = new WatermarkEmbedder(KEY, PAYLOAD);
        try (VideoReader reader = VideoReader.open(SharedData.clip("sam2_01_dog.mp4"))) {
            try (VideoWriter writer = VideoWriter.create(marked, reader.info().width(), reader.info().height(),
                    reader.info().frameRate(), EncodeSettings.DEFAULT.withCrf(28))) {
                VideoFrame frame;
                while ((frame = reader.read()) != null && frame.timestampMicros() < 2_500_000) {
                    writer.write(embedder.embed(frame));
                }
                writer.finish();
            }
        }
        DetectionResult r = WatermarkDetector.detect(marked, KEY);
        assertTrue(r.detected());
        assertEquals(PAYLOAD, r.payload().orElseThrow());
        assertTrue(r.pValue() < 1e-9);
        assertEquals(3, r.segments().size());
        assertTrue(r.segments().stream().allMatch(Segment::detected));

        DetectionResult wrongKey = WatermarkDetector.detect(marked, WatermarkKey.fromPassphrase("not the key"));
        assertFalse(wrongKey.detected());
        assertTrue(wrongKey.payload().isEmpty());
    }

    @Test
    void unmarkedClipsAreNotDetected() throws Exception {
        for (String clip : new String[] {"mdn_flower.mp4", "sav_055003_cafeteria_portrait.mp4", "intel_asl_book.mkv"}) {
            WatermarkDetector detector = new WatermarkDetector(KEY);
            try (VideoReader reader = VideoReader.open(SharedData.clip(clip))) {
                VideoFrame frame;
                while ((frame = reader.read()) != null && frame.timestampMicros() < 3_000_000) {
                    detector.accept(frame);
                }
            }
            DetectionResult r = detector.result();
            assertFalse(r.detected(), clip);
            assertTrue(r.payload().isEmpty(), clip);
            assertTrue(r.segments().stream().noneMatch(Segment::detected), clip);
        }
    }
}
