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
        assertEquals(ExitCodes.ERROR, first.exitCode(), "the worst result: files that could not be checked " + first);
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
        // c2pa-rs refuses the 1000 nested moov boxes ("too deeply nested"): the credentials are damaged
        assertEquals("DAMAGED", verdicts.get("hostile.mp4"), verdicts.toString());
        assertEquals("SIGNED", verdicts.get("photo.jpg"), "C2PA test image: Valid signature, untrusted signer");
        assertTrue(first.err().contains("total"), "summary table");

        Cli again = Cli.run(home, "scan", uploads.toString(), "--jsonl", jsonl.toString());
        assertEquals(ExitCodes.OK, again.exitCode(), "nothing left to scan: " + again);
        assertTrue(again.err().contains("resuming: 6 of 6"), again.err());
        assertEquals(6, Files.readAllLines(jsonl).size(), "nothing scanned twice");
    }

    @Test
    void oddNamesLinksAndListsAreScannedAsTheFilesTheyAre(@TempDir Path dir) throws Exception {
        Path home = dir.resolve("home");
        Path uploads = Files.createDirectories(dir.resolve("uploads"));
        String payload = "00112233aabbccdd";
        Path marked = uploads.resolve("line one\nline two.mp4");
        Cli e = Cli.run(home, "embed", SharedData.clip("sam2_01_dog.mp4").toString(), "-o", marked.toString(),
                "--payload", payload, "--quiet");
        assertEquals(0, e.exitCode(), e.toString());
        Files.copy(SharedData.clip("intel_asl_book.mkv"), uploads.resolve("plain.mkv"));
        Files.createSymbolicLink(uploads.resolve("broken.mp4"), uploads.resolve("gone.mp4"));
        Files.createSymbolicLink(uploads.resolve("loop-a.mp4"), uploads.resolve("loop-b.mp4"));
        Files.createSymbolicLink(uploads.resolve("loop-b.mp4"), uploads.resolve("loop-a.mp4"));

        Path jsonl = dir.resolve("results.jsonl");
        Cli r = Cli.run(home, "scan", uploads.toString(), "--jsonl", jsonl.toString(), "--threads", "2");
        Map<String, com.fasterxml.jackson.databind.JsonNode> byName = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(jsonl)) {
            var node = json.readTree(line);
            byName.put(Path.of(node.get("file").asText()).getFileName().toString(), node);
        }
        assertEquals(5, byName.size(), "every entry has its line: " + byName.keySet() + " " + r);
        assertEquals(payload, byName.get("line one\nline two.mp4").path("watermark").path("payload").asText(),
                "the newline in a name does not shift answers between files");
        assertTrue(byName.get("plain.mkv").path("watermark").path("payload").isNull(), byName.get("plain.mkv").toString());
        for (String link : List.of("broken.mp4", "loop-a.mp4", "loop-b.mp4")) {
            assertEquals("ERROR", byName.get(link).path("verdict").asText(), link);
        }

        Path list = Files.writeString(dir.resolve("list.txt"), uploads.resolve("plain.mkv") + "\n");
        Cli fromList = Cli.run(home, "scan", "@" + list);
        assertEquals(ExitCodes.NO_PROVENANCE, fromList.exitCode(), "scan's own @LIST, not picocli's @-file: " + fromList);
        assertTrue(fromList.out().contains("plain.mkv"), fromList.out());
    }
}
