package io.hallmark.bench.watermark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallmark.testdata.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reduced run of the false-positive bench (the full one tests over 1,000 windows; see docs/watermark.md). */
class FalsePositiveBenchTest {
    @TempDir
    Path dir;

    @Test
    void unmarkedRealAndSyntheticWindowsAreNeverDetected() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        FalsePositiveBench.Outcome o = FalsePositiveBench.run(dir,
                List.of(SharedData.clip("mdn_stream-of-water.webm"), SharedData.clip("intel_asl_book.mkv")),
                new PrintStream(log, true, "UTF-8"),
                new FalsePositiveBench.Config(1.0, 3.0, List.of("h264_crf35"), 2, 10));
        assertTrue(o.windows() >= 20, "windows: " + o.windows());
        assertEquals(0, o.detections());
        assertEquals(0, o.payloads());
        assertTrue(o.maxZ() < o.threshold());
        assertTrue(Files.readString(dir.resolve("false-positives.md")).contains("false detections: 0"));
    }
}
