package io.hallmark.verify.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files a scan of a folder checks. */
class ScanTargetsTest {
    @Test
    void everyFileIsListedHiddenOnesIncludedSoThatNoUploadSlipsPast(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("sub/.hidden-folder"));
        Path plain = Files.writeString(dir.resolve("clip.mp4"), "x");
        Path dotted = Files.writeString(dir.resolve(".clip.mp4"), "x");
        Path inHidden = Files.writeString(dir.resolve("sub/.hidden-folder/a.mp4"), "x");
        assertEquals(List.of(dotted, plain, inHidden), ScanTargets.list(dir.toString()));
    }

    @Test
    void aResumedScanChecksAgainTheFilesThatGotNoVerdictBecauseALookUpCouldNotBeMade(@TempDir Path dir) throws Exception {
        Path jsonl = Files.writeString(dir.resolve("results.jsonl"), String.join("\n",
                "{\"file\":\"a.mp4\",\"verdict\":\"SIGNED\"}",
                "{\"file\":\"b.mp4\",\"verdict\":\"ERROR\",\"retryable\":true}",
                "{\"file\":\"c.mp4\",\"verdict\":\"ERROR\"}", "{\"file\":\"d.m") + "\n");
        assertEquals(List.of(Path.of("b.mp4"), Path.of("d.mp4")), ScanTargets.pending(
                List.of(Path.of("a.mp4"), Path.of("b.mp4"), Path.of("c.mp4"), Path.of("d.mp4")), java.util.Optional.of(jsonl)));
    }
}
