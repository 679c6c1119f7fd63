package io.hallmark.beam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallmark.testdata.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch job run again into the same output prefix replaces every output of the run before (JSONL, Parquet, dead
 * letters, summary) whatever the shard layout of either run, leaves nothing in the output folder but its outputs,
 * and never touches a file that is not one of the job's own.
 */
class RerunOutputTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path home;
    static Path corpus;

    @BeforeAll
    static void uploads() throws IOException {
        home = dir.resolve("home");
        corpus = Files.createDirectories(dir.resolve("uploads"));
        // small files: what is verified does not matter here, only that each is reported once
        Files.copy(SharedData.c2paFixture("c2pa-rs/image/C.jpg"), corpus.resolve("a-signed.jpg"));
        Files.copy(SharedData.c2paFixture("c2pa-rs/image/no_manifest.jpg"), corpus.resolve("b-plain.jpg"));
        byte[] noise = new byte[20_000];
        new Random(7).nextBytes(noise);
        Files.write(corpus.resolve("c-noise.bin"), noise);
        new Random(8).nextBytes(noise);
        Files.write(corpus.resolve("d-noise.bin"), noise);
    }

    private static void run(Path out, int shards, String input, String... runner) {
        List<String> args = new ArrayList<>(List.of(runner.length == 0 ? new String[] {"--runner=DirectRunner"} : runner));
        args.addAll(List.of("--input=" + input,
                "--output=" + out.resolve("scan"), "--hallmarkHome=" + home, "--shards=" + shards,
                "--perFileTimeoutSeconds=60", "--workerCommand=false")); // no decoding needed to count rows
        PipelineOptionsFactory.register(ScanOptions.class);
        ScanOptions options = PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).as(ScanOptions.class);
        assertEquals(PipelineResult.State.DONE, ScanPipeline.build(options).run().waitUntilFinish());
    }

    /** File names in the JSONL results, one entry per line (duplicates kept). */
    static List<String> jsonlFiles(Path out, String kind) throws IOException {
        List<String> names = new ArrayList<>();
        for (Path f : list(out, "scan-" + kind + "-")) {
            if (f.getFileName().toString().endsWith(".jsonl")) {
                for (String line : Files.readAllLines(f)) {
                    if (!line.isBlank()) {
                        names.add(Path.of(JSON.readTree(line).path("file").asText()).getFileName().toString());
                    }
                }
            }
        }
        return names.stream().sorted().toList();
    }

    /** File names in the Parquet rows, one entry per row (duplicates kept), read back with parquet-avro. */
    static List<String> parquetFiles(Path out) throws IOException {
        List<String> names = new ArrayList<>();
        for (Path f : list(out, "scan-results-")) {
            if (f.getFileName().toString().endsWith(".parquet")) {
                try (var reader = org.apache.parquet.avro.AvroParquetReader.<org.apache.avro.generic.GenericRecord>builder(
                        org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(f.toUri()),
                                new org.apache.hadoop.conf.Configuration())).build()) {
                    for (var row = reader.read(); row != null; row = reader.read()) {
                        names.add(Path.of(row.get("file").toString()).getFileName().toString());
                    }
                }
            }
        }
        return names.stream().sorted().toList();
    }

    static long summaryFiles(Path out) throws IOException {
        return JSON.readTree(Files.readString(out.resolve("scan-summary.json"))).path("files").asLong(-1);
    }

    /** The job's own files of one kind, by their naming pattern (an operator's files beside them are not read). */
    static List<Path> list(Path out, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(p -> p.getFileName().toString().matches(
                    java.util.regex.Pattern.quote(prefix) + "\\d{5}-of-\\d{5}\\.(jsonl|parquet)")).sorted().toList();
        }
    }

    static Set<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return new TreeSet<>(files.map(p -> p.getFileName().toString()).toList());
        }
    }

    /** What a batch job with this many result shards leaves in its folder, and nothing else. */
    static Set<String> outputs(int shards) {
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < shards; i++) {
            names.add(String.format("scan-results-%05d-of-%05d.jsonl", i, shards));
            names.add(String.format("scan-results-%05d-of-%05d.parquet", i, shards));
        }
        names.add("scan-deadletter-00000-of-00001.jsonl");
        names.add("scan-summary.json");
        return names;
    }

    /**
     * Three runs into one prefix: four files and a pattern that matches nothing in four shards; then one file in four
     * shards (three shards left empty: the case that kept the first run's Parquet rows); then two files in three
     * shards. After each, every format holds exactly this run's files, once.
     */
    @ParameterizedTest
    @ValueSource(strings = {"--runner=DirectRunner", "--runner=FlinkRunner --flinkMaster=[local] --parallelism=2",
            "--runner=SparkRunner --sparkMaster=local[2]"})
    void aRerunReplacesEveryOutputAndTouchesNothingElse(String runner) throws IOException {
        Path out = Files.createDirectories(dir.resolve("rerun-" + runner.split("[ =]")[1]));
        // an operator's own files beside the outputs, some with names close to the job's: never touched
        List<String> others = List.of("notes.txt", "scan2-results-00000-of-00001.jsonl", "scan-results.jsonl",
                "scan-results-00000-of-00001.jsonl.bak", "other-summary.json", "scan-results-x-of-y.parquet",
                ".scan-temp-notes", ".scan2-temp-0f8fad5b-d9cb-469f-a165-70867728950e");
        for (String name : others) {
            Files.writeString(out.resolve(name), "kept\n");
        }

        List<String> all = List.of("a-signed.jpg", "b-plain.jpg", "c-noise.bin", "d-noise.bin");
        run(out, 4, corpus + "/*," + corpus + "/gone-*.mp4", runner.split(" "));
        assertEquals(all, jsonlFiles(out, "results"), "JSONL");
        assertEquals(all, parquetFiles(out), "Parquet");
        assertEquals(List.of("gone-*.mp4"), jsonlFiles(out, "deadletter"), "the pattern that matched nothing");
        assertEquals(4, summaryFiles(out), "summary");

        run(out, 4, corpus + "/b-*", runner.split(" "));
        assertEquals(List.of("b-plain.jpg"), jsonlFiles(out, "results"), "JSONL");
        assertEquals(List.of("b-plain.jpg"), parquetFiles(out), "Parquet: empty shards are written too");
        assertEquals(List.of(), jsonlFiles(out, "deadletter"), "no dead letter of the first run");
        assertEquals(1, summaryFiles(out), "summary");

        run(out, 3, corpus + "/a-*," + corpus + "/c-*", runner.split(" "));
        List<String> two = List.of("a-signed.jpg", "c-noise.bin");
        assertEquals(two, jsonlFiles(out, "results"), "JSONL");
        assertEquals(two, parquetFiles(out), "Parquet");
        assertEquals(List.of(), jsonlFiles(out, "deadletter"), "dead letters");
        assertEquals(2, summaryFiles(out), "summary");
        for (String name : others) {
            assertEquals("kept\n", Files.readString(out.resolve(name)), name);
        }
        assertOnly(out, 3, others);
    }

    @Test
    void theOutputFolderHoldsNothingButTheOutputs() throws IOException {
        Path out = Files.createDirectories(dir.resolve("clean"));
        // what a run killed while writing left: its temporary folder, removed by the next run of the prefix
        Path killed = Files.createDirectories(out.resolve(".scan-temp-7c9e6679-7425-40de-944b-e07fc1f90ae7/.temp-beam"));
        Files.writeString(killed.resolve("partial"), "x");
        run(out, 2, corpus + "/*");
        assertEquals(outputs(2), names(out), "no temporary folder (Beam's .temp-beam, a killed run's) beside the outputs");
    }

    /** The folder holds this run's outputs and the operator's files: no temporary folder, no earlier run's shard. */
    private static void assertOnly(Path out, int shards, List<String> others) throws IOException {
        Set<String> expected = outputs(shards);
        expected.addAll(others);
        assertEquals(expected, names(out));
    }
}
