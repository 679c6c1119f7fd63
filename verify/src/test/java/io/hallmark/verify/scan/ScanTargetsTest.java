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
}
