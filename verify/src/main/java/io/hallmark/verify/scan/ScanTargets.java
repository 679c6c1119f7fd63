package io.hallmark.verify.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** What a scan covers: the files under a folder or named in a list, less those a previous run already reported. */
public final class ScanTargets {
    private ScanTargets() {}

    /**
     * The files to scan, sorted.
     *
     * @param target a folder (walked recursively; hidden files included, since an upload may be named {@code .x.mp4}
     *               to slip past; broken links listed so that they get an ERROR line, not silence) or {@code @LIST}, a file with one path per line ({@code #} comments)
     * @throws IllegalArgumentException when {@code target} is neither a folder nor {@code @LIST}
     * @throws IOException when the folder or list cannot be read
     */
    public static List<Path> list(String target) throws IOException {
        if (target.startsWith("@")) {
            List<Path> files = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of(target.substring(1)))) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    files.add(Path.of(line.strip()));
                }
            }
            return files;
        }
        Path dir = Path.of(target);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(target + " is not a folder (use @LIST for a list of files)");
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> Files.isRegularFile(p) || Files.isSymbolicLink(p) && !Files.exists(p)).sorted().toList();
        }
    }

    /** The files of {@code files} that {@code jsonl} does not report yet (all of them without a JSONL). */
    public static List<Path> pending(List<Path> files, Optional<Path> jsonl) throws IOException {
        Set<String> done = jsonl.isPresent() ? alreadyScanned(jsonl.get()) : Set.of();
        return files.stream().filter(f -> !done.contains(f.toString())).toList();
    }

    /**
     * The files a JSONL written by an earlier scan already reports (its {@code file} fields). A line cut by an
     * interruption is ignored, and so is a report without a verdict because a look-up could not be made then
     * ({@code "retryable": true}): those files are scanned again.
     *
     * @param jsonl the results file; a missing file means nothing was scanned yet
     */
    public static Set<String> alreadyScanned(Path jsonl) throws IOException {
        Set<String> done = new HashSet<>();
        if (!Files.exists(jsonl)) {
            return done;
        }
        ObjectMapper mapper = new ObjectMapper();
        for (String line : Files.readAllLines(jsonl)) {
            try {
                JsonNode node = mapper.readTree(line);
                if (node instanceof ObjectNode && node.hasNonNull("file") && !node.path("retryable").asBoolean(false)) {
                    done.add(node.get("file").asText());
                }
            } catch (IOException torn) {
                // a line cut by the interruption: that file is scanned again
            }
        }
        return done;
    }
}
