package io.hallmark.beam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallmark.Hallmark;
import io.hallmark.HallmarkConfig;
import io.hallmark.HallmarkHome;
import io.hallmark.generator.GenerationRequest;
import io.hallmark.generator.pipeline.CertifiedVideo;
import io.hallmark.media.Ffmpeg;
import io.hallmark.provenance.store.ManifestStore;
import io.hallmark.provenance.store.SoftBindingServer;
import io.hallmark.testdata.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan pipeline over a mixed corpus, with exact results: on the DirectRunner, on an embedded Flink cluster, with
 * a decoder that crashes on every file, and run twice over the same input.
 */
class ScanPipelineTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path home;
    static Path corpus;
    static ManifestStore store;
    static SoftBindingServer storeService;
    /** file name -> the verdict it must get. */
    static final Map<String, String> EXPECTED = new TreeMap<>();

    @BeforeAll
    static void uploads() throws Exception {
        home = dir.resolve("home");
        corpus = Files.createDirectories(dir.resolve("uploads"));
        CertifiedVideo certified;
        try (Hallmark h = Hallmark.open(HallmarkConfig.of(HallmarkHome.resolve(home)))) {
            certified = h.generate(new GenerationRequest("a lighthouse in fog", 5, 2.0, 320, 240, 25),
                    corpus.resolve("certified.mp4"));
        }
        EXPECTED.put("certified.mp4", "SIGNED");
        Ffmpeg.run(120, "-i", certified.file().toString(), "-c:v", "libx264", "-crf", "23", "-map_metadata", "-1", "-an",
                corpus.resolve("stripped.mp4").toString());
        EXPECTED.put("stripped.mp4", "RECOVERED");
        Path tampered = Files.copy(certified.file(), corpus.resolve("tampered.mp4"));
        io.hallmark.testdata.Tampering.flipByteFromEnd(tampered, 3000);
        EXPECTED.put("tampered.mp4", "TAMPERED");
        Files.copy(SharedData.clip("mdn_flower.mp4"), corpus.resolve("unmarked.mp4"));
        EXPECTED.put("unmarked.mp4", "NO_PROVENANCE");
        byte[] whole = Files.readAllBytes(SharedData.clip("sam2_01_dog.mp4"));
        Files.write(corpus.resolve("truncated.mp4"), java.util.Arrays.copyOf(whole, whole.length / 3));
        byte[] noise = new byte[100_000];
        new Random(3).nextBytes(noise);
        Files.write(corpus.resolve("random.bin"), noise);
        // the shared store a platform's workers use: here the publisher's store behind the SBR API
        store = ManifestStore.open(home.resolve("manifests.db"));
        storeService = SoftBindingServer.start(store, 0);
    }

    @AfterAll
    static void close() throws Exception {
        if (storeService != null) {
            storeService.close();
        }
        if (store != null) {
            store.close();
        }
    }

    private static ScanOptions options(String output, String... more) {
        List<String> args = new ArrayList<>(List.of("--input=" + corpus + "/*", "--output=" + dir.resolve(output) + "/scan",
                "--hallmarkHome=" + home, "--store=" + storeService.url(), "--shards=2", "--perFileTimeoutSeconds=120"));
        args.addAll(List.of(more));
        PipelineOptionsFactory.register(ScanOptions.class);
        return PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).as(ScanOptions.class);
    }

    /** Every report line written under {@code output}, by file name. */
    private static Map<String, JsonNode> reports(String output) throws IOException {
        Map<String, JsonNode> byName = new TreeMap<>();
        for (String line : lines(output, "scan-results-")) {
            JsonNode r = JSON.readTree(line);
            String name = Path.of(r.path("file").asText()).getFileName().toString();
            JsonNode before = byName.put(name, r);
            assertTrue(before == null, name + " reported twice");
        }
        return byName;
    }

    private static Map<String, String> withoutDamaged(Map<String, String> rows) {
        Map<String, String> kept = new TreeMap<>(rows);
        kept.keySet().removeAll(List.of("truncated.mp4", "random.bin"));
        return kept;
    }

    /** file name -> verdict, from the Parquet shards (read back with parquet-avro, as an analyst's tool would). */
    private static Map<String, String> parquetVerdicts(String output) throws IOException {
        Map<String, String> rows = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir.resolve(output))) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList()) {
                try (var reader = org.apache.parquet.avro.AvroParquetReader.<org.apache.avro.generic.GenericRecord>builder(
                        org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(f.toUri()),
                                new org.apache.hadoop.conf.Configuration())).build()) {
                    for (var row = reader.read(); row != null; row = reader.read()) {
                        String name = Path.of(row.get("file").toString()).getFileName().toString();
                        assertTrue(rows.put(name, row.get("verdict").toString()) == null, name + " twice in Parquet");
                    }
                }
            }
        }
        return rows;
    }

    /** The verdict counts of a summary line the pipeline wrote. */
    private static Map<String, Long> summaryCounts(String summaryJson) throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        JSON.readTree(summaryJson).path("verdicts").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }

    private static List<String> lines(String output, String prefix) throws IOException {
        List<String> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve(output))) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && !p.getFileName().toString().endsWith(".parquet")).sorted().toList()) {
                all.addAll(Files.readAllLines(f).stream().filter(l -> !l.isBlank()).toList());
            }
        }
        return all;
    }

    private static void assertTheCorpusIsReportedExactly(String output) throws IOException {
        Map<String, JsonNode> reports = reports(output);
        assertEquals(6, reports.size(), reports.keySet().toString());
        for (Map.Entry<String, String> e : EXPECTED.entrySet()) {
            assertEquals(e.getValue(), reports.get(e.getKey()).path("verdict").asText(),
                    e.getKey() + ": " + reports.get(e.getKey()).path("sentence").asText());
        }
        // damaged and random files: reported, never as signed or recovered
        for (String name : List.of("truncated.mp4", "random.bin")) {
            String verdict = reports.get(name).path("verdict").asText();
            assertTrue(List.of("ERROR", "NO_PROVENANCE", "UNVERIFIABLE", "DAMAGED").contains(verdict), name + ": " + verdict);
        }
        assertEquals("hallmark.verify/2", reports.get("certified.mp4").path("schema").asText());
        Map<String, Long> summary = summaryCounts(lines(output, "scan-summary").get(0));
        assertEquals(6L, summary.values().stream().mapToLong(Long::longValue).sum(), summary.toString());
        assertEquals(1L, summary.get("RECOVERED"));
    }

    @Test
    void theDirectRunnerReportsEveryFileOnceAndARerunReplacesInsteadOfAdding() throws Exception {
        PipelineResult result = ScanPipeline.build(options("direct", "--runner=DirectRunner")).run();
        assertEquals(PipelineResult.State.DONE, result.waitUntilFinish());
        assertTheCorpusIsReportedExactly("direct");
        assertTrue(lines("direct", "scan-deadletter").isEmpty());
        Map<String, String> rows = parquetVerdicts("direct");
        assertEquals(6, rows.size(), rows.toString());
        for (Map.Entry<String, String> e : EXPECTED.entrySet()) {
            assertEquals(e.getValue(), rows.get(e.getKey()), "Parquet row of " + e.getKey());
        }
        long signed = 0;
        for (MetricResult<Long> c : result.metrics().queryMetrics(MetricsFilter.builder()
                .addNameFilter(MetricNameFilter.named(VerifyFn.class, "verdict_SIGNED")).build()).getCounters()) {
            signed += c.getAttempted();
        }
        assertEquals(1, signed, "a Beam counter per verdict");

        assertEquals(PipelineResult.State.DONE, ScanPipeline.build(options("direct", "--runner=DirectRunner")).run()
                .waitUntilFinish());
        assertTheCorpusIsReportedExactly("direct");
    }

    @Test
    void aListedFileThatIsGoneGoesToTheDeadLettersWithItsReason() throws Exception {
        Path list = Files.writeString(dir.resolve("list.txt"), corpus.resolve("certified.mp4") + "\n\n"
                + corpus.resolve("gone.mp4") + "\n");
        ScanOptions o = options("listed", "--runner=DirectRunner");
        o.setInput(null);
        o.setInputList(list.toString());
        assertEquals(PipelineResult.State.DONE, ScanPipeline.build(o).run().waitUntilFinish());
        assertEquals(List.of("certified.mp4"), List.copyOf(reports("listed").keySet()));
        List<String> dead = lines("listed", "scan-deadletter");
        assertEquals(1, dead.size(), dead.toString());
        JsonNode letter = JSON.readTree(dead.get(0));
        assertTrue(letter.path("file").asText().endsWith("gone.mp4") && letter.path("reason").asText().contains("no such file"),
                letter.toString());
    }

    @Test
    void aStoreThatCannotBeReachedLeavesNoVerdictButADeadLetterAfterItsRetries() throws Exception {
        // issue 23: a look-up that cannot be made is no answer; the job tries again (2 s, 4 s) and then dead-letters
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Path list = Files.writeString(dir.resolve("list-outage.txt"), corpus.resolve("certified.mp4") + "\n"
                + corpus.resolve("stripped.mp4") + "\n");
        ScanOptions o = options("outage", "--runner=DirectRunner");
        o.setInput(null);
        o.setInputList(list.toString());
        o.setStore("http://127.0.0.1:" + closedPort);
        long started = System.nanoTime();
        assertEquals(PipelineResult.State.DONE, ScanPipeline.build(o).run().waitUntilFinish());
        assertEquals(Map.of("certified.mp4", "SIGNED"), reports("outage").entrySet().stream().collect(
                java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().path("verdict").asText())),
                "the signed file needs no look-up; the stripped one gets no verdict it did not earn");
        List<String> dead = lines("outage", "scan-deadletter");
        assertEquals(1, dead.size(), dead.toString());
        JsonNode letter = JSON.readTree(dead.get(0));
        assertTrue(letter.path("file").asText().endsWith("stripped.mp4")
                && letter.path("reason").asText().contains("no verdict after 3 tries"), letter.toString());
        assertTrue(System.nanoTime() - started >= 6_000_000_000L, "it waited 2 s and 4 s between tries");
    }

    @Test
    void aStoreThatHangsIsLeftAtTheJobsLookupTimeout() throws Exception {
        // --lookupTimeoutSeconds reaches every worker's verifier: a store that accepts and never answers costs one
        // second a try, and the file is a dead letter that says so
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            List<java.net.Socket> held = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Path list = Files.writeString(dir.resolve("list-hang.txt"), corpus.resolve("stripped.mp4") + "\n");
            ScanOptions o = options("hang", "--runner=DirectRunner", "--lookupTimeoutSeconds=1");
            o.setInput(null);
            o.setInputList(list.toString());
            o.setStore("http://127.0.0.1:" + silent.getLocalPort());
            assertEquals(PipelineResult.State.DONE, ScanPipeline.build(o).run().waitUntilFinish());
            assertTrue(reports("hang").isEmpty(), reports("hang").toString());
            List<String> dead = lines("hang", "scan-deadletter");
            assertEquals(1, dead.size(), dead.toString());
            JsonNode letter = JSON.readTree(dead.get(0));
            assertTrue(letter.path("reason").asText().contains("within 1 s"), letter.toString());
            for (java.net.Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void aDecoderThatCrashesOnEveryFileCostsDetectionsNotTheJob() throws Exception {
        ScanOptions o = options("crashing", "--runner=DirectRunner", "--workerCommand=false"); // exits at once, status 1
        assertEquals(PipelineResult.State.DONE, ScanPipeline.build(o).run().waitUntilFinish());
        Map<String, JsonNode> reports = reports("crashing");
        assertEquals(6, reports.size(), "every file is still reported, once");
        JsonNode certified = reports.get("certified.mp4");
        assertEquals("SIGNED", certified.path("verdict").asText(), "the C2PA part is checked without the decoder");
        assertTrue(certified.path("notes").toString().contains("could not be decoded"), certified.toString());
    }

    @Test
    void aJobKilledWhileVerifyingAndRunAgainReportsEveryFileExactlyOnce() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ScanJob.class.getName(), "--runner=DirectRunner",
                "--input=" + corpus + "/*", "--output=" + dir.resolve("killed") + "/scan", "--hallmarkHome=" + home,
                "--store=" + storeService.url(), "--shards=2"));
        Process job = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("killed.log").toFile())
                .start();
        // killed once it is verifying: its decoder worker process (the job's only child java) is running
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (job.isAlive() && job.descendants().noneMatch(p -> p.info().command().orElse("").endsWith("/java"))
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(job.isAlive(), "the job was still running when killed: " + Files.readString(dir.resolve("killed.log")));
        job.descendants().forEach(ProcessHandle::destroyForcibly);
        job.destroyForcibly().waitFor();

        assertEquals(PipelineResult.State.DONE, ScanPipeline.build(options("killed", "--runner=DirectRunner")).run()
                .waitUntilFinish());
        assertTheCorpusIsReportedExactly("killed");
    }

    @Test
    void aWatchedFolderIsAStreamingJobThatVerifiesEachNewFileOnce() throws Exception {
        Path incoming = Files.createDirectories(dir.resolve("incoming"));
        String output = "watched";
        ScanOptions o = options(output, "--runner=DirectRunner", "--blockOnRun=false", "--streaming",
                "--watchIntervalSeconds=1", "--windowSeconds=2");
        o.setInput(null);
        o.setWatch(incoming + "/*");
        PipelineResult job = ScanPipeline.build(o).run();
        try {
            Thread.sleep(2000);
            Files.copy(corpus.resolve("certified.mp4"), incoming.resolve("arrived.mp4"));
            Map<String, JsonNode> seen = Map.of();
            for (long deadline = System.nanoTime() + 120_000_000_000L; System.nanoTime() < deadline && seen.isEmpty(); ) {
                Thread.sleep(500);
                if (job.getState() != PipelineResult.State.RUNNING) {
                    job.waitUntilFinish(); // throws the job's failure
                }
                seen = Files.isDirectory(dir.resolve(output)) ? reports(output) : Map.of();
            }
            assertEquals(List.of("arrived.mp4"), List.copyOf(seen.keySet()), "the new file, reported once; written: "
                    + (Files.isDirectory(dir.resolve(output)) ? java.util.Arrays.toString(dir.resolve(output).toFile().list()) : "none"));
            assertEquals("SIGNED", seen.get("arrived.mp4").path("verdict").asText());
            assertEquals(PipelineResult.State.RUNNING, job.getState(), "still watching");
        } finally {
            job.cancel();
        }
    }

    @Test
    void sparkInLocalModeGivesTheSameResults() throws Exception {
        PipelineResult result = ScanPipeline.build(options("spark", "--runner=SparkRunner", "--sparkMaster=local[2]")).run();
        assertEquals(PipelineResult.State.DONE, result.waitUntilFinish());
        assertTheCorpusIsReportedExactly("spark");
        assertEquals(EXPECTED, withoutDamaged(parquetVerdicts("spark")), "the same rows in Parquet");
    }

    @Test
    void anEmbeddedFlinkClusterGivesTheSameResults() throws Exception {
        PipelineResult result = ScanPipeline.build(options("flink", "--runner=FlinkRunner", "--flinkMaster=[local]",
                "--parallelism=2")).run();
        assertEquals(PipelineResult.State.DONE, result.waitUntilFinish());
        assertTheCorpusIsReportedExactly("flink");
        assertEquals(EXPECTED, withoutDamaged(parquetVerdicts("flink")), "the same rows in Parquet");
    }
}
