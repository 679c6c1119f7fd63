package io.hallmark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallmark.testdata.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {
    @Test
    void scansAMixedFolderInParallelCountsEveryVerdictAndResumes(@TempDir Path dir) throws Exception {
        Path home = dir.resolve("home");
        Path uploads = Files.createDirectories(dir.resolve("uploads"));
        Cli gen = Cli.run(home, "generate", "--prompt", "rain on a pond", "--duration", "2", "--size", "320x180",
                "--quiet", "-o", uploads.resolve("signed.mp4").toString());
        assertEquals(0, gen.exitCode(), gen.toString());
        Files.copy(SharedData.clip("intel_asl_book.mkv"), uploads.resolve("unmarked.mkv"));
        Files.copy(SharedData.c2paFixture("c2pa-rs/video/nested_moov_1000.mp4"), uploads.resolve("hostile.mp4"));
        Files.copy(SharedData.c2paFixture("c2pa-rs/image/C.jpg"), uploads.resolve("photo.jpg"));
        Files.writeString(uploads.resolve("readme.txt"), "not media");
        byte[] noise = new byte[50_000];
        new java.util.Random(1).nextBytes(noise);
        Files.write(uploads.resolve("noise.webm"), noise);

        Path jsonl = dir.resolve("results.jsonl");
        Cli first = Cli.run(home, "scan", uploads.toString(), "--jsonl", jsonl.toString(), "--threads", "2");
        assertEquals(0, first.exitCode(), first.toString());
        List<String> lines = Files.readAllLines(jsonl);
        assertEquals(6, lines.size(), "one line per file");
        Map<String, String> verdicts = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            var node = json.readTree(line);
            verdicts.put(Path.of(node.get("file").asText()).getFileName().toString(), node.get("verdict").asText());
        }
        assertEquals("SIGNED", verdicts.get("signed.mp4"));
        assertEquals("NO_PROVENANCE", verdicts.get("unmarked.mkv"));
        assertEquals("ERROR", verdicts.get("readme.txt"));
        assertEquals("ERROR", verdicts.get("noise.webm"));
        assertTrue(List.of("TAMPERED", "ERROR").contains(verdicts.get("hostile.mp4")), verdicts.toString());
        assertEquals("SIGNED", verdicts.get("photo.jpg"), "C2PA test image: Valid signature, untrusted signer");
        assertTrue(first.err().contains("total"), "summary table");

        Cli again = Cli.run(home, "scan", uploads.toString(), "--jsonl", jsonl.toString());
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(again.err().contains("resuming: 6 of 6"), again.err());
        assertEquals(6, Files.readAllLines(jsonl).size(), "nothing scanned twice");
    }
}
