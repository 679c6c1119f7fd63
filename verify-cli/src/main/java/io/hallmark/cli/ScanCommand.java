package io.hallmark.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallmark.verify.Verdict;
import io.hallmark.verify.VerificationReport;
import io.hallmark.verify.Verifier;
import io.hallmark.verify.render.ReportJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Verify every file under a folder, in parallel.", "DIR is walked recursively; @LIST names a file with one path per line. Writes one JSON line per file (schema hallmark.verify/2) and a summary table. With --jsonl an interrupted scan resumes: files already in the JSONL are skipped. One bad file never stops the scan.", "Exit: the worst result over the files scanned, as for verify: 0 all signed/recovered, 3 watermark only or no provenance, 6 cannot be verified, 4 tampered, 5 copied watermark, 1 a file could not be checked."})
final class ScanCommand implements java.util.concurrent.Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR|@LIST", description = "Folder to walk, or @file listing paths.")
    String target;

    @Option(names = "--jsonl", paramLabel = "OUT", description = "Append results here (and resume from it).")
    Path jsonl;

    @Option(names = "--threads", defaultValue = "2", description = "Files verified at once (default: ${DEFAULT-VALUE}).")
    int threads;


    @Option(names = "--quiet", description = "No progress output.")
    boolean quiet;

    @Mixin
    VerifierOptions verification;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("--threads must be within 1..64");
        }
        List<Path> files = listFiles(target);
        Set<String> done = jsonl != null ? alreadyScanned(jsonl) : Set.of();
        List<Path> todo = files.stream().filter(f -> !done.contains(f.toString())).toList();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!done.isEmpty() && !quiet) {
            err.printf("resuming: %d of %d files already in %s%n", files.size() - todo.size(), files.size(), jsonl);
        }
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        int worst = ExitCodes.OK;
        ProgressBar progress = new ProgressBar(err, quiet);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        try (Verifier verifier = verification.open(threads);
             BufferedWriter sink = jsonl == null ? null : Files.newBufferedWriter(jsonl, StandardCharsets.UTF_8,
                     StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            // Reports (thumbnails included) are written out and dropped as they finish: nothing keeps them.
            ExecutorCompletionService<VerificationReport> completion = new ExecutorCompletionService<>(pool);
            for (Path f : todo) {
                completion.submit(() -> safeVerify(verifier, f));
            }
            for (int i = 0; i < todo.size(); i++) {
                VerificationReport r = completion.take().get();
                counts.merge(r.verdict(), 1, Integer::sum);
                worst = VerifyCommand.worse(worst, VerifyCommand.codeOf(r.verdict()));
                String line = ReportJson.toJson(r).toString();
                if (sink != null) {
                    sink.write(line);
                    sink.newLine();
                    sink.flush(); // each finished file is durable: an interrupted scan resumes after it
                } else {
                    out.println(line);
                }
                progress.update("scanning", i + 1, todo.size());
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        progress.update("done", todo.size(), todo.size());
        printSummary(err, counts, todo.size(), seconds);
        // Per-file verdicts are in the results; the exit code says the worst of them, as verify's does, so a
        // script notices tampered or unreadable files without parsing the output.
        return worst;
    }

    private static VerificationReport safeVerify(Verifier verifier, Path file) {
        try {
            return verifier.verify(file);
        } catch (RuntimeException | Error e) {
            // Whatever a hostile file does to a library, the scan goes on and says so.
            return VerificationReport.error(file, String.valueOf(e));
        }
    }

    static List<Path> listFiles(String target) throws IOException {
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
            // Broken links and link loops are listed too: they get an ERROR line and a count, not silence.
            return walk.filter(p -> Files.isRegularFile(p) || Files.isSymbolicLink(p) && !Files.exists(p))
                    .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    static Set<String> alreadyScanned(Path jsonl) throws IOException {
        Set<String> done = new HashSet<>();
        if (!Files.exists(jsonl)) {
            return done;
        }
        ObjectMapper mapper = new ObjectMapper();
        for (String line : Files.readAllLines(jsonl)) {
            try {
                JsonNode node = mapper.readTree(line);
                if (node instanceof ObjectNode && node.hasNonNull("file")) {
                    done.add(node.get("file").asText());
                }
            } catch (IOException torn) {
                // a line cut by the interruption: that file is scanned again
            }
        }
        return done;
    }

    private static void printSummary(PrintWriter err, Map<Verdict, Integer> counts, int total, double seconds) {
        err.println();
        err.printf("%-16s %6s%n", "verdict", "files");
        for (Verdict v : Verdict.values()) {
            err.printf("%-16s %6d%n", v.name(), counts.getOrDefault(v, 0));
        }
        err.printf("%-16s %6d   in %.1f s (%.1f files/min)%n", "total", total, seconds,
                total / Math.max(seconds, 1e-9) * 60);
        err.flush();
    }
}
